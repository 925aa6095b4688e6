package xuncha;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering, over the compiled classes: one way through, facts read → fact base → engine →
 * findings → report → renderers, with the command line on top. A back-edge fails here.
 *
 * <pre>
 *   facts ← problems ← yaml ← load
 *   facts, findings ← engine ← report ← check ← verify ← lint
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
                        "xuncha.lint..", "xuncha.gen..", "xuncha.bench..", "xuncha.check..")
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
}
