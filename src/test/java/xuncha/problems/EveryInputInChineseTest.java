package xuncha.problems;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;
import xuncha.RulesCopy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of bad input beyond the facts (a rule pack, its thresholds, its test cases, a
 * baseline) is refused in Chinese by default and in English with --lang en, at its place.
 */
class EveryInputInChineseTest {
    @TempDir
    Path dir;

    private Path rules() throws IOException {
        Path rules = dir.resolve("rules");
        RulesCopy.into(rules);
        return rules;
    }

    private static void saysBoth(String[] args, String chinese, String english) {
        Run zh = Run.xuncha(args);
        assertThat(zh.out() + zh.err()).contains(chinese);
        String[] en = new String[args.length + 2];
        en[0] = args[0];
        en[1] = "--lang";
        en[2] = "en";
        System.arraycopy(args, 1, en, 3, args.length - 1);
        Run e = Run.xuncha(en);
        assertThat(e.out() + e.err()).contains(english);
    }

    @Test
    void anUnsafeRulePack() throws IOException {
        Path rules = rules();
        RulesCopy.edit(rules, "report.drl", "import java.math.BigDecimal;", "import java.math.BigDecimal;\nimport java.io.File;");
        saysBoth(new String[] {"lint", "--rules", rules.toString()},
                rules + "/report.drl:5:8: error: 规则不能导入 java.io.File：规则可以使用事实模型",
                rules + "/report.drl:5:8: error: the rules may not import java.io.File: a rule may use the fact model");
        RulesCopy.edit(rules, "report.drl", "import java.io.File;", "");
        RulesCopy.edit(rules, "grass.drl", "then\n    finding(drools, $u.id(), null, \"\");",
                "then\n    System.exit(1);\n    finding(drools, $u.id(), null, \"\");");
        saysBoth(new String[] {"check", "--rules", rules.toString(), "fixtures/yangqu-2022.yaml"},
                "error: 规则文件中不允许使用 System.exit", "error: System.exit(…) is not allowed in a rules file");
    }

    @Test
    void aThresholdOutOfRange() throws IOException {
        Path rules = rules();
        RulesCopy.edit(rules, "thresholds.yaml", "navigator_max_age: 35", "navigator_max_age: [35]");
        saysBoth(new String[] {"check", "--rules", rules.toString(), "fixtures/yangqu-2022.yaml"},
                "error: 阈值“navigator_max_age”应是0 到 120 之间的整岁数，这里是一个列表",
                "error: threshold 'navigator_max_age' must be a whole number of years from 0 to 120, found a list");
    }

    @Test
    void aRuleTestCaseThatNamesNoRule() throws IOException {
        Path rules = rules();
        Files.writeString(rules.resolve("tests/zz.yaml"), "cases:\n  - name: 无此规则\n    rule: NOPE-01\n"
                + "    facts: {year: 2022, as_of: 2022-12-31}\n    expect: []\n");
        saysBoth(new String[] {"verify", "--rules", rules.toString()},
                "zz.yaml:3:11: error: 规则包中没有规则“NOPE-01”", "zz.yaml:3:11: error: no rule 'NOPE-01' in the pack");
    }

    @Test
    void aBaselineThatIsNotAReport() throws IOException {
        Path baseline = dir.resolve("last.json");
        Files.writeString(baseline, "{\"as_of\": \"2022-10-24\"}");
        saysBoth(new String[] {"check", "--baseline", baseline.toString(), "fixtures/yangqu-2022.yaml"},
                "last.json:1:1: error: 基线不是 xuncha check 的 JSON 报告",
                "last.json:1:1: error: the baseline is not a JSON report of xuncha check");
    }
}
