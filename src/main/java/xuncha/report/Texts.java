package xuncha.report;

import xuncha.problems.Messages;

import xuncha.facts.Labelled;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Fills a rule's message template: {@code {name}} becomes the value, written for the language. */
public final class Texts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");

    private Texts() {
    }

    /** A placeholder with no value stays as written, so that a template mistake shows. */
    public static String fill(String template, Map<String, ?> values, String lang) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : format(v, lang)));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String format(Object v, String lang) {
        boolean zh = "zh".equals(lang);
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof xuncha.facts.Share share) {
            return share.toString();
        }
        if (v instanceof LocalDate d) {
            return zh ? Messages.word(true, "date.long", d.getYear(), d.getMonthValue(), d.getDayOfMonth()) : d.toString();
        }
        if (v instanceof Labelled l) {
            return l.label(lang);
        }
        if (v instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> format(e.getKey(), lang) + " " + format(e.getValue(), lang))
                    .collect(Collectors.joining(Messages.word(zh, "word.list")));
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(x -> format(x, lang)).collect(Collectors.joining(Messages.word(zh, "word.list")));
        }
        return String.valueOf(v);
    }
}
