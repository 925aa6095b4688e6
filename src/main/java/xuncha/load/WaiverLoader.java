package xuncha.load;

import xuncha.problems.Diagnostics;
import xuncha.problems.Suggest;
import xuncha.yaml.YamlReader;
import xuncha.yaml.Fields;

import org.yaml.snakeyaml.nodes.Node;
import xuncha.facts.Location;
import xuncha.facts.Waiver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads a waivers file: {@code waivers: [{rule, unit, person, reason, approved_by, approved_on, expires}]},
 * every field required but {@code person}. Problems are located like those of facts files.
 */
public final class WaiverLoader {
    private static final List<String> FIELDS = List.of("rule", "unit", "person", "reason", "approved_by",
            "approved_on", "expires");

    private WaiverLoader() {
    }

    /**
     * Reads and checks a waivers file in one go: the ids it names must be among these.
     * Equivalent to {@code read(file, shown).check(ruleIds, unitIds, personIds)}.
     */
    public static List<Waiver> load(Path file, String shown, Collection<String> ruleIds, Collection<String> unitIds,
                                    Collection<String> personIds) {
        return read(file, shown).check(ruleIds, unitIds, personIds);
    }

    /**
     * Reads a waivers file once, before the facts: its syntax is read now, its mistakes are kept,
     * and the ids it names ({@link Read#units()}, {@link Read#people()}) can be looked for while the
     * facts are read part by part. {@link Read#check} then reports everything, located.
     */
    public static Read read(Path file, String shown) {
        Diagnostics problems = new Diagnostics();
        List<Pending> pending = new ArrayList<>();
        Optional<Node> root = new YamlReader(StandardCharsets.UTF_8).read(file, shown, problems);
        root.flatMap(r -> Fields.of(r, new xuncha.problems.Messages.Term("kind.waivers_file"), shown, problems)).ifPresent(top -> {
            top.allowOnly(List.of("waivers"));
            for (Node n : top.list("waivers", true)) {
                Fields.of(n, new xuncha.problems.Messages.Term("kind.waiver"), shown, problems).ifPresent(f -> waiver(f, problems).ifPresent(pending::add));
            }
        });
        if (root.isEmpty() && !problems.any()) {
            problems.say(Location.ofFile(shown), "waivers.empty");
        }
        return new Read(List.copyOf(pending), problems.sorted());
    }

    /**
     * A waiver as written, with where its ids stand, before they are looked up: its ids as far as
     * they are given, and the waiver itself when every required field is.
     */
    private record Pending(Optional<String> rule, Location ruleAt, Optional<String> unit, Location unitAt,
                           String person, Location personAt, Optional<Waiver> waiver) {
    }

    /** A waivers file read: its waivers, and the mistakes found in its syntax. */
    public static final class Read {
        private final List<Pending> pending;
        private final List<xuncha.problems.Diagnostic> mistakes;

        private Read(List<Pending> pending, List<xuncha.problems.Diagnostic> mistakes) {
            this.pending = pending;
            this.mistakes = mistakes;
        }

        /** The unit ids the waivers name. */
        public List<String> units() {
            return pending.stream().flatMap(p -> p.unit().stream()).toList();
        }

        /** The person ids the waivers name. */
        public List<String> people() {
            return pending.stream().map(Pending::person).filter(p -> !p.isEmpty()).toList();
        }

        /** The waivers, each id found among these; every mistake, of syntax or of id, in one {@link InputException}. */
        public List<Waiver> check(Collection<String> ruleIds, Collection<String> unitIds, Collection<String> personIds) {
            Diagnostics problems = new Diagnostics();
            problems.addAll(mistakes);
            List<Waiver> waivers = new ArrayList<>();
            for (Pending p : pending) {
                boolean rule = p.rule().map(r -> known(r, "rule", ruleIds, p.ruleAt(), problems)).orElse(false);
                boolean unit = p.unit().map(u -> known(u, "unit", unitIds, p.unitAt(), problems)).orElse(false);
                boolean person = p.person().isEmpty() || known(p.person(), "person", personIds, p.personAt(), problems);
                if (rule && unit && person) {
                    p.waiver().ifPresent(waivers::add);
                }
            }
            problems.throwIfAny();
            return List.copyOf(waivers);
        }
    }

    private static Optional<Pending> waiver(Fields f, Diagnostics problems) {
        f.allowOnly(FIELDS);
        Optional<String> rule = f.string("rule", true);
        Optional<String> unit = f.id("unit", true);
        String person = f.id("person", false).orElse("");
        Optional<String> reason = f.string("reason", true);
        Optional<String> approvedBy = f.string("approved_by", true);
        Optional<LocalDate> approvedOn = f.date("approved_on", true);
        Optional<LocalDate> expires = f.date("expires", true);
        if (approvedOn.isPresent() && expires.isPresent() && expires.get().isBefore(approvedOn.get())) {
            problems.say(f.at("expires"), "waivers.expires_before_approved", expires.get(), approvedOn.get());
        }
        Optional<Waiver> complete = rule.isEmpty() || unit.isEmpty() || reason.isEmpty() || approvedBy.isEmpty()
                || approvedOn.isEmpty() || expires.isEmpty() ? Optional.empty()
                : Optional.of(new Waiver(rule.get(), unit.get(), person, reason.get(), approvedBy.get(),
                        approvedOn.get(), expires.get(), f.at()));
        return Optional.of(new Pending(rule, f.at("rule"), unit, f.at("unit"), person,
                person.isEmpty() ? f.at() : f.at("person"), complete));
    }

    private static boolean known(String id, String kind, Collection<String> known, Location at, Diagnostics problems) {
        if (known.contains(id)) {
            return true;
        }
        problems.say(at, "waivers.not_found", new xuncha.problems.Messages.Term("kind." + kind), id,
                Suggest.term(id, known));
        return false;
    }
}
