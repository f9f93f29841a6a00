package io.selfeval.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Rounding as intervals (XBRL Calculations 1.1): a written number stands for every value that rounds to it, and two
 * statements disagree only when their intervals cannot meet, even after the configured tolerance.
 */
public final class Intervals {
    private static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);

    private Intervals() {
    }

    /** Whether the total can equal the sum of the parts. */
    public static boolean sumOverlaps(Amount total, List<Amount> parts, BigDecimal tolerance) {
        BigDecimal lo = BigDecimal.ZERO;
        BigDecimal hi = BigDecimal.ZERO;
        for (Amount p : parts) {
            lo = lo.add(p.lower());
            hi = hi.add(p.upper());
        }
        return overlaps(total.lower(), total.upper(), lo, hi, tolerance);
    }

    /** Whether the parts can add up to no more than the total. */
    public static boolean sumWithin(Amount total, List<Amount> parts, BigDecimal tolerance) {
        BigDecimal lo = BigDecimal.ZERO;
        for (Amount p : parts) lo = lo.add(p.lower());
        return lo.compareTo(total.upper().add(tolerance)) <= 0;
    }

    /** Whether two written amounts can be the same value. */
    public static boolean sameValue(Amount a, Amount b, BigDecimal tolerance) {
        return overlaps(a.lower(), a.upper(), b.lower(), b.upper(), tolerance);
    }

    /** Whether a is certainly greater than b (beyond rounding and tolerance). */
    public static boolean greater(Amount a, Amount b, BigDecimal tolerance) {
        return a.lower().compareTo(b.upper().add(tolerance)) > 0;
    }

    /**
     * Whether a stated percentage agrees with numerator ÷ denominator: the stated interval (at its written
     * precision, widened by tolerance in percentage points) meets the quotient interval.
     */
    public static boolean rateAgrees(Amount statedPercent, Amount numerator, Amount denominator, BigDecimal tolerance) {
        if (denominator.upper().signum() <= 0) return true;
        BigDecimal dLo = denominator.lower().max(new BigDecimal("1e-12"));
        BigDecimal qLo = numerator.lower().max(BigDecimal.ZERO).divide(denominator.upper(), MC).movePointRight(2);
        BigDecimal qHi = numerator.upper().divide(dLo, MC).movePointRight(2);
        return overlaps(statedPercent.lower(), statedPercent.upper(), qLo, qHi, tolerance);
    }

    /** numerator ÷ denominator as a percentage with two decimals, for messages. */
    public static BigDecimal percent(Amount numerator, Amount denominator) {
        if (denominator.getValue().signum() == 0) return null;
        return numerator.getValue().divide(denominator.getValue(), MC).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }

    private static boolean overlaps(BigDecimal aLo, BigDecimal aHi, BigDecimal bLo, BigDecimal bHi, BigDecimal tolerance) {
        BigDecimal t = tolerance == null ? BigDecimal.ZERO : tolerance;
        return aLo.compareTo(bHi.add(t)) <= 0 && bLo.compareTo(aHi.add(t)) <= 0;
    }

    /** Sum of the written values, for messages. */
    public static BigDecimal sum(List<Amount> parts) {
        BigDecimal s = BigDecimal.ZERO;
        for (Amount p : parts) s = s.add(p.getValue());
        return s;
    }
}
