package xuncha.convert;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import xuncha.facts.FactBase;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A fact base as a facts file in the canonical form: what {@code xuncha convert} writes for .yaml. */
public final class YamlWriter {
    private YamlWriter() {
    }

    public static String write(FactBase facts) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setAllowUnicode(true);
        options.setWidth(1000);
        return "# xuncha convert: the facts in the canonical form of facts.md\n"
                + new Yaml(new Plain(options), options).dump(FactsTree.of(facts));
    }

    /** Dates and amounts written plainly, as a clerk would: 2024-03-05, 20000, 0.5. */
    private static final class Plain extends Representer {
        Plain(DumperOptions options) {
            super(options);
            this.representers.put(LocalDate.class, data -> representScalar(Tag.TIMESTAMP, data.toString()));
            this.representers.put(BigDecimal.class, data -> {
                BigDecimal d = ((BigDecimal) data).stripTrailingZeros();
                return d.scale() <= 0 ? representScalar(Tag.INT, d.toBigIntegerExact().toString())
                        : representScalar(Tag.FLOAT, d.toPlainString());
            });
        }
    }
}
