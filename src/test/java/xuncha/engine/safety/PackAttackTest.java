package xuncha.engine.safety;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xuncha.RulesCopy;
import xuncha.Run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every way out of a rules file that was found (issue 10), and the variants of each: lint reports
 * it located (exit 1), check refuses the pack (exit 2), and nothing of it runs: the marker file the
 * attack would create is not there, and the sentinel process it would kill is alive.
 */
class PackAttackTest {
    private static final String HEADER = """
            package xuncha.rules;
            import xuncha.facts.*;
            import java.util.List;
            import java.util.ArrayList;
            import java.math.BigDecimal;
            import function xuncha.findings.Emit.finding;
            """;

    private static Process sentinel;

    @TempDir
    static Path shared;

    @TempDir
    Path rules;

    @BeforeAll
    static void startSentinel() throws IOException {
        sentinel = new ProcessBuilder("sleep", "600").start();
    }

    @AfterAll
    static void stopSentinel() {
        sentinel.destroy();
    }

    private static Path marker() {
        return shared.resolve("pwned");
    }

    /** A rule whose consequence is {@code code}. */
    private static String then(String code) {
        return """
                rule "zz attack"
                    @derive
                when
                    $u : Unit(type == UnitType.COUNTY_PARTY_COMMITTEE)
                    $p : Period()
                then
                %s
                end
                """.formatted(code.indent(4).stripTrailing());
    }

    /** A rule with {@code condition} among its conditions. */
    private static String when(String condition) {
        return """
                rule "zz attack"
                    @derive
                when
                    %s
                then
                    insert(new ArrayList());
                end
                """.formatted(condition);
    }

    private static final String TOUCH = "Runtime.getRuntime().exec(new String[]{\"touch\", \"MARKER\"})";
    private static final String FILE = "new java.io.File(\"MARKER\").createNewFile()";

