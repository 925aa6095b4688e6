package xuncha;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering, over the compiled classes: one way through, facts read → fact base → engine →
 * findings → report → renderers, with the command line on top. A back-edge fails here.
 *
 * <pre>
 *   facts ← problems ← yaml ← load
 *   facts, findings ← engine ← report ← check ← verify ← lint
 *   report ← render (the formats: they know the report, nothing else)
 *   report ← ledger (the rectification ledger: rounds, claims, reviews)
 *   check, ledger, render ← server (the workspace: the same pipeline, never the loader itself)
 *   cli, gen, bench: on top of everything
 * </pre>
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("xuncha");

    @Test
    void thePackagesHaveNoCycles() {
        slices().matching("xuncha.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theFactModelStandsOnNothing() {
        noClasses().that().resideInAPackage("xuncha.facts..").should().dependOnClassesThat()
                .resideInAnyPackage("xuncha.problems..", "xuncha.yaml..", "xuncha.load..", "xuncha.findings..",
                        "xuncha.engine..", "xuncha.report..", "xuncha.verify..", "xuncha.lint..", "xuncha.cli..")
                .check(CLASSES);
    }

    @Test
    void problemsAndYamlStandOnTheFactsOnly() {
        noClasses().that().resideInAnyPackage("xuncha.problems..", "xuncha.yaml..").should().dependOnClassesThat()
                .resideInAnyPackage("xuncha.load..", "xuncha.findings..", "xuncha.engine..", "xuncha.report..",
                        "xuncha.verify..", "xuncha.lint..", "xuncha.cli..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("xuncha.problems..").should().dependOnClassesThat()
                .resideInAPackage("xuncha.yaml..").check(CLASSES);
    }

    @Test
    void theEngineAndTheReportDoNotKnowHowFactsAreReadOrWhoAsked() {
        noClasses().that().resideInAnyPackage("xuncha.engine..", "xuncha.report..", "xuncha.findings..")
                .should().dependOnClassesThat().resideInAnyPackage("xuncha.load..", "xuncha.cli..", "xuncha.verify..",
                        "xuncha.lint..", "xuncha.gen..", "xuncha.bench..", "xuncha.check..", "xuncha.render..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("xuncha.engine..").should().dependOnClassesThat()
                .resideInAPackage("xuncha.report..").check(CLASSES);
    }

    @Test
    void readingFactsKnowsNothingOfRulesOrReports() {
        noClasses().that().resideInAPackage("xuncha.load..").should().dependOnClassesThat()
                .resideInAnyPackage("xuncha.engine..", "xuncha.report..", "xuncha.verify..", "xuncha.lint..",
                        "xuncha.cli..", "xuncha.check..")
                .check(CLASSES);
    }

    @Test
    void theFormatsKnowTheReportAndNothingElse() {
        noClasses().that().resideInAPackage("xuncha.render..").should().dependOnClassesThat()
                .resideInAnyPackage("xuncha.engine..", "xuncha.load..", "xuncha.yaml..", "xuncha.check..",
                        "xuncha.verify..", "xuncha.lint..", "xuncha.cli..")
                .check(CLASSES);
    }

    /** No format leans on another's helpers: what they share is in Wording and FindingJson. */
    @Test
    void noRendererCallsAnother() {
        List<String> calls = new ArrayList<>();
        for (JavaClass c : CLASSES) {
            if (!c.getPackageName().equals("xuncha.render") || !c.getSimpleName().endsWith("Renderer")) {
                continue;
            }
            c.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
                    .filter(t -> t.getPackageName().equals("xuncha.render") && t.getSimpleName().endsWith("Renderer"))
                    .filter(t -> !t.equals(c) && !t.getSimpleName().equals("Renderer"))
                    .forEach(t -> calls.add(c.getSimpleName() + " → " + t.getSimpleName()));
        }
        assertThat(calls).isEmpty();
    }

    /** The one check pipeline is a library: the command line, verify and the server call it, not the other way. */
    @Test
    void theCheckPipelineDoesNotKnowWhoCallsIt() {
        noClasses().that().resideInAPackage("xuncha.check..").should().dependOnClassesThat()
                .resideInAnyPackage("xuncha.cli..", "xuncha.verify..", "xuncha.lint..", "xuncha.gen..", "xuncha.bench..")
                .check(CLASSES);
    }

    @Test
    void nothingButTheCommandLineStandsOnIt() {
        noClasses().that().resideOutsideOfPackages("xuncha.cli..", "xuncha.bench..").should().dependOnClassesThat()
                .resideInAPackage("xuncha.cli..").check(CLASSES);
    }

    @Test
    void theLedgerKeepsReportsAndKnowsNothingOfWhoAsks() {
        noClasses().that().resideInAPackage("xuncha.ledger..").should().dependOnClassesThat()
                .resideInAnyPackage("xuncha.cli..", "xuncha.render..", "xuncha.check..", "xuncha.engine..",
                        "xuncha.verify..", "xuncha.lint..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("xuncha.report..", "xuncha.render..", "xuncha.check..")
                .should().dependOnClassesThat().resideInAPackage("xuncha.ledger..").check(CLASSES);
    }

    @Test
    void theWorkspaceStandsOnThePipelineAndNothingStandsOnIt() {
        noClasses().that().resideInAnyPackage("xuncha.facts..", "xuncha.load..", "xuncha.engine..", "xuncha.report..",
                        "xuncha.render..", "xuncha.check..", "xuncha.ledger..", "xuncha.verify..", "xuncha.lint..")
                .should().dependOnClassesThat().resideInAPackage("xuncha.server..").check(CLASSES);
        noClasses().that().resideInAPackage("xuncha.server..").should().dependOnClassesThat()
                .resideInAnyPackage("xuncha.cli..", "xuncha.load..", "xuncha.yaml.YamlReader").check(CLASSES);
    }
}
