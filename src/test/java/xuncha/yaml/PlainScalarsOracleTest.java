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
                "T", " ", "  ", "\t", "长的中文名称", "12:30:00", "Z", ".inf", ".NaN", "张三", "id", "c001-t1", "\u0000"));
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

    @Test
    void longNumbersPastTheResolversLimitsStayTexts() {
        PlainScalars fast = new PlainScalars(RESOLVER);
        for (String text : List.of("1".repeat(1024), "1".repeat(1025), "1".repeat(600) + "." + "2".repeat(600),
                "0".repeat(40), "2022-05-20", "2022-5-20", " ", "           ", "张三李四王五赵六钱七孙八周九吴十郑")) {
            assertThat(fast.resolve(text, true)).as(text).isEqualTo(RESOLVER.resolve(NodeId.scalar, text, true));
        }
    }
}
