package xuncha.cli;

import xuncha.problems.Messages;

/** A command line that cannot be run as written: one sentence for the user, in their language, exit 2. */
final class UsageError extends RuntimeException {
    private final transient Messages.Term says;

    UsageError(String key, Object... args) {
        this(new Messages.Term(key, args));
    }

    UsageError(Messages.Term says) {
        super(says.in("en"), null, false, false);
        this.says = says;
    }

    /** The sentence in {@code lang}. */
    String in(String lang) {
        return says.in(lang);
    }
}
