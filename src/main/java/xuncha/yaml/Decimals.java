package xuncha.yaml;

import java.math.BigDecimal;

/**
 * Every number a user writes (facts, thresholds, {@code --set}, baselines) is read here, within
 * bounds that no county reaches: a number of {@value #MAX_CHARS} characters at most, below
 * 10^{@value #MAX_INTEGER_DIGITS}, with at most {@value #MAX_DECIMALS} decimals. The bounds are
 * checked on the written exponent before any arithmetic, so {@code 1e999999999} costs nothing;
 * unbounded, it hangs or overflows the first rule that computes with it.
 */
public final class Decimals {
    public static final int MAX_CHARS = 40;
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_DECIMALS = 10;

    private Decimals() {
    }

    /** A number outside the bounds, or not a number: the reason, as the end of a sentence. */
    public static final class Refused extends Exception {
        private final transient xuncha.problems.Messages.Term reason;

        /** Why, in the user's language: what follows the value's name ("is too large …"). */
        public Refused(xuncha.problems.Messages.Term reason) {
            super(reason.in("en"), null, false, false);
            this.reason = reason;
        }

        public xuncha.problems.Messages.Term reason() {
            return reason;
        }
    }

    /** The decimal written in {@code text} ({@code _} between digits allowed, as YAML does). */
    public static BigDecimal parse(String text) throws Refused {
        String t = text.strip();
        if (t.length() > MAX_CHARS) {
            throw new Refused(new xuncha.problems.Messages.Term("number.too_long", MAX_CHARS));
        }
        BigDecimal v;
        try {
            v = new BigDecimal(t.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new Refused(new xuncha.problems.Messages.Term("number.not_plain"));
        }
        return bounded(v);
    }

    /** {@code v} when it is within the bounds. */
    public static BigDecimal bounded(BigDecimal v) throws Refused {
        if (v.signum() == 0) {
            return v.scale() < 0 ? BigDecimal.ZERO : v;
        }
        long integerDigits = (long) v.precision() - v.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new Refused(new xuncha.problems.Messages.Term("number.too_large", MAX_INTEGER_DIGITS));
        }
        BigDecimal stripped = v.stripTrailingZeros();
        if (stripped.scale() > MAX_DECIMALS) {
            throw new Refused(new xuncha.problems.Messages.Term("number.too_many_decimals", MAX_DECIMALS));
        }
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
