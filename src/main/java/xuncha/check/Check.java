package xuncha.check;

import xuncha.engine.Engine;
import xuncha.engine.RulePack;
import xuncha.facts.FactBase;
import xuncha.findings.Finding;
import xuncha.load.FactLoader;
import xuncha.load.FactsDigest;
import xuncha.load.GroupedLoader;
import xuncha.load.WaiverLoader;
import xuncha.problems.InputException;
import xuncha.report.Baseline;
import xuncha.report.Provenance;
import xuncha.report.Report;
import xuncha.report.ReportBuilder;
import xuncha.report.Tracker;
import xuncha.report.Waivers;
import xuncha.util.Parallel;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a check is made, whoever asks: compile the pack (on a thread of its own while the
 * facts are read), read the facts (whole, or one county folder at a time), run the rules, build the
 * report, then apply the previous round, the waivers and the unit scope.
 *
 * <p>Problems come out in the order a user meets them: a bad baseline first, then a broken pack or
 * option, then broken facts, then a baseline of other units, then the waivers' mistakes.
 */
public final class Check {
    private final CheckRequest request;
    private final CheckListener listener;
    /** The facts files' digest, taken as they are read. */
    private final FactsDigest digest = new FactsDigest();

    private Check(CheckRequest request, CheckListener listener) {
        this.request = request;
        this.listener = listener;
    }

    /**
     * Runs the check. Throws {@link InputException} for input that cannot be used (located) and
     * {@link RequestException} for a request that names what is not there.
     */
    public static CheckResult run(CheckRequest request, CheckListener listener) {
        return new Check(request, listener == null ? CheckListener.NONE : listener).run();
    }

    private CheckResult run() {
        Baseline prior = request.baseline() == null ? null
                : Baseline.read(request.baseline(), request.baseline().toString());
        WaiverLoader.Read waivers = request.waivers() == null ? null
                : WaiverLoader.read(request.waivers(), request.waivers().toString());
        Supplier<RulePack> compiling = request.rules() instanceof CheckRequest.Rules.Compiled c ? c::pack
                : Parallel.background("xuncha-compile",
                        () -> RulePack.load(((CheckRequest.Rules.Folder) request.rules()).sources().get()));
        Checked checked;
        if (request.facts() instanceof CheckRequest.Facts.Files f) {
            // A folder of county folders is checked county folder by county folder, in bounded memory.
            Optional<List<List<String>>> groups = GroupedLoader.groups(f.paths());
            checked = groups.isPresent() ? byGroup(groups.get(), compiling, f, waivers)
                    : whole(compiling, () -> load(f));
        } else {
            FactBase given = ((CheckRequest.Facts.Loaded) request.facts()).base();
            checked = whole(compiling, () -> given);
        }
        Report report = checked.report();
        Set<String> scope = request.onlyUnits().isEmpty() ? Set.of() : checked.scope().get();
        if (prior != null) {
            prior.checkAgainst(report.asOf(), report.coverage().units().stream().map(Report.UnitRef::id).toList());
            report = Tracker.track(report, prior, checked.days());
        } else {
            Optional<Baseline> kept = request.priorRound().before(report);
            if (kept.isPresent()) {
                report = Tracker.track(report, kept.get(), checked.days());
            }
        }
        if (waivers != null) {
            report = Waivers.apply(report, waivers.check(checked.rules().rules().stream().map(r -> r.id()).toList(),
                    checked.unitIds().get(), checked.personIds().get()));
        }
        if (!request.onlyUnits().isEmpty()) {
            report = report.within(scope);
        }
        String facts = request.facts() instanceof CheckRequest.Facts.Files ? digest.hex() : "";
        report = report.withProvenance(new Provenance(checked.rules().version(), checked.rules().sha256(), facts,
                request.sets()));
        return new CheckResult(checked.rules(), report);
    }

    /**
     * A check's result before rounds and waivers.
     *
     * @param days the rectification period at each unit that has a finding
     * @param scope the units --unit names and those under them
     * @param unitIds the unit ids waivers are checked against (all, or those named and their nearest)
     */
    private record Checked(RulePack rules, Report report, Function<String, Optional<BigDecimal>> days,
                           Supplier<Set<String>> scope, Supplier<Collection<String>> unitIds,
                           Supplier<Collection<String>> personIds) {
    }

    /** The pack once compiled, with --set applied and --rule checked. */
    private record Pack(RulePack rules, Set<String> only) {
    }

