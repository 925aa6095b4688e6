package xuncha.yaml;

import xuncha.problems.Diagnostics;
import xuncha.problems.Messages;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Builds SnakeYAML's located node tree from the parser's events, in place of SnakeYAML's composer,
 * for two reasons:
 * <ul>
 * <li>What aliases <em>expand to</em> is bounded, not how many there are: every alias adds the
 * characters and nodes of what it names to a running total, refused (at the alias) once the total
 * passes a budget proportional to the file's size. A 1 MB name aliased 5,000 times is refused at
 * the third alias; 25 aliases to a small list are fine.</li>
 * <li>The items of the top-level lists named by {@code streamed} are handed to a reader one at a
 * time and not kept, so memory follows the largest record, not the file.</li>
 * </ul>
 */
public final class YamlComposer {
    /** What a refused document says, located. */
    public static final class Refused extends RuntimeException {
        final transient Mark at;
        final transient Messages.Term why;

        Refused(Messages.Term why, Mark at) {
            super(why.in("en"), null, false, false);
            this.why = why;
            this.at = at;
        }
    }

    private static final long BUDGET_FLOOR = 1L << 16;
    private static final Resolver RESOLVER = new Resolver();

    private final Parser parser;
    private final int maxDepth;
    private final long maxChars;
    private final long maxNodes;
    private final Set<String> streamed;
    private final BiConsumer<String, Node> items;
    private final Map<String, Node> anchors = new HashMap<>();
    /** The expanded size of each anchored node: characters, then nodes. */
    private final Map<Node, long[]> sizes = new IdentityHashMap<>();
    /** Anchored nodes still being composed: an alias to one of them would make the tree a loop. */
    private final Set<Node> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private long chars;
    private long nodes;
    private int depth;

    /**
     * @param fileChars the file's length, from which the budget for aliases is set
     * @param streamed top-level keys whose list items go to {@code items} instead of the tree
     */
    public YamlComposer(Parser parser, int maxDepth, long fileChars, Set<String> streamed, BiConsumer<String, Node> items) {
        this.parser = parser;
        this.maxDepth = maxDepth;
        this.maxChars = 2 * fileChars + BUDGET_FLOOR;
        this.maxNodes = fileChars + BUDGET_FLOOR;
        this.streamed = streamed;
        this.items = items;
    }

