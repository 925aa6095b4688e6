package xuncha.check;

/** Told how a check is going, from the checking threads: for a progress line, or a web page's. */
public interface CheckListener {
    /** Does nothing. */
    CheckListener NONE = new CheckListener() {
    };

    /** {@code done} of {@code total} facts files read. */
    default void files(int done, int total) {
    }

    /** {@code done} of {@code total} counties checked. */
    default void counties(int done, int total) {
    }

    /** A phase (reading, checking) is over: a progress line clears itself. */
    default void phaseOver() {
    }
}