    /** {@code make} called once, by whichever thread asks first; its result, or what it threw, for every thread. */
    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T made;
            private RuntimeException failed;

            @Override
            public synchronized T get() {
                if (made == null && failed == null) {
                    try {
                        made = make.get();
                    } catch (RuntimeException e) {
                        failed = e;
                    }
                }
                if (failed != null) {
                    throw failed;
                }
                return made;
            }
        };
    }

    private Pack pack(Supplier<RulePack> compiling) {
        RulePack loaded = compiling.get();
        RulePack rules = loaded.withThresholds(Scope.thresholds(request.sets(), loaded));
        return new Pack(rules, Scope.rules(request.onlyRules(), rules));
    }

    private FactBase load(CheckRequest.Facts.Files files) {
        FactLoader loader = new FactLoader(files.charset(), request.jobs()).onProgress(listener::files).onFile(digest);
        try {
            return loader.load(files.paths());
        } finally {
            listener.phaseOver();
        }
    }

    /** Every file into one fact base, then the counties checked. */
    private Checked whole(Supplier<RulePack> compiling, Supplier<FactBase> reading) {
        FactBase facts = null;
        InputException badFacts = null;
        try {
            facts = reading.get();
        } catch (InputException e) {
            badFacts = e;
        }
        // A broken pack or option is reported before broken facts, as when they were read one after the other.
        Pack p = pack(compiling);
        if (badFacts != null) {
            throw badFacts;
        }
        List<Finding> findings = new Engine(p.rules(), request.jobs()).limits(request.limits())
                .onProgress(listener::counties).run(facts, p.only());
        listener.phaseOver();
        FactBase all = facts;
        return new Checked(p.rules(), ReportBuilder.build(facts, p.rules(), findings, request.lang(),
                request.explain(), p.only()), ReportBuilder.rectificationDays(facts, p.rules()),
                () -> Scope.units(request.onlyUnits(), all), () -> all.units().stream().map(u -> u.id()).toList(),
                () -> all.people().stream().map(x -> x.id()).toList());
    }

    /** One county folder's report, and the rectification period at the units it has findings at. */
    private record Part(Report report, Map<String, Optional<BigDecimal>> days) {
    }

    /**
     * Each county folder loaded, checked and dropped in turn ({@code jobs} at a time): what stays
     * is its findings. Folders tied to others (an id in two, a reference across) are checked together.
     */
    private Checked byGroup(List<List<String>> groups, Supplier<RulePack> compiling, CheckRequest.Facts.Files files,
                            WaiverLoader.Read waivers) {
        // The folders are read while the pack is built: the first folder read waits for it, not the reading.
        Supplier<Pack> packed = once(() -> pack(compiling));
        Named named = new Named(request.onlyUnits(), waivers == null ? List.of() : waivers.units(),
                waivers == null ? List.of() : waivers.people());
        Map<Integer, Part> parts = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        GroupedLoader.Sink sink = new GroupedLoader.Sink() {
            @Override
            public void accept(int key, FactBase facts) {
                Pack p = packed.get();
                List<Finding> findings = new Engine(p.rules(), 1).limits(request.limits()).run(facts, p.only());
                Report part = ReportBuilder.build(facts, p.rules(), findings, request.lang(), request.explain(),
                        p.only());
                Function<String, Optional<BigDecimal>> days = ReportBuilder.rectificationDays(facts, p.rules());
                Map<String, Optional<BigDecimal>> atFindings = new HashMap<>();
                part.findings().forEach(e -> atFindings.computeIfAbsent(e.unit(), days));
                parts.put(key, new Part(part, atFindings));
                named.see(key, facts);
                listener.counties(Math.min(done.incrementAndGet(), groups.size()), groups.size());
            }

            @Override
            public void retract(int key) {
                parts.remove(key);
                named.forget(key);
            }
        };
        try {
            new GroupedLoader(files.charset(), request.jobs()).onFile(digest).load(groups, sink);
        } catch (RuntimeException e) {
            // A broken pack or option is reported before broken facts, as when the pack came first.
            packed.get();
            throw e;
        }
        Pack p = packed.get();
        listener.phaseOver();
        Map<String, Optional<BigDecimal>> days = new HashMap<>();
        parts.values().forEach(part -> days.putAll(part.days()));
        Report report = ReportBuilder.merge(new TreeMap<>(parts).values().stream().map(Part::report).toList());
        return new Checked(p.rules(), report, unit -> days.getOrDefault(unit, Optional.empty()), named::scope,
                named::knownUnits, named::knownPeople);
    }
}
