package xuncha.engine.safety;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import xuncha.problems.Diagnostics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consequences and conditions generated from a grammar of rule code: expressions built from
 * allowed pieces (bindings, literals, the fact model, listed methods, statics and constructors)
 * and, somewhere or nowhere, a piece that reaches outside the allow-list, with names split by
 * spaces, comments and line breaks. Whatever holds an outside piece is refused; whatever holds
 * none passes, so the check refuses by what is written, not by shape.
 */
class AllowListPropertyTest {
    private static final String HEADER = """
            package xuncha.rules;
            import xuncha.facts.*;
            import java.util.List;
            import java.util.ArrayList;
            import java.math.BigDecimal;
            import function xuncha.findings.Emit.finding;
            """;

    /** A piece of code, and whether it reaches outside the allow-list. */
    record Code(String text, boolean outside) {
        Code and(Code other, String format) {
            return new Code(format.formatted(text, other.text), outside || other.outside);
        }
    }

    /** Dotted names as written: split anywhere by spaces, comments or line breaks, all of which change nothing. */
    private static Arbitrary<String> dotted(String... parts) {
        return Arbitraries.of(".", " . ", "/* x */.", "\n    .", ". /**/ ").list().ofSize(parts.length - 1)
                .map(dots -> {
                    StringBuilder b = new StringBuilder(parts[0]);
                    for (int i = 1; i < parts.length; i++) {
                        b.append(dots.get(i - 1)).append(parts[i]);
                    }
                    return b.toString();
                });
    }

    private static Arbitrary<Code> allowedLeaf() {
        return Arbitraries.oneOf(
                Arbitraries.of("$u", "$p", "(1)", "(2L)", "\"x\"", "null", "true", "$u.id()", "$p.year()", "List.of()",
                        "new ArrayList()", "Math.max(1, 2)", "BigDecimal.valueOf(3)", "UnitType.SCHOOL",
                        "Share.of(BigDecimal.ONE)", "MeetingKind.values()").map(t -> new Code(t, false)),
                dotted("java", "math", "BigDecimal", "ZERO").map(t -> new Code(t, false)),
                dotted("java", "math", "RoundingMode", "CEILING").map(t -> new Code(t, false)),
                dotted("xuncha", "facts", "UnitType", "SCHOOL").map(t -> new Code(t, false)));
    }

    private static Arbitrary<Code> outsideLeaf() {
        return Arbitraries.oneOf(
                Arbitraries.of("System.exit(0)", "Runtime.getRuntime()", "Class.forName(\"x\")", "\"x\".getClass()",
                        "$u.getClass()", "String.class", "Thread.currentThread()", "drools.getKieRuntime()",
                        "kcontext", "ProcessHandle.current()", "UnitType.SCHOOL.getDeclaringClass()",
                        "List.of(1).stream()", "new Object() { }", "List.of(1).forEach(Object::toString)",
                        "List.of(1).removeIf(x -> true)", "new String[1]", "Objects.class",
                        "$p.asOf().atStartOfDay()", "new Thread()", "java.time.LocalDate.now()")
                        .map(t -> new Code(t, true)),
                dotted("java", "io", "File").map(t -> new Code("new " + t + "(\"x\")", true)),
                dotted("java", "lang", "System", "exit").map(t -> new Code(t + "(0)", true)),
                dotted("java", "nio", "file", "Files", "delete").map(t -> new Code(t + "(null)", true)),
                dotted("xuncha", "cli", "Main", "main").map(t -> new Code(t + "(null)", true)),
                dotted("java", "lang", "reflect", "Array", "newInstance").map(t -> new Code(t + "(null, 1)", true)),
                dotted("Class", "forName").map(t -> new Code(t + "(\"java.lang.Runtime\")", true)));
    }

    private static Arbitrary<Code> leaf() {
        return Arbitraries.frequencyOf(Tuple.of(6, allowedLeaf()), Tuple.of(1, outsideLeaf()));
    }

