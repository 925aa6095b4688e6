package xuncha.cli;

/** A command line that cannot be run as written: one sentence for the user, exit 2. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }
}
