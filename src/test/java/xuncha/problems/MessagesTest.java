package xuncha.problems;

import org.junit.jupiter.api.Test;
import xuncha.Run;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every keyed message exists in Chinese and English and takes the same values in both. */
class MessagesTest {
    private static final Pattern VALUE = Pattern.compile("%(?:(\\d+)\\$)?([sdf,.0-9]*[sdf])");

    @Test
    void everyKeyIsInBothLanguagesWithTheSameValues() {
        ResourceBundle zh = Messages.bundle("zh");
        ResourceBundle en = Messages.bundle("en");
        assertThat(new TreeSet<>(zh.keySet())).isEqualTo(new TreeSet<>(en.keySet()));
        List<String> differing = new ArrayList<>();
        for (String key : en.keySet()) {
            if (!values(zh.getString(key)).equals(values(en.getString(key)))) {
                differing.add(key + ": zh " + values(zh.getString(key)) + ", en " + values(en.getString(key)));
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void theChineseIsChinese() {
        ResourceBundle zh = Messages.bundle("zh");
        for (String key : zh.keySet()) {
            // A Chinese text that has words says them in Chinese; one without words (quotes around a
            // value, or nothing: "no suggestion") is the same in both languages.
            String words = zh.getString(key).replaceAll(VALUE.pattern(), "");
            if (words.matches("(?s).*[A-Za-z]{2,}.*")) {
                assertThat(words).as(key).containsPattern("\\p{IsHan}");
            }
        }
    }

    @Test
    void theCountOfErrorsIsSaidInTheUsersLanguage() {
        Run zh = Run.xuncha("check", "no-such.yaml");
        assertThat(zh.err()).endsWith("共 1 个错误\n");
        Run en = Run.xuncha("check", "--lang", "en", "no-such.yaml");
        assertThat(en.err()).endsWith("1 error\n");
    }

    /** The values a pattern takes: by position, with their conversion ({@code 1:s}, {@code 2:d}). */
    private static Set<String> values(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = VALUE.matcher(pattern.replace("%%", ""));
        int next = 1;
        while (m.find()) {
            int index = m.group(1) != null ? Integer.parseInt(m.group(1)) : next++;
            out.add(index + ":" + m.group(2).charAt(m.group(2).length() - 1));
        }
        return out;
    }
}
