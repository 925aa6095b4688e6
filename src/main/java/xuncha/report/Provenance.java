package xuncha.report;

import java.util.Map;

/**
 * Which pack judged which facts: what a report needs to be reproduced, and a round compared knowing
 * it was judged by the same rules.
 *
 * @param packVersion the pack's {@code version:} (thresholds.yaml), empty when it gives none
 * @param packSha256  SHA-256 of the pack as written (each rules file's name and text, then thresholds.yaml)
 * @param factsSha256 SHA-256 of the facts files (of each file's SHA-256, sorted: the same files give
 *                    the same digest however they are kept); empty when the facts were not read from files
 * @param sets        threshold values given for this run only ({@code --set})
 */
public record Provenance(String packVersion, String packSha256, String factsSha256, Map<String, String> sets) {
    /** Nothing known: a report built in memory. */
    public static final Provenance NONE = new Provenance("", "", "", Map.of());

    public Provenance {
        sets = Map.copyOf(sets);
    }

    public boolean known() {
        return !packSha256.isEmpty();
    }
}