    private static Arbitrary<Code> value(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Code> inner = value(depth - 1);
        Arbitrary<String> method = Arbitraries.of("toString()", "equals(%s)", "compareTo(%s)", "size()", "add(%s)",
                "max(%s)", "contains(%s)", "isEmpty()", "get(0)", "hashCode()");
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf()),
                Tuple.of(2, Combinators.combine(inner, method, inner).as((a, m, b) -> m.contains("%s")
                        ? a.and(b, "%s." + m.replace("%s", "%2$s")) : new Code(a.text() + "." + m, a.outside()))),
                Tuple.of(1, Combinators.combine(inner, inner).as((a, b) -> a.and(b, "%s + %s"))),
                Tuple.of(1, Combinators.combine(inner, inner).as((a, b) -> a.and(b, "(%s == %s)"))),
                Tuple.of(1, inner.map(a -> new Code("(Object) " + a.text(), a.outside()))),
                Tuple.of(1, inner.map(a -> new Code("new ArrayList(List.of(" + a.text() + "))", a.outside()))),
                Tuple.of(1, Combinators.combine(inner, inner, inner).as((a, b, c) ->
                        new Code("(" + a.text() + " != null ? " + b.text() + " : " + c.text() + ")",
                                a.outside() || b.outside() || c.outside()))));
    }

    private static Arbitrary<Code> statement(int depth) {
        Arbitrary<Code> v = value(2);
        if (depth == 0) {
            return Arbitraries.oneOf(
                    v.map(a -> new Code("Object v = " + a.text() + ";", a.outside())),
                    v.map(a -> new Code("insert(" + a.text() + ");", a.outside())),
                    v.map(a -> new Code("finding(drools, $u.id(), null, \"\", \"actual\", " + a.text() + ");",
                            a.outside())));
        }
        Arbitrary<Code> inner = statement(depth - 1);
        return Arbitraries.oneOf(statement(0),
                Combinators.combine(v, inner).as((a, s) -> a.and(s, "if (%s != null) {\n    %s\n}")),
                Combinators.combine(v, inner).as((a, s) -> a.and(s, "for (Object o : List.of(%s)) {\n    %s\n}")));
    }

    @Provide
    Arbitrary<Code> consequences() {
        return statement(2).list().ofMinSize(1).ofMaxSize(4).map(list -> new Code(
                String.join("\n", list.stream().map(Code::text).toList()), list.stream().anyMatch(Code::outside)));
    }

    @Provide
    Arbitrary<Code> conditions() {
        Arbitrary<Code> v = value(2);
        return Arbitraries.oneOf(
                v.map(a -> new Code("Unit( " + a.text() + " != null )", a.outside())),
                v.map(a -> new Code("Unit( type == UnitType.SCHOOL, id == " + a.text() + " )", a.outside())),
                v.map(a -> new Code("Unit( $x : id, $x != " + a.text() + " )", a.outside())),
                v.map(a -> new Code("not Unit( county == $p.toString(), name != " + a.text() + " )", a.outside())),
                v.map(a -> new Code("accumulate( Unit( $n : youngPioneers ); $all : collectList(" + a.text() + ") )",
                        a.outside())));
    }

    @Property
    void aConsequenceIsRefusedExactlyWhenItReachesOutside(@ForAll("consequences") Code code) {
        String rule = """
                rule "generated"
                    @derive
                when
                    $u : Unit()
                    $p : Period()
                then
                %s
                end
                """.formatted(code.text().indent(4));
        assertVerdict(rule, code);
    }

    @Property
    void aConditionIsRefusedExactlyWhenItReachesOutside(@ForAll("conditions") Code code) {
        String rule = """
                rule "generated"
                    @derive
                when
                    $p : Period()
                    $u : Unit()
                    %s
                then
                    insert(new ArrayList());
                end
                """.formatted(code.text());
        assertVerdict(rule, code);
    }

    private static void assertVerdict(String rule, Code code) {
        Diagnostics problems = new Diagnostics();
        PackCheck.check(List.of(new PackCheck.Source("gen.drl", HEADER + rule)), problems);
        if (code.outside()) {
            assertThat(problems.sorted()).as("refused:\n%s", rule).isNotEmpty();
            assertThat(problems.sorted()).allSatisfy(d -> assertThat(d.render()).startsWith("gen.drl:"));
        } else {
            // Generated code can be ill-formed DRL (a condition binds only a field): such a sample says
            // nothing about the allow-list, whose refusals are the messages that are not syntax errors.
            assertThat(problems.sorted()).as("allowed:\n%s", rule)
                    .allSatisfy(d -> assertThat(d.message()).matches("(DRL: |cannot read ).*"));
        }
    }
}
