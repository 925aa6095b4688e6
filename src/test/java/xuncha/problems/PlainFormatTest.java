package xuncha.problems;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast filling of a message gives what {@link String#format} gives, whenever it answers at all. */
class PlainFormatTest {
    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.of(List.of("%s", "%%", "%d", "%n", "%1$s", "%-5s", "文", "a", " ", "%", "（%s）", "%.1f", "%S"))
                .list().ofMaxSize(6).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<List<Object>> values() {
        return Arbitraries.<Object>of("张三", "", "x%sy", 3, 12345678L, new BigDecimal("1E+3"), new BigDecimal("0.10"), 2.5)
                .list().ofMaxSize(4);
    }

    @Property(tries = 3000)
    void sameAsTheFormatter(@ForAll("patterns") String pattern, @ForAll("values") List<Object> values) {
        Object[] args = values.toArray();
        String fast = Messages.plainFormat(pattern, args);
        String slow;
        try {
            slow = String.format(Locale.ROOT, pattern, args);
        } catch (RuntimeException e) {
            assertThat(fast).as("the formatter refuses %s", pattern).isNull();
            return;
        }
        if (fast != null) {
            assertThat(fast).isEqualTo(slow);
        }
    }
}
