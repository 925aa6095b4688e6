package xuncha.load;

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

    public static List<Waiver> load(Path file, String shown, Collection<String> ruleIds, Collection<String> unitIds,
                                    Collection<String> personIds) {
        Diagnostics problems = new Diagnostics();
        List<Waiver> waivers = new ArrayList<>();
        Optional<Node> root = new YamlReader(StandardCharsets.UTF_8).read(file, shown, problems);
        root.flatMap(r -> Fields.of(r, "the waivers file", shown, problems)).ifPresent(top -> {
            top.allowOnly(List.of("waivers"));
            for (Node n : top.list("waivers", true)) {
                Fields.of(n, "waiver", shown, problems).ifPresent(f -> waiver(f, ruleIds, unitIds, personIds, problems)
                        .ifPresent(waivers::add));
            }
        });
        if (root.isEmpty() && !problems.any()) {
            problems.error(Location.ofFile(shown), "the waivers file is empty (write 'waivers: [...]')");
        }
        problems.throwIfAny();
        return List.copyOf(waivers);
    }

    private static Optional<Waiver> waiver(Fields f, Collection<String> ruleIds, Collection<String> unitIds,
                                           Collection<String> personIds, Diagnostics problems) {
        f.allowOnly(FIELDS);
        Optional<String> rule = f.string("rule", true).filter(r -> known(r, "rule", ruleIds, f.at("rule"), problems));
        Optional<String> unit = f.id("unit", true).filter(u -> known(u, "unit", unitIds, f.at("unit"), problems));
        String person = f.id("person", false).filter(p -> known(p, "person", personIds, f.at("person"), problems))
                .orElse("");
        Optional<String> reason = f.string("reason", true);
        Optional<String> approvedBy = f.string("approved_by", true);
        Optional<LocalDate> approvedOn = f.date("approved_on", true);
        Optional<LocalDate> expires = f.date("expires", true);
        if (approvedOn.isPresent() && expires.isPresent() && expires.get().isBefore(approvedOn.get())) {
            problems.error(f.at("expires"), "the waiver expires on %s, before it was approved on %s", expires.get(),
                    approvedOn.get());
        }
        if (rule.isEmpty() || unit.isEmpty() || reason.isEmpty() || approvedBy.isEmpty() || approvedOn.isEmpty()
                || expires.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Waiver(rule.get(), unit.get(), person, reason.get(), approvedBy.get(), approvedOn.get(),
                expires.get(), f.at()));
    }

    private static boolean known(String id, String kind, Collection<String> known, Location at, Diagnostics problems) {
        if (known.contains(id)) {
            return true;
        }
        problems.error(at, "%s '%s' not found%s", kind, id, Suggest.hint(id, known));
        return false;
    }
}
