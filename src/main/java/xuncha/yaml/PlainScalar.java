package xuncha.yaml;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A scalar whose tag is left to the resolver (no tag written): the tag is resolved the first time it
 * is asked for, as SnakeYAML's composer would have resolved it at once. Most values of a facts file
 * are texts, ids and dates read by their value alone, and every mapping key is one: their tags are
 * never asked for (issue 14: resolving every scalar was 3% of a province's check). Whether the value
 * is YAML's null, asked of every field, is answered from the value itself ({@link #isNull}).
 */
final class PlainScalar extends ScalarNode {
    private final PlainScalars scalars;
    private final boolean implicit;
    private volatile Tag tag;

    PlainScalar(String value, boolean implicit, Mark start, Mark end, DumperOptions.ScalarStyle style,
                PlainScalars scalars) {
        // The tag given here stands in until one is asked for; getTag never returns it.
        super(Tag.STR, true, value, start, end, style);
        this.scalars = scalars;
        this.implicit = implicit;
    }

    @Override
    public Tag getTag() {
        Tag t = tag;
        if (t == null) {
            synchronized (scalars) {
                t = scalars.resolve(getValue(), implicit);
            }
            tag = t;
        }
        return t;
    }

    @Override
    public void setTag(Tag tag) {
        super.setTag(tag);
        // Called by the constructor of Node with the stand-in, before this object's fields are set.
        if (scalars != null) {
            this.tag = tag;
        }
    }

    /** Whether the resolver reads this scalar as null, without resolving its tag. */
    boolean isNull() {
        Tag t = tag;
        return t != null ? t.equals(Tag.NULL) : PlainScalars.isNull(getValue(), implicit);
    }
}
