package xuncha.yaml;

import xuncha.problems.Diagnostics;
import xuncha.problems.Messages;
import xuncha.problems.Messages.Term;
import xuncha.problems.Suggest;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import xuncha.facts.Labelled;
import xuncha.facts.Location;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fields of one YAML mapping that stands for a record ("unit", "meeting", …). Each accessor
 * parses one field and records a located problem when it is missing, of the wrong type or out of
 * range; callers get an empty Optional then and carry on, so that every problem is reported.
 */
public final class Fields {
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Object what;
    private final String shown;
    private final Node node;
    private final Diagnostics problems;
    private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();

    private Fields(Object what, String shown, Node node, Diagnostics problems) {
        this.what = what;
        this.shown = shown;
        this.node = node;
        this.problems = problems;
    }

    /** The mapping at {@code node}, or empty (with the problem recorded) when it is not one. */
    /** @param what what the mapping is, for messages: a text, or a {@link Term} said in the user's language */
    public static Optional<Fields> of(Node node, Object what, String shown, Diagnostics problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.say(YamlReader.at(shown, node.getStartMark()), "field.not_mapping", what, describe(node));
            return Optional.empty();
        }
        Fields fields = new Fields(what, shown, node, problems);
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.say(fields.at(tuple.getKeyNode()), "field.key_not_plain", what);
                continue;
            }
            NodeTuple first = fields.byKey.putIfAbsent(key.getValue(), tuple);
            if (first != null) {
                problems.say(fields.at(key), "field.twice", key.getValue(), what,
                        first.getKeyNode().getStartMark().getLine() + 1);
            }
        }
        return Optional.of(fields);
    }

    public Object what() {
        return what;
    }

    public String shown() {
        return shown;
    }

    public Location at() {
        return at(node);
    }

    public Location at(Node n) {
        return YamlReader.at(shown, n.getStartMark());
    }

    /** Where the value of {@code key} is written, or the mapping itself when the key is absent. */
    public Location at(String key) {
        NodeTuple t = byKey.get(key);
        return t == null ? at() : at(t.getValueNode());
    }

    /** How a message names a field: the heading of its column in a workbook (出生日期), else its name. */
    private String label(String key) {
        NodeTuple t = byKey.get(key);
        return t == null ? key : label(t.getKeyNode(), key);
    }

    private static String label(Node n, String key) {
        return YamlReader.heading(n.getStartMark()).orElse(key);
    }

    public Location keyAt(String key) {
        NodeTuple t = byKey.get(key);
        return t == null ? at() : at(t.getKeyNode());
    }

    public Set<String> keys() {
        return byKey.keySet();
    }

    /** Reports every key outside {@code allowed}; {@code elsewhere} explains keys that belong to another kind. */
    public void allowOnly(Collection<String> allowed, Map<String, ?> elsewhere) {
        for (String key : byKey.keySet()) {
            if (allowed.contains(key)) {
                continue;
            }
            if (elsewhere.containsKey(key)) {
                problems.say(keyAt(key), "field.not_here", key, what, elsewhere.get(key));
            } else {
                problems.say(keyAt(key), "field.unknown", key, what, Suggest.term(key, allowed));
            }
        }
    }

    /**
     * Reads the keys written by another name as the key they stand for ({@code 实地考察} as
     * {@code field_inspection}); a key written both ways is reported as given twice.
     */
    public void acceptKeys(Map<String, String> aliases) {
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            NodeTuple t = byKey.get(alias.getKey());
            if (t == null) {
                continue;
            }
            byKey.remove(alias.getKey());
            NodeTuple first = byKey.putIfAbsent(alias.getValue(), t);
            if (first != null) {
                problems.say(at(t.getKeyNode()), "field.twice", alias.getValue(), what,
                        first.getKeyNode().getStartMark().getLine() + 1);
            }
            rewrite(t.getKeyNode(), alias.getValue());
        }
    }

    public void allowOnly(Collection<String> allowed) {
        allowOnly(allowed, Map.of());
    }

    /** The value node of {@code key}; null values count as absent. A missing required one is reported. */
    public Optional<Node> node(String key, boolean required) {
        return Optional.ofNullable(value(key, required));
    }

    /**
     * {@link #node} without the Optional: the readers of single fields below are called for every
     * field of every record, so they test for null rather than chain lambdas (issue 14: under the
     * client compiler each captured lambda cost an allocation through a method handle).
     */
    private Node value(String key, boolean required) {
        NodeTuple t = byKey.get(key);
        Node value = t == null ? null : t.getValueNode();
        if (value == null || isNull(value)) {
            if (required) {
                problems.say(t == null ? at() : at(t.getKeyNode()), t == null ? "field.missing" : "field.empty", label(key),
                        what);
            }
            return null;
        }
        return value;
    }

    private static final Term EXPECT_TEXT = new Term("expect.text");
    private static final Term EXPECT_ID = new Term("expect.id");
    private static final Term EXPECT_DATE = new Term("expect.date");

    public Optional<String> string(String key, boolean required) {
        Node n = value(key, required);
        return n == null ? Optional.empty() : scalar(n, key, EXPECT_TEXT);
    }

    public Optional<String> id(String key, boolean required) {
        Node n = value(key, required);
        return n == null ? Optional.empty() : id(n, key);
    }

    public Optional<String> id(Node n, String key) {
        Optional<String> v = scalar(n, key, EXPECT_ID);
        if (v.isEmpty() || isId(v.get())) {
            return v;
        }
        problems.say(at(n), "field.bad_id", v.get(), what);
        return Optional.empty();
    }

    /**
     * A reference to a unit or person, as written: whether it is an id, and whether a name was
     * written instead (which the linker can tell, knowing every name), is judged when linking.
     */
    public Optional<String> ref(String key, boolean required) {
        Node n = value(key, required);
        return n == null ? Optional.empty() : ref(n, key);
    }

    public Optional<String> ref(Node n, String key) {
        return scalar(n, key, EXPECT_ID);
    }

    public Optional<BigDecimal> number(String key, boolean required) {
        Node n = value(key, required);
        return n == null ? Optional.empty() : number(n, key);
    }

    /** A non-negative number: amounts, counts, percentages. */
    public Optional<BigDecimal> amount(String key, boolean required) {
        return number(key, required).filter(v -> {
            if (v.signum() >= 0) {
                return true;
            }
            problems.say(at(key), "field.negative", label(key), what, v.toPlainString());
            return false;
        });
    }

    /** The largest count a record holds (Young Pioneers of a school, young employees): far above any county's. */
    public static final int MAX_COUNT = 10_000_000;

    /** A non-negative whole number, at most {@link #MAX_COUNT}. */
    public Optional<Integer> count(String key, boolean required) {
        return amount(key, required).flatMap(v -> {
            if (v.stripTrailingZeros().scale() > 0) {
                problems.say(at(key), "field.not_whole", label(key), what, v.toPlainString());
                return Optional.empty();
            }
            if (v.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
                problems.say(at(key), "field.too_large", label(key), what, MAX_COUNT, v.toPlainString());
                return Optional.empty();
            }
            return Optional.of(v.intValueExact());
        });
    }

    public Optional<Integer> year(String key, boolean required) {
        return count(key, required).filter(y -> {
            if (y >= 1900 && y <= 2999) {
                return true;
            }
            problems.say(at(key), "field.year", label(key), what, y);
            return false;
        });
    }

    public Optional<BigDecimal> number(Node n, String key) {
        if (n instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            try {
                return Optional.of(Decimals.parse(s.getValue()));
            } catch (Decimals.Refused e) {
                problems.say(at(n), "field.number_refused", label(n, key), what, e.reason(), Diagnostics.quote(s.getValue()));
                return Optional.empty();
            }
        }
        problems.say(at(n), "field.not_number", label(n, key), what, describe(n), quotedHint(n));
        return Optional.empty();
    }

    /** A boolean; absent or null is {@code false}. */
    public boolean flag(String key) {
        return flag(key, false);
    }

    private static final Set<String> TRUE = Set.of("true", "yes", "on", "y");

    public boolean flag(String key, boolean absent) {
        Node n = value(key, false);
        if (n == null) {
            return absent;
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return TRUE.contains(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        if (n instanceof ScalarNode s) {
            Optional<Boolean> yesNo = Spellings.yesNo(s.getValue());
            if (yesNo.isPresent()) {
                rewrite(s, yesNo.get().toString());
                return yesNo.get();
            }
        }
        problems.say(at(n), "field.not_boolean", label(n, key), what, describe(n), quotedHint(n));
        return absent;
    }

    public Optional<LocalDate> date(String key, boolean required) {
        Node n = value(key, required);
        return n == null ? Optional.empty() : date(n, key);
    }

    private Optional<LocalDate> date(Node n, String key) {
        Optional<String> written = scalar(n, key, EXPECT_DATE);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        String v = written.get();
        if (!Dates.hasShape(v)) {
            Optional<String> corrected = Dates.corrected(v);
            if (corrected.isPresent()) {
                problems.say(at(n), "field.date.write_as", label(n, key), Diagnostics.quote(v), corrected.get());
                rewrite(n, corrected.get());
            } else {
                problems.say(at(n), "field.date.shape", label(n, key), Diagnostics.quote(v));
            }
            return Optional.empty();
        }
        Optional<LocalDate> day = Dates.parse(v);
        if (day.isEmpty() && Dates.inRange(v)) {
            problems.say(at(n), "field.date.unreal", label(n, key), v);
        } else if (day.isEmpty()) {
            problems.say(at(n), "field.date.range", label(n, key), Dates.FIRST_YEAR, Dates.LAST_YEAR, v);
        }
        return day;
    }

    public <E extends Enum<E> & Labelled> Optional<E> choice(String key, Class<E> type, boolean required) {
        Node n = value(key, required);
        return n == null ? Optional.empty() : choice(n, key, type);
    }

    public <E extends Enum<E> & Labelled> Optional<E> choice(Node n, String key, Class<E> type) {
        return choice(n, key, Spellings.writable(type), Spellings.ofWritable(type));
    }

    /** One of {@code allowed}, matched by its YAML spelling or one of its Chinese names ({@link Spellings}). */
    public <E extends Enum<E> & Labelled> Optional<E> choice(Node n, String key, Collection<E> allowed) {
        return choice(n, key, allowed, Spellings.of(allowed));
    }

    private <E extends Enum<E> & Labelled> Optional<E> choice(Node n, String key, Collection<E> allowed,
                                                              Map<String, E> byName) {
        if (n instanceof ScalarNode s) {
            E hit = byName.get(s.getValue());
            if (hit != null) {
                if (!hit.yaml().equals(s.getValue())) {
                    rewrite(s, hit.yaml());
                }
                return Optional.of(hit);
            }
        }
        return scalar(n, key, new Term("expect.one_of", spellings(allowed))).flatMap(v -> {
            List<String> names = allowed.stream().map(Labelled::yaml).toList();
            problems.say(at(n), "field.not_allowed_value", v, label(n, key), what, named(allowed), Suggest.term(v, names));
            return Optional.<E>empty();
        });
    }

    /** The values, each with its Chinese name beside it in Chinese: {@code village（村）}. */
    private static Messages.Joined named(Collection<? extends Labelled> values) {
        return new Messages.Joined("list.comma", values.stream()
                .map(v -> new Term("value.named", v.yaml(), v.zh())).toList());
    }

    /** Notes that {@code n} is written in a form {@code xuncha fmt} writes as {@code canonical}. */
    private void rewrite(Node n, String canonical) {
        String was = n instanceof ScalarNode s ? s.getValue() : "";
        problems.rewrite(new xuncha.problems.Rewrite(at(n), n.getStartMark().getIndex(), n.getEndMark().getIndex(),
                was, canonical));
    }

    /** The items of a list field; absent is an empty list. */
    public List<Node> list(String key, boolean required) {
        Optional<Node> n = node(key, required);
        if (n.isEmpty()) {
            return List.of();
        }
        if (n.get() instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problems.say(at(n.get()), "field.not_list", label(n.get(), key), what, describe(n.get()));
        return List.of();
    }

    private Optional<String> scalar(Node n, String key, Term expected) {
        if (n instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        problems.say(at(n), "field.wrong_shape", label(n, key), what, expected, describe(n));
        return Optional.empty();
    }

    public static boolean isNull(Node n) {
        return n instanceof PlainScalar p ? p.isNull() : n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** What a node holds, said in the user's language: a mapping, a list, the text '…', the number 3 … */
    public static Term describe(Node n) {
        if (n instanceof MappingNode) return new Term("describe.mapping");
        if (n instanceof SequenceNode) return new Term("describe.list");
        ScalarNode s = (ScalarNode) n;
        String v = Diagnostics.quote(s.getValue());
        if (!s.isPlain()) return new Term("describe.text", v);
        if (s.getTag().equals(Tag.NULL)) return new Term("describe.nothing");
        if (s.getTag().equals(Tag.BOOL)) return new Term("describe.bool", v);
        if (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) return new Term("describe.number", v);
        return new Term("describe.value", v);
    }

    private static Term quotedHint(Node n) {
        return new Term(n instanceof ScalarNode s && !s.isPlain() ? "hint.quoted" : "hint.none");
    }

    /** {@link #ID} without a regular expression: ids are checked by the hundred thousand. */
    public static boolean isId(String v) {
        int n = v.length();
        if (n < 1 || n > 64 || v.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Each set of allowed values by spelling, made once. */
    public static String spellings(Collection<? extends Labelled> values) {
        return values.stream().map(Labelled::yaml).collect(Collectors.joining(", "));
    }
}