    /** The single document's root, or null for an empty stream. */
    public Node single() {
        expect(Event.ID.StreamStart);
        Node root = null;
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            parser.getEvent();
            root = node(true);
            expect(Event.ID.DocumentEnd);
        }
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            throw new Refused(new Messages.Term("yaml.second_document"), parser.peekEvent().getStartMark());
        }
        parser.getEvent();
        return root;
    }

    private void expect(Event.ID id) {
        Event e = parser.getEvent();
        if (!e.is(id)) {
            throw new Refused(new Messages.Term("yaml.syntax.other"), e.getStartMark());
        }
    }

    private Node node(boolean root) {
        if (parser.checkEvent(Event.ID.Alias)) {
            return alias((AliasEvent) parser.getEvent());
        }
        NodeEvent start = (NodeEvent) parser.peekEvent();
        if (++depth > maxDepth) {
            throw new Refused(new Messages.Term("yaml.too_deep", maxDepth), start.getStartMark());
        }
        nodes++;
        Node node;
        if (parser.checkEvent(Event.ID.Scalar)) {
            node = scalar((ScalarEvent) parser.getEvent());
        } else if (parser.checkEvent(Event.ID.SequenceStart)) {
            node = sequence((CollectionStartEvent) parser.getEvent(), null);
        } else {
            node = mapping((CollectionStartEvent) parser.getEvent(), root);
        }
        depth--;
        checkBudget(start.getStartMark());
        return node;
    }

    private Node alias(AliasEvent event) {
        Node node = anchors.get(event.getAnchor());
        if (node == null) {
            throw new Refused(new Messages.Term("yaml.alias_unknown", Diagnostics.quote(event.getAnchor())),
                    event.getStartMark());
        }
        if (open.contains(node)) {
            throw new Refused(new Messages.Term("yaml.alias_recursive", Diagnostics.quote(event.getAnchor())),
                    event.getStartMark());
        }
        long[] size = sizes.get(node);
        chars += size[0];
        nodes += size[1];
        if (chars > maxChars || nodes > maxNodes) {
            throw new Refused(new Messages.Term("yaml.alias_bomb", Diagnostics.quote(event.getAnchor()), maxChars,
                    maxNodes), event.getStartMark());
        }
        return node;
    }

    private void checkBudget(Mark at) {
        if (nodes > maxNodes) {
            throw new Refused(new Messages.Term("yaml.too_many_values"), at);
        }
    }

    private Node scalar(ScalarEvent e) {
        String value = e.getValue();
        chars += value.length();
        ScalarNode node = e.getTag() == null || e.getTag().equals("!")
                ? new PlainScalar(value, e.getImplicit().canOmitTagInPlainScalar(), e.getStartMark(), e.getEndMark(),
                        e.getScalarStyle(), scalars)
                : new ScalarNode(new Tag(e.getTag()), true, value, e.getStartMark(), e.getEndMark(), e.getScalarStyle());
        anchor(e.getAnchor(), node, new long[] {value.length(), 1});
        return node;
    }

    /** Each file's own: what it remembers is of one file. */
    private final PlainScalars scalars = new PlainScalars(RESOLVER);

    private Node sequence(CollectionStartEvent e, String streamedKey) {
        List<Node> children = new ArrayList<>();
        SequenceNode node = new SequenceNode(tag(e, NodeId.sequence), true, children, e.getStartMark(), null,
                e.getFlowStyle());
        long[] before = open(e.getAnchor(), node);
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            Node item = node(false);
            if (streamedKey != null) {
                items.accept(streamedKey, item);
            } else {
                children.add(item);
            }
        }
        node.setEndMark(parser.getEvent().getEndMark());
        close(e.getAnchor(), node, before);
        return node;
    }

    private Node mapping(CollectionStartEvent e, boolean root) {
        List<NodeTuple> children = new ArrayList<>();
        MappingNode node = new MappingNode(tag(e, NodeId.mapping), true, children, e.getStartMark(), null,
                e.getFlowStyle());
        long[] before = open(e.getAnchor(), node);
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Node key = node(false);
            Node value;
            if (root && key instanceof ScalarNode k && streamed.contains(k.getValue())
                    && parser.checkEvent(Event.ID.SequenceStart) && ((NodeEvent) parser.peekEvent()).getAnchor() == null) {
                // The list's items go to the reader one by one; the tree keeps the list empty.
                CollectionStartEvent start = (CollectionStartEvent) parser.getEvent();
                depth++;
                nodes++;
                value = sequence(start, k.getValue());
                depth--;
            } else {
                value = node(false);
            }
            children.add(new NodeTuple(key, value));
        }
        node.setEndMark(parser.getEvent().getEndMark());
        close(e.getAnchor(), node, before);
        return node;
    }

    private static Tag tag(CollectionStartEvent e, NodeId id) {
        return e.getTag() == null || e.getTag().equals("!") ? RESOLVER.resolve(id, null, e.getImplicit())
                : new Tag(e.getTag());
    }

    /** The running totals when an anchored collection opens, to know its size when it closes. */
    private long[] open(String anchor, Node node) {
        if (anchor == null) {
            return null;
        }
        open.add(node);
        anchors.put(anchor, node);
        return new long[] {chars, nodes - 1};
    }

    private void close(String anchor, Node node, long[] before) {
        if (anchor != null) {
            open.remove(node);
            anchor(anchor, node, new long[] {chars - before[0], nodes - before[1]});
        }
    }

    private void anchor(String anchor, Node node, long[] size) {
        if (anchor != null) {
            anchors.put(anchor, node);
            sizes.put(node, size);
        }
    }
}
