package xuncha.cli;

/** The exit statuses of cli.md. */
public enum ExitCode {
    /** No finding at or above {@code --fail-on}. */
    CLEAN(0),
    /** Some finding at or above {@code --fail-on}. */
    FINDINGS(1),
    /** The run could not be made: bad facts, bad rules, bad options, unreadable files. */
    UNUSABLE(2);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
