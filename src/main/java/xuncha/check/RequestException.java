package xuncha.check;

import xuncha.problems.Messages;

/**
 * A request that names what is not there ({@code --rule} of no rule, {@code --unit} of no unit, a
 * {@code --set} of no threshold or a value outside its type): the user's option, not the input
 * files, is wrong. The message says which option and suggests the nearest name, in the user's language.
 */
public final class RequestException extends RuntimeException {
    private final transient Messages.Term says;

    RequestException(String key, Object... args) {
        super(new Messages.Term(key, args).in("en"), null, false, false);
        this.says = new Messages.Term(key, args);
    }

    /** The sentence in {@code lang}. */
    public String in(String lang) {
        return says.in(lang);
    }
}
