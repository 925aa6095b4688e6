package xuncha.engine;

import xuncha.yaml.Decimals;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What kind of number a threshold is, and the values it may take. One check for every source of a
 * threshold value: {@code thresholds.yaml} (defaults and local standards), {@code check --set} and
 * the {@code thresholds:} of a rule test case. A threshold the pack adds that is not listed here is
 * a {@link #NUMBER}.
 */
public enum ThresholdType {
    /** Times a year, members, people: a whole number. */
    COUNT(BigDecimal.valueOf(1_000_000), 0),
    /** A period in days: a whole number, at most ten years. */
    DAYS(BigDecimal.valueOf(3650), 0),
    /** An age in whole years. */
    AGE(BigDecimal.valueOf(120), 0),
    /** A share of a whole, written as a fraction and shown as a percentage: 0.1 is 10%. */
    SHARE(BigDecimal.ONE, 4),
    /** Yuan. */
    MONEY(new BigDecimal("1e12"), 2),
    /** A percentage written as such: 20 for 20%. */
    PERCENT(BigDecimal.valueOf(100), 2),
    /** Points of a 0–100 score. */
    POINTS(BigDecimal.valueOf(100), 4),
    /** Any other threshold. */
    NUMBER(new BigDecimal("1e15"), 6);

    private static final Map<String, ThresholdType> KNOWN = Map.ofEntries(
            Map.entry("county_league_reports_per_year", COUNT),
            Map.entry("township_league_reports_per_year", COUNT),
            Map.entry("joint_meetings_per_year", COUNT),
            Map.entry("league_attendance_min_ratio", SHARE),
            Map.entry("league_building_min_share", SHARE),
            Map.entry("young_pioneer_funds_per_member", MONEY),
            Map.entry("young_pioneer_county_share", SHARE),
            Map.entry("counselor_min_monthly_allowance", MONEY),
            Map.entry("navigator_max_age", AGE),
            Map.entry("instructor_min_young_members", COUNT),
            Map.entry("evaluation_weights", PERCENT),
            Map.entry("evaluation_total_tolerance", POINTS),
            Map.entry("admission_league_max_age", AGE),
            Map.entry("rectification_days", DAYS));

    private final BigDecimal max;
    private final int decimals;

    ThresholdType(BigDecimal max, int decimals) {
        this.max = max;
        this.decimals = decimals;
    }

    /** The type of the threshold of this name, or of {@code name.part}: a mapping threshold's parts share its type. */
    public static ThresholdType of(String name) {
        int dot = name.indexOf('.');
        return KNOWN.getOrDefault(dot < 0 ? name : name.substring(0, dot), NUMBER);
    }

    /** What the values of this type are, in the user's language: "a whole number of days from 0 to 3650". */
    public xuncha.problems.Messages.Term description() {
        return new xuncha.problems.Messages.Term("threshold.type." + name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The value written in {@code text} when it is one of this type; else why not. */
    public BigDecimal parse(String text) throws Decimals.Refused {
        BigDecimal v;
        try {
            v = Decimals.parse(text);
        } catch (Decimals.Refused e) {
            throw new Decimals.Refused(new xuncha.problems.Messages.Term("threshold.must_be_text", description(),
                    xuncha.problems.Diagnostics.quote(text)));
        }
        return check(v);
    }

    /** {@code v} when it is a value of this type; else why not. */
    public BigDecimal check(BigDecimal v) throws Decimals.Refused {
        if (v.signum() < 0 || v.compareTo(max) > 0 || v.stripTrailingZeros().scale() > decimals) {
            throw new Decimals.Refused(new xuncha.problems.Messages.Term("threshold.must_be", description(),
                    v.toPlainString()));
        }
        return v;
    }
}
