package xuncha.verify;

import org.yaml.snakeyaml.nodes.Node;
import xuncha.facts.Location;
import xuncha.facts.Threshold;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One rule test case of a {@code rules/tests/*.yaml} file.
 *
 * @param rules the rules whose findings are compared; empty: all rules
 * @param files facts files loaded for the case (the file's shared ones first)
 * @param inline facts written in the case itself, or null
 * @param asOf replaces the facts' {@code as_of} when given
 * @param exact the findings expected, exactly; null when the case only states contains/not_contains
 */
public record TestCase(String file, String name, Location at, List<String> rules, List<String> files, Node inline,
                       Integer year, LocalDate asOf, Map<String, Threshold> thresholds,
                       Set<Expected> exact, Set<Expected> contains, Set<Expected> notContains) {

    /** A finding as a case states it; {@code person} "" for none. */
    public record Expected(String rule, String unit, String level, String person) implements Comparable<Expected> {
        @Override
        public String toString() {
            return rule + " " + unit + " " + level + (person.isEmpty() ? "" : " " + person);
        }

        @Override
        public int compareTo(Expected o) {
            return toString().compareTo(o.toString());
        }
    }

    public boolean compares(String rule) {
        return rules.isEmpty() || rules.contains(rule);
    }

    public Optional<Set<Expected>> exactly() {
        return Optional.ofNullable(exact);
    }

    public String title() {
        return file + ": " + name;
    }
}
