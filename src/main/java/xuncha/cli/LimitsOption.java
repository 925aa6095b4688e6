package xuncha.cli;

import picocli.CommandLine.Option;
import xuncha.engine.SessionLimits;

import java.time.Duration;

/** The limits on each county's session, the same for every command that runs a pack over facts. */
final class LimitsOption {
    @Option(names = "--max-firings", paramLabel = "N")
    long maxFirings = SessionLimits.DEFAULT.firings();

    @Option(names = "--max-inserted", paramLabel = "N")
    long maxInserted = SessionLimits.DEFAULT.inserted();

    @Option(names = "--session-seconds", paramLabel = "S")
    long sessionSeconds = SessionLimits.DEFAULT.time().toSeconds();

    /** The limits given; a usage error when one is out of range. */
    SessionLimits limits() {
        if (maxFirings < 1 || maxInserted < 1 || sessionSeconds < 1 || sessionSeconds > 86_400) {
            throw new UsageError("usage.limits");
        }
        return new SessionLimits(maxFirings, maxInserted, Duration.ofSeconds(sessionSeconds));
    }
}
