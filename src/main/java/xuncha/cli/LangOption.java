package xuncha.cli;

import picocli.CommandLine.Option;

/** {@code --lang}, the same for every command: the language of what the user reads. */
final class LangOption {
    enum Lang { zh, en }

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh")
    Lang lang = Lang.zh;

    /** The language's code, as reports and rule texts name it: {@code zh} or {@code en}. */
    String code() {
        return lang.name();
    }

    boolean chinese() {
        return lang == Lang.zh;
    }
}
