package xuncha.yaml;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Dates as users write them: {@code YYYY-MM-DD}, a real day, in the years 1900 to 2999. Wider
 * forms that {@link LocalDate#parse} takes ({@code +999999999-12-31}) are refused: no county dates
 * an event there, and arithmetic on them overflows.
 */
public final class Dates {
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2999;

    private Dates() {
    }

    /** Whether {@code v} has the shape {@code YYYY-MM-DD} (digits and dashes), real day or not. */
    public static boolean hasShape(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (v.charAt(i) < '0' || v.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a date of this shape has a year from {@value #FIRST_YEAR} to {@value #LAST_YEAR}. */
    public static boolean inRange(String v) {
        int year = Integer.parseInt(v, 0, 4, 10);
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static final java.util.regex.Pattern OTHER_FORMS = java.util.regex.Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?");

    /**
     * A day written another common way ({@code 2024/3/5}, {@code 2024.3.5}, {@code 2024-3-5},
     * {@code 2024年3月5日}, full-width digits too) as it is to be written: {@code 2024-03-05}; empty
     * when {@code v} is no such real day.
     */
    public static Optional<String> corrected(String v) {
        String plain = java.text.Normalizer.normalize(v.strip(), java.text.Normalizer.Form.NFKC);
        java.util.regex.Matcher m = OTHER_FORMS.matcher(plain);
        if (!m.matches()) {
            return Optional.empty();
        }
        String iso = String.format(java.util.Locale.ROOT, "%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        return parse(iso).map(d -> iso);
    }

    /** The day {@code v} names, when it has the shape, is a real day and lies in the years allowed. */
    public static Optional<LocalDate> parse(String v) {
        if (!hasShape(v)) {
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(v, 0, 4, 10), Integer.parseInt(v, 5, 7, 10),
                    Integer.parseInt(v, 8, 10, 10));
            return d.getYear() >= FIRST_YEAR && d.getYear() <= LAST_YEAR ? Optional.of(d) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
