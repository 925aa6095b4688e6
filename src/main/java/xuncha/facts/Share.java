package xuncha.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A share of a whole, which messages show as a percentage: {@code 0.1} reads "10%". A share that a
 * rule computes to compare with a minimum is cut, never rounded up, so that 9.99999% never reads
 * as the 10% it fails to reach.
 *
 * @param fraction the share, 0.1 for 10%
 */
public record Share(BigDecimal fraction) {
    /** Decimals of the percentage a computed share keeps. */
    private static final int PERCENT_DECIMALS = 2;

    /** A threshold's share, shown exactly. */
    public static Share of(BigDecimal fraction) {
        return new Share(fraction);
    }

    /** {@code part / whole}, cut (not rounded) to two decimals of a percent; 0 of nothing is 0. */
    public static Share below(BigDecimal part, BigDecimal whole) {
        return new Share(whole.signum() == 0 ? BigDecimal.ZERO
                : part.divide(whole, PERCENT_DECIMALS + 2, RoundingMode.DOWN));
    }

    /** The percentage without its sign: "10", "9.99", "55". */
    public String percent() {
        BigDecimal p = fraction.movePointRight(2).stripTrailingZeros();
        return p.signum() == 0 ? "0" : p.toPlainString();
    }

    @Override
    public String toString() {
        return percent() + "%";
    }
}