    static Stream<Arguments> attacks() {
        return Stream.of(
                arguments("Class .forName with a space", then("Class .forName(\"java.lang.Runtime\").getMethod(\"getRuntime\")"
                        + ".invoke(null);")),
                arguments("String.class.forName", then("String.class.forName(\"java.lang.Runtime\");")),
                arguments("getClass on a literal", then("\"x\". getClass().forName(\"java.lang.Runtime\");")),
                arguments("getClass on a fact", then("$u.getClass().getClassLoader();")),
                arguments("a fact class's class loader", then("Threshold.class.getClassLoader().loadClass(\"java.io.File\");")),
                arguments("new java . io . File", then("new java . io . File(\"MARKER\").createNewFile();")),
                arguments("comments inside a qualified name", then("new java/**/./* x */io.File(\"MARKER\").createNewFile();")),
                arguments("a qualified name over lines", then("new java\n.io\n.File(\"MARKER\").createNewFile();")),
                arguments("java.nio Files", then("java.nio.file.Files.createFile(java.nio.file.Path.of(\"MARKER\"));")),
                arguments("an import on the package line", "package xuncha.rules; import java.io.File;\n"
                        + "import xuncha.facts.*;\n" + then("new File(\"MARKER\").createNewFile();")),
                arguments("a wildcard import", "package xuncha.rules;\nimport java.io.*;\nimport xuncha.facts.*;\n"
                        + then("new File(\"MARKER\").createNewFile();")),
                arguments("import of a project class", HEADER.replace("import java.util.List;",
                        "import xuncha.cli.Main;") + then("Main.main(new String[]{\"gen\", \"MARKER\"});")),
                arguments("the project's own classes", then("xuncha.cli.Main.main(new String[]{\"gen\", \"MARKER\"});")),
                arguments("another package's classes", "package xuncha.cli;\nimport xuncha.facts.*;\n"
                        + then("Main.main(new String[]{\"gen\", \"MARKER\"});")),
                arguments("a method reference to System::exit", then("List.of(0).forEach(System::exit);")),
                arguments("a method reference to a constructor", then("List.of(\"touch\").stream().map(ProcessBuilder::new)"
                        + ".forEach(p -> p.start());")),
                arguments("a lambda", then("List.of(1).forEach(x -> " + TOUCH + ");")),
                arguments("ProcessHandle", then("ProcessHandle.of(PID).ifPresent(h -> h.destroy());")),
                arguments("ProcessHandle qualified", then("java.lang.ProcessHandle.of(PID).get().destroy();")),
                arguments("Runtime.exec", then(TOUCH + ";")),
                arguments("ProcessBuilder", then("new ProcessBuilder(\"kill\", \"PID\").start();")),
                arguments("System.exit", then("System.exit(0);")),
                arguments("java.lang.System.exit", then("java.lang.System.exit(0);")),
                arguments("System.out", then("System.out.println(\"x\");")),
                arguments("Thread.sleep", then("Thread.sleep(100000);")),
                arguments("code in a function", "function void evil() {\n    " + TOUCH + ";\n}\n"
                        + then("evil();")),
                arguments("a function parameter of a forbidden type", "function void evil(java.io.File f) {\n"
                        + "    f.delete();\n}\n" + then("insert(new ArrayList());")),
                arguments("eval", when("eval(" + TOUCH + " != null)")),
                arguments("from an expression", when("$x : Object() from " + TOUCH)),
                arguments("from a harmless-looking expression", when("$k : MeetingKind() from MeetingKind.values()")),
                arguments("inline accumulate code", when("$n : Number() from accumulate( Unit(); init( Object o = "
                        + TOUCH + "; ), action( ), result( 0 ) )")),
                arguments("an accumulate function of its own", when("accumulate( Unit(); $n : evil(1) )")),
                arguments("code in an accumulate argument", when("accumulate( Unit(); $n : sum(" + TOUCH
                        + ".waitFor()) )")),
                arguments("salience as an expression", then("insert(new ArrayList());").replace("@derive",
                        "@derive\n    salience( " + TOUCH + ".waitFor() )")),
                arguments("enabled as an expression", then("insert(new ArrayList());").replace("@derive",
                        "@derive\n    enabled( " + FILE + " )")),
                arguments("a timer", then("insert(new ArrayList());").replace("@derive", "@derive\n    timer (int: 1s)")),
                arguments("code in a condition", when("Unit( " + TOUCH + " != null )")),
                arguments("a class in a condition", when("Unit( this.class.forName(\"java.lang.Runtime\") != null )")),
                arguments("getClass in a condition", when("Unit( getClass().getClassLoader() != null )")),
                arguments("dialect mvel", then("insert(new ArrayList());").replace("@derive", "@derive\n    dialect \"mvel\"")),
                arguments("dialect mvel for the package", HEADER + "dialect \"mvel\"\n" + then("insert(new ArrayList());")),
                arguments("a unicode escape", then("\\u0053ystem.exit(0);")),
                arguments("a unicode escape ending a comment", then("// nothing here \\u000a " + TOUCH + ";")),
                arguments("a text block hiding the next line", then("String s = \"\"\"\n    \\\"\"\";\n" + TOUCH
                        + ";\nString t = \"\"\"\n    \"\"\";")),
                arguments("code in an annotation value", then("insert(new ArrayList());").replace("@derive",
                        "@derive\n    @zz( Class .forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
                                + ".exec(\"touch MARKER\") )")),
                arguments("code in a known annotation", then("insert(new ArrayList());").replace("@derive",
                        "@derive\n    @cites( " + TOUCH + " )")),
                arguments("text plus code in an annotation", then("insert(new ArrayList());").replace("@derive",
                        "@derive\n    @cites( \"a\" + " + TOUCH + " )")),
                arguments("a qualified annotation", then("insert(new ArrayList());").replace("@derive",
                        "@derive\n    @java.lang.Deprecated")),
                arguments("removing a rule through drools", then("drools.getKieRuntime().getKieBase().removeRule("
                        + "\"xuncha.rules\", \"GRASS-01\");")),
                arguments("kcontext", then("kcontext.getKieRuntime().halt();")),
                arguments("drools handed to a function", "function void evil(Object o) {\n}\n" + then("evil(drools);")),
                arguments("a while loop", then("while (true) { }")),
                arguments("a do loop", then("do { } while (true);")),
                arguments("a counting loop", then("for (;;) { }")),
                arguments("try and catch", then("try { insert(new ArrayList()); } catch (Throwable t) { }")),
                arguments("an anonymous class", then("new Object() { public String toString() { return \"\"; } };")),
                arguments("this in a consequence", then("this.getClass();")),
                arguments("an array", then("Object[] a = new Object[]{ $u };")),
                arguments("a cast to a forbidden type", then("Object f = (java.io.File) null;")),
                arguments("a local of a forbidden type", then("java.io.File f = null;")),
                arguments("an enum's class", then("UnitType.SCHOOL.getDeclaringClass();")),
                arguments("a method outside the list", then("\"x\".describeConstable();")),
                arguments("a JDK type outside the list", then("java.util.concurrent.Executors.newCachedThreadPool();")),
                arguments("the clock", then("java.time.LocalDate.now();")),
                arguments("a query", "query \"zz\"\n    $u : Unit()\nend\n"),
                arguments("a declared field with a value", "declare Zz\n    x : Object = " + FILE + "\nend\n"),
                arguments("a declared type with an annotation", "declare Zz\n    @role(event)\n    x : int\nend\n"),
                arguments("a declared type extending a class", "declare Zz extends java.io.File\n    x : int\nend\n"),
                arguments("a declared field of a forbidden type", "declare Zz\n    f : java.io.File\nend\n"),
                arguments("a declared enum", "declare enum Zz\n    A, B;\nend\n"),
                arguments("a global the engine does not give", "global java.io.File evil;\n"),
                arguments("importing System.exit as a function", HEADER + "import function java.lang.System.exit;\n"
                        + then("exit(0);")),
                arguments("an entry point", when("$u : Unit() from entry-point \"zz\"")),
                arguments("a rule extending another", then("insert(new ArrayList());").replace("rule \"zz attack\"",
                        "rule \"zz attack\" extends \"GRASS-01\"")),
                arguments("a named consequence", """
                        rule "zz attack"
                            @derive
                        when
                            $u : Unit()
                            do[evil]
                        then
                            insert(new ArrayList());
                        then[evil]
                            insert(new ArrayList());
                        end
                        """),
                arguments("modify", then("modify($u) { }")),
                arguments("a consequence that closes its method", then("}\nstatic { " + TOUCH + "; }\nvoid zz() {")),
                arguments("a condition with code after it", when("Unit( this.class.forName(\"java.lang.Runtime\") != null )")),
                arguments("a condition closing its pattern", when("Unit( type != null ) and Unit( " + TOUCH + " != null )")),
                arguments("insert of a forbidden object", then("insert(Runtime.getRuntime());")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void isReportedRefusedAndNeverRuns(String name, String drl) throws IOException {
        RulesCopy.into(rules);
        String text = drl.startsWith("package") ? drl : HEADER + drl;
        Files.writeString(rules.resolve("zz.drl"), text.replace("MARKER", marker().toString())
                .replace("PID", Long.toString(sentinel.pid())));

        Run lint = Run.xuncha("lint", "--rules", rules.toString());
        assertThat(lint.status()).as(lint.out() + lint.err()).isEqualTo(1);
        assertThat(lint.out()).containsPattern("zz\\.drl:\\d+:\\d+: error: ").doesNotContain("internal error");

        Run check = Run.xuncha("check", "--rules", rules.toString(), "fixtures/yangqu-2022.yaml");
        assertThat(check.status()).as(check.err()).isEqualTo(2);
        assertThat(check.err()).containsPattern("zz\\.drl:\\d+:\\d+: error: ").doesNotContain("\tat ");

        assertThat(marker()).doesNotExist();
        assertThat(sentinel.isAlive()).isTrue();
    }

    @Test
    void theShippedPackPassesAndSoDoesEverythingItUses() {
        Run lint = Run.xuncha("lint", "--rules", "rules");
        assertThat(lint.status()).as(lint.out()).isZero();
    }
}
