package xuncha.check;

/**
 * A request that names what is not there ({@code --rule} of no rule, {@code --unit} of no unit, a
 * {@code --set} of no threshold or a value outside its type): the user's option, not the input
 * files, is wrong. The message says which option and suggests the nearest name.
 */
public final class RequestException extends RuntimeException {
    public RequestException(String message) {
        super(message);
    }
}
