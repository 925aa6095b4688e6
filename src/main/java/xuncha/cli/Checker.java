package xuncha.cli;

import xuncha.engine.Engine;
import xuncha.engine.SessionLimits;
import xuncha.engine.RulePack;
import xuncha.engine.RuleSources;
import xuncha.facts.FactBase;
import xuncha.findings.Finding;
import xuncha.load.FactLoader;
import xuncha.load.GroupedLoader;
import xuncha.load.InputException;
import xuncha.load.WaiverLoader;
import xuncha.report.Report;
import xuncha.report.ReportBuilder;
import xuncha.util.Parallel;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code xuncha check} does before rounds, waivers and rendering: compile the pack (on a thread
 * of its own while the files are read), load the facts (whole, or county folder by county folder),
 * run the rules, build the report.
 */
final class Checker {
    private final Supplier<RuleSources> sources;
    private final List<String> paths;
    private final Charset charset;
    private final int jobs;
    private final String lang;
    private final boolean explain;
    private final Map<String, String> sets;
    private final List<String> onlyRules;
    private final List<String> onlyUnits;
    private final Path waivers;
    private SessionLimits limits = SessionLimits.DEFAULT;

    Checker(Supplier<RuleSources> sources, List<String> paths, Charset charset, int jobs, String lang, boolean explain,
            Map<String, String> sets, List<String> onlyRules, List<String> onlyUnits, Path waivers) {
        this.sources = sources;
        this.paths = paths;
        this.charset = charset;
        this.jobs = jobs;
        this.lang = lang;
        this.explain = explain;
        this.sets = sets;
        this.onlyRules = onlyRules;
        this.onlyUnits = onlyUnits;
        this.waivers = waivers;
    }

    /** Each county's rule session within these limits. */
    Checker limits(SessionLimits limits) {
        this.limits = limits;
        return this;
    }

    Checked run(ProgressLine progress) {
        Supplier<RulePack> compiling = Parallel.background("xuncha-compile", () -> RulePack.load(sources.get()));
        // A folder of county folders is checked county folder by county folder, in bounded memory.
        Optional<List<List<String>>> groups = GroupedLoader.groups(paths);
        return groups.isPresent() ? byGroup(groups.get(), compiling, charset, progress)
                : whole(compiling, charset, progress);
    }

    /**
     * A check's result before rounds and waivers.
     *
     * @param days the rectification period at each unit that has a finding
     * @param scope the units --unit names and those under them
     * @param unitIds the unit ids waivers are checked against (all, or those named and their nearest)
     */
    record Checked(RulePack rules, Report report, Function<String, Optional<BigDecimal>> days,
                           Supplier<Set<String>> scope, Supplier<Collection<String>> unitIds,
                           Supplier<Collection<String>> personIds) {
    }

    /** The pack once compiled, with --set applied and --rule checked. */
    private record Pack(RulePack rules, Set<String> only) {
    }

    private Pack pack(Supplier<RulePack> compiling) {
        RulePack loaded = compiling.get();
        RulePack rules = loaded.withThresholds(Scope.thresholds(sets, loaded));
        return new Pack(rules, Scope.rules(onlyRules, rules));
    }

    /** Every file into one fact base, then the counties checked. */
    private Checked whole(Supplier<RulePack> compiling, Charset charset, ProgressLine progress) {
        FactLoader loader = new FactLoader(charset, jobs);
        if (progress != null) {
            loader.onProgress(progress.files());
        }
        FactBase facts = null;
        InputException badFacts = null;
        try {
            facts = loader.load(paths);
        } catch (InputException e) {
            badFacts = e;
        } finally {
            if (progress != null) {
                progress.clear();
            }
        }
        // A broken pack or option is reported before broken facts, as when they were read one after the other.
        Pack p = pack(compiling);
        if (badFacts != null) {
            throw badFacts;
        }
        Engine engine = new Engine(p.rules(), jobs).limits(limits);
        if (progress != null) {
            engine.onProgress(progress.counties());
        }
        List<Finding> findings = engine.run(facts, p.only());
        if (progress != null) {
            progress.clear();
        }
        FactBase all = facts;
        return new Checked(p.rules(), ReportBuilder.build(facts, p.rules(), findings, lang, explain, p.only()),
                ReportBuilder.rectificationDays(facts, p.rules()), () -> Scope.units(onlyUnits, all),
                () -> all.units().stream().map(u -> u.id()).toList(),
                () -> all.people().stream().map(x -> x.id()).toList());
    }

    /** One county folder's report, and the rectification period at the units it has findings at. */
    private record Part(Report report, Map<String, Optional<BigDecimal>> days) {
    }

    /**
     * Each county folder loaded, checked and dropped in turn ({@code --jobs} at a time): what stays
     * is its findings. Folders tied to others (an id in two, a reference across) are checked together.
     */
    private Checked byGroup(List<List<String>> groups, Supplier<RulePack> compiling, Charset charset,
                            ProgressLine progress) {
        Pack p = pack(compiling);
        Named named = named();
        Map<Integer, Part> parts = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        BiConsumer<Integer, Integer> counties = progress == null ? (d, t) -> { } : progress.counties();
        new GroupedLoader(charset, jobs).load(groups, new GroupedLoader.Sink() {
            @Override
            public void accept(int key, FactBase facts) {
                List<Finding> findings = new Engine(p.rules(), 1).limits(limits).run(facts, p.only());
                Report part = ReportBuilder.build(facts, p.rules(), findings, lang, explain, p.only());
                Function<String, Optional<BigDecimal>> days = ReportBuilder.rectificationDays(facts, p.rules());
                Map<String, Optional<BigDecimal>> atFindings = new HashMap<>();
                part.findings().forEach(e -> atFindings.computeIfAbsent(e.unit(), days));
                parts.put(key, new Part(part, atFindings));
                named.see(key, facts);
                counties.accept(Math.min(done.incrementAndGet(), groups.size()), groups.size());
            }

            @Override
            public void retract(int key) {
                parts.remove(key);
                named.forget(key);
            }
        });
        if (progress != null) {
            progress.clear();
        }
        Map<String, Optional<BigDecimal>> days = new HashMap<>();
        parts.values().forEach(part -> days.putAll(part.days()));
        Report report = ReportBuilder.merge(new TreeMap<>(parts).values().stream().map(Part::report).toList());
        return new Checked(p.rules(), report, unit -> days.getOrDefault(unit, Optional.empty()), named::scope,
                named::knownUnits, named::knownPeople);
    }

    /**
     * The ids --unit and the waivers name. The waivers file is read here only for its ids, leniently:
     * its mistakes are reported, located, where a whole load reports them, after the facts.
     */
    private Named named() {
        List<String> units = new ArrayList<>();
        List<String> people = new ArrayList<>();
        if (waivers != null) {
            try {
                WaiverLoader.load(waivers, waivers.toString(), Everything.IDS, Everything.IDS, Everything.IDS)
                        .forEach(w -> {
                            units.add(w.unit());
                            if (!w.person().isEmpty()) {
                                people.add(w.person());
                            }
                        });
            } catch (InputException e) {
                // reported by the real reading, after the facts
            }
        }
        return new Named(onlyUnits, units, people);
    }

    /** A collection that holds every id: the waivers' own mistakes, without the question of which ids exist. */
    private static final class Everything extends java.util.AbstractCollection<String> {
        static final Everything IDS = new Everything();

        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
