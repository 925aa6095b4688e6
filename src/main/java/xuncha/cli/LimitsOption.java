package xuncha.cli;

import picocli.CommandLine.Option;
import xuncha.engine.SessionLimits;

import java.time.Duration;

/** The limits on each county's session, the same for every command that runs a pack over facts. */
final class LimitsOption {
    @Option(names = "--max-firings", paramLabel = "N", description = "Stop a county's rules after N firings"
            + " (default: ${DEFAULT-VALUE}): a rule that never ends is reported, not waited for.")
    long maxFirings = SessionLimits.DEFAULT.firings();

    @Option(names = "--max-inserted", paramLabel = "N", description = "Stop a county's rules after they insert N"
            + " facts (default: ${DEFAULT-VALUE}).")
    long maxInserted = SessionLimits.DEFAULT.inserted();

    @Option(names = "--session-seconds", paramLabel = "S", description = "Stop a county's rules after S seconds"
            + " (default: ${DEFAULT-VALUE}).")
    long sessionSeconds = SessionLimits.DEFAULT.time().toSeconds();

    /** The limits given; a usage error when one is out of range. */
    SessionLimits limits() {
        if (maxFirings < 1 || maxInserted < 1 || sessionSeconds < 1 || sessionSeconds > 86_400) {
            throw new UsageError("usage.limits");
        }
        return new SessionLimits(maxFirings, maxInserted, Duration.ofSeconds(sessionSeconds));
    }
}
