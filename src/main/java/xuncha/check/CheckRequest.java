package xuncha.check;

import xuncha.engine.RulePack;
import xuncha.engine.RuleSources;
import xuncha.engine.SessionLimits;
import xuncha.facts.FactBase;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a check is asked to do: which rules over which facts, in which language, with which
 * restrictions and which earlier round and waivers. The same request comes from the command line,
 * from {@code impact} and {@code verify}, and from a web request.
 *
 * @param rules     the pack: a folder to compile, or a pack already compiled
 * @param facts     the facts: files and folders to read, or a fact base already read
 * @param lang      the language of titles and messages, {@code zh} or {@code en}
 * @param jobs      how many counties are checked at a time
 * @param explain   whether each finding carries the facts and numbers it rests on
 * @param sets      threshold values for this check only ({@code NAME} or {@code NAME.PART} to value)
 * @param onlyRules the rule ids to run (all when empty)
 * @param onlyUnits the units to report, with those under them (all when empty)
 * @param baseline  the report of the previous round, or null
 * @param waivers   the waivers file, or null
 * @param limits    the limits on each county's session
 * @param priorRound the previous round as a ledger keeps it, given the report of this round's units
 *                   (used when no baseline file is given; {@link PriorRound#NONE} when there is none)
 */
public record CheckRequest(Rules rules, Facts facts, String lang, int jobs, boolean explain, Map<String, String> sets,
                           List<String> onlyRules, List<String> onlyUnits, Path baseline, Path waivers,
                           SessionLimits limits, PriorRound priorRound) {

    /** Where the pack comes from. */
    public sealed interface Rules {
        /** A rules folder, compiled by the check (on a thread of its own while the facts are read). */
        record Folder(Supplier<RuleSources> sources) implements Rules {
        }

        /** A pack already compiled. */
        record Compiled(RulePack pack) implements Rules {
        }
    }

    /** Where the facts come from. */
    public sealed interface Facts {
        /** Files and folders; a folder of county folders is read one county folder at a time. */
        record Files(List<String> paths, Charset charset) implements Facts {
        }

        /** A fact base already read. */
        record Loaded(FactBase base) implements Facts {
        }
    }

    /** The previous round, read from a ledger once the check knows which units it covered. */
    @FunctionalInterface
    public interface PriorRound {
        PriorRound NONE = current -> java.util.Optional.empty();

        java.util.Optional<xuncha.report.Baseline> before(xuncha.report.Report current);
    }

    public CheckRequest {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        sets = Map.copyOf(sets);
        onlyRules = List.copyOf(onlyRules);
        onlyUnits = List.copyOf(onlyUnits);
    }

    /** A check of every rule over these facts, in Chinese, one county at a time per processor, with no round or waiver. */
    public static CheckRequest of(Rules rules, Facts facts) {
        return new CheckRequest(rules, facts, "zh", Runtime.getRuntime().availableProcessors(), false, Map.of(),
                List.of(), List.of(), null, null, SessionLimits.DEFAULT,
                PriorRound.NONE);
    }

    /** The files and folders {@code paths}, read as UTF-8. */
    public static Facts files(List<String> paths) {
        return new Facts.Files(paths, StandardCharsets.UTF_8);
    }

    public CheckRequest lang(String lang) {
        return new CheckRequest(rules, facts, lang, jobs, explain, sets, onlyRules, onlyUnits, baseline, waivers, limits, priorRound);
    }

    public CheckRequest jobs(int jobs) {
        return new CheckRequest(rules, facts, lang, jobs, explain, sets, onlyRules, onlyUnits, baseline, waivers, limits, priorRound);
    }

    public CheckRequest explain(boolean explain) {
        return new CheckRequest(rules, facts, lang, jobs, explain, sets, onlyRules, onlyUnits, baseline, waivers, limits, priorRound);
    }

    public CheckRequest sets(Map<String, String> sets) {
        return new CheckRequest(rules, facts, lang, jobs, explain, sets, onlyRules, onlyUnits, baseline, waivers, limits, priorRound);
    }

    public CheckRequest only(List<String> rules, List<String> units) {
        return new CheckRequest(this.rules, facts, lang, jobs, explain, sets, rules, units, baseline, waivers, limits, priorRound);
    }

    public CheckRequest rounds(Path baseline, Path waivers) {
        return new CheckRequest(rules, facts, lang, jobs, explain, sets, onlyRules, onlyUnits, baseline, waivers, limits, priorRound);
    }

    /** This request with the previous round taken from a ledger. */
    public CheckRequest priorRound(PriorRound priorRound) {
        return new CheckRequest(rules, facts, lang, jobs, explain, sets, onlyRules, onlyUnits, baseline, waivers, limits,
                priorRound);
    }

    public CheckRequest limits(SessionLimits limits) {
        return new CheckRequest(rules, facts, lang, jobs, explain, sets, onlyRules, onlyUnits, baseline, waivers, limits, priorRound);
    }
}
