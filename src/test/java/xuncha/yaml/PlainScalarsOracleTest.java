package xuncha.yaml;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast resolution of plain scalars gives what SnakeYAML's resolver gives, for any text. */
class PlainScalarsOracleTest {
    private static final Resolver RESOLVER = new Resolver();

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of(List.of("0", "1", "9", "07", "-", "+", ".", "_", ":", "e", "E",
                "x", "b", "yes", "No", "TRUE", "off", "null", "~", "<<", "=", "!", "&", "*", "2022", "-05", "-20",
                "T", " ", "  ", "Null", "NULL", "nUll", "\t", "长的中文名称", "12:30:00", "Z", ".inf", ".NaN", "张三", "id", "c001-t1", "\u0000"));
        return pieces.list().ofMaxSize(6).map(l -> String.join("", l));
    }

    @Property(tries = 5000)
    void resolvesAsSnakeYaml(@ForAll("texts") String text) {
        PlainScalars fast = new PlainScalars(RESOLVER);
        // Twice: the second answer may come from what it remembers.
        assertThat(fast.resolve(text, true)).isEqualTo(RESOLVER.resolve(NodeId.scalar, text, true));
        assertThat(fast.resolve(text, true)).isEqualTo(RESOLVER.resolve(NodeId.scalar, text, true));
        assertThat(fast.resolve(text, false)).isEqualTo(RESOLVER.resolve(NodeId.scalar, text, false));
    }

    @Property(tries = 5000)
    void tellsNullAsSnakeYaml(@ForAll("texts") String text) {
        for (boolean implicit : new boolean[] {true, false}) {
            assertThat(PlainScalars.isNull(text, implicit)).as("%s %s", text, implicit)
                    .isEqualTo(RESOLVER.resolve(NodeId.scalar, text, implicit).equals(org.yaml.snakeyaml.nodes.Tag.NULL));
        }
    }

    @Test
    void aLazyScalarSaysWhatTheResolverSays() {
        PlainScalars scalars = new PlainScalars(RESOLVER);
        for (String text : List.of("", "~", "null", "Null", "NULL", "nULL", " ", "no", "yes", "2022-05-20", "12", "1.5",
                "张三", "c001-t1", ".inf")) {
            for (boolean implicit : new boolean[] {true, false}) {
                PlainScalar lazy = new PlainScalar(text, implicit, null, null,
                        org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN, scalars);
                org.yaml.snakeyaml.nodes.Tag expected = RESOLVER.resolve(NodeId.scalar, text, implicit);
                assertThat(lazy.isNull()).as(text).isEqualTo(expected.equals(org.yaml.snakeyaml.nodes.Tag.NULL));
                assertThat(lazy.getTag()).as(text).isEqualTo(expected);
                assertThat(lazy.isNull()).as(text).isEqualTo(expected.equals(org.yaml.snakeyaml.nodes.Tag.NULL));
            }
        }
    }

    @Test
    void longNumbersPastTheResolversLimitsStayTexts() {
        PlainScalars fast = new PlainScalars(RESOLVER);
        for (String text : List.of("1".repeat(1024), "1".repeat(1025), "1".repeat(600) + "." + "2".repeat(600),
                "0".repeat(40), "2022-05-20", "2022-5-20", " ", "           ", "张三李四王五赵六钱七孙八周九吴十郑")) {
            assertThat(fast.resolve(text, true)).as(text).isEqualTo(RESOLVER.resolve(NodeId.scalar, text, true));
        }
    }
}
