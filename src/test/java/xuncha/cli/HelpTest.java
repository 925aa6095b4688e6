package xuncha.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import xuncha.Run;
import xuncha.problems.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The help and the usage mistakes of every command are said in the user's language, from the help bundles. */
class HelpTest {
    private static final List<String> COMMANDS = List.of("check", "verify", "rules", "impact", "lint", "gen", "fmt", "schema");

    @Test
    void theHelpBundlesHoldTheSameKeys() {
        assertThat(new TreeSet<>(Messages.help("zh").keySet())).isEqualTo(new TreeSet<>(Messages.help("en").keySet()));
    }

    @Test
    void everyCommandAndOptionIsDescribedInBothLanguages() {
        for (String lang : List.of("zh", "en")) {
            CommandLine cli = Main.all().setResourceBundle(Messages.help(lang));
            List<String> undescribed = new ArrayList<>();
            List<CommandLine> all = new ArrayList<>();
            java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>(cli.getSubcommands().values());
            while (!todo.isEmpty()) {
                CommandLine next = todo.poll();
                all.add(next);
                todo.addAll(next.getSubcommands().values());
            }
            for (CommandLine sub : all) {
                CommandSpec spec = sub.getCommandSpec();
                if (String.join("", spec.usageMessage().description()).isBlank()
                        && String.join("", spec.usageMessage().header()).isBlank()) {
                    undescribed.add(spec.name());
                }
                for (OptionSpec o : spec.options()) {
                    if (String.join("", o.description()).isBlank()) {
                        undescribed.add(spec.name() + " " + o.longestName());
                    }
                }
                spec.positionalParameters().stream().filter(p -> String.join("", p.description()).isBlank())
                        .forEach(p -> undescribed.add(spec.name() + " " + p.paramLabel()));
            }
            assertThat(undescribed).as(lang).isEmpty();
        }
    }

    /** A run builds its own subcommand alone ({@link Main#forArgs}): its help is the same as among all of them. */
    @Test
    void aSubcommandAloneSaysWhatItSaysAmongAll() {
        for (String lang : List.of("zh", "en")) {
            CommandLine all = Main.all().setResourceBundle(Messages.help(lang));
            for (String name : all.getSubcommands().keySet()) {
                if (name.equals("help")) {
                    continue;
                }
                CommandLine alone = Main.forArgs(new String[] {name, "--help"}).setResourceBundle(Messages.help(lang));
                assertThat(alone.getSubcommands().keySet()).containsExactly(name);
                assertThat(alone.getSubcommands().get(name).getUsageMessage())
                        .isEqualTo(all.getSubcommands().get(name).getUsageMessage());
            }
            assertThat(Main.forArgs(new String[] {"help", "check"}).getSubcommands()).hasSameSizeAs(all.getSubcommands());
            assertThat(Main.forArgs(new String[] {"chek"}).getSubcommands()).hasSameSizeAs(all.getSubcommands());
            assertThat(Main.forArgs(new String[0]).getSubcommands()).hasSameSizeAs(all.getSubcommands());
        }
    }

    @Test
    void helpIsChineseByDefaultAndEnglishWithLangEn() {
        for (String command : COMMANDS) {
            Run zh = Run.xuncha(command, "--help");
            assertThat(zh.status()).as(command).isZero();
            assertThat(zh.out()).as(command).startsWith("用法：xuncha " + command).contains("选项：", "显示本帮助并退出。")
                    .doesNotContain("Show this help");
            Run en = Run.xuncha(command, "--help", "--lang", "en");
            assertThat(en.out()).as(command).startsWith("Usage: xuncha " + command).contains("Show this help and exit.");
        }
        assertThat(Run.xuncha("check", "--help").out()).contains("退出状态：", "2   无法检查（事实、规则或选项有误）",
                "PATH...               事实文件（.yaml、.yml）、存放它们的文件夹，或台账工");
        assertThat(Run.xuncha("--help").out()).contains("命令：").containsPattern("check +按规则包检查")
                .containsPattern("help +显示某个命令的帮助。");
    }

    @Test
    void aMistakeOnTheCommandLineIsOneLineInTheUsersLanguageAndWhereTheHelpIs() {
        Run unknown = Run.xuncha("check", "--explian", "fixtures/yangqu-2022.yaml");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("xuncha check: 没有选项 --explian；是否应为 --explain？\n"
                + "运行“xuncha check --help”查看用法。\n");
        Run missing = Run.xuncha("fmt");
        assertThat(missing.err()).startsWith("xuncha fmt: 缺少 FACTS\n");
        Run choice = Run.xuncha("check", "--lang", "en", "--fail-on", "all", "fixtures/yangqu-2022.yaml");
        assertThat(choice.err()).isEqualTo("xuncha check: --fail-on cannot be 'all': use violation, warning, never\n"
                + "Run 'xuncha check --help' to see how to use it.\n");
        assertThat(Run.xuncha("rules", "extra").err()).startsWith("xuncha rules: 多了参数“extra”");
        Run none = Run.xuncha();
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).startsWith("xuncha: 缺少命令：").doesNotContain("Missing");
        assertThat(Messages.text("en", "usage.no_command")).startsWith("it needs a command after xuncha");
    }

    @Test
    void theLanguageComesFromLangThenXunchaLangThenAnEnglishLocale() {
        assertThat(Main.defaultLang(java.util.Map.of())).isEqualTo("zh");
        assertThat(Main.defaultLang(java.util.Map.of("LANG", "en_US.UTF-8"))).isEqualTo("en");
        assertThat(Main.defaultLang(java.util.Map.of("LANG", "C.UTF-8"))).isEqualTo("zh");
        assertThat(Main.defaultLang(java.util.Map.of("LC_ALL", "zh_CN.UTF-8", "LANG", "en_US.UTF-8"))).isEqualTo("zh");
        assertThat(Main.defaultLang(java.util.Map.of("XUNCHA_LANG", "en", "LANG", "zh_CN.UTF-8"))).isEqualTo("en");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int status = Main.run(new String[] {"check", "no-such.yaml"}, new java.io.PrintWriter(out),
                new java.io.PrintWriter(err), java.util.Map.of("LANG", "en_US.UTF-8"));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).endsWith("1 error\n");
        err.getBuffer().setLength(0);
        Main.run(new String[] {"check", "--lang", "zh", "no-such.yaml"}, new java.io.PrintWriter(out),
                new java.io.PrintWriter(err), java.util.Map.of("LANG", "en_US.UTF-8"));
        assertThat(err.toString()).endsWith("共 1 个错误\n");
    }
}
