package io.selfeval.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An indicator's 年度指标值 or 实际完成值 read as a value: "≥98%" → at least, 98, "%". Money is in 万元 whichever unit it
 * was written in ("120元/人" → 0.012 万元/人), so a target in 元 compares with an actual in 万元. The recognizer reads
 * it once; rules compare quantities and never re-read the text.
 */
public final class Quantity {
    /** The comparison written before or after the number: ≥/不低于/以上, ≤/不超过/以内, >, <, =, or none. */
    public enum Comparison { NONE, AT_LEAST, AT_MOST, MORE, LESS, EQUAL }

    /** What the unit measures: a sum of money (…元; a per-unit amount such as 元/人 is OTHER), a share (%), a time span (5个工作日, 3个月), or anything else. */
    public enum Kind { MONEY, PERCENT, DURATION, OTHER }

    private final Comparison comparison;
    private final BigDecimal number;
    private final String unit;
    private final Kind kind;

    public Quantity(Comparison comparison, BigDecimal number, String unit, Kind kind) {
        this.comparison = Objects.requireNonNull(comparison);
        this.number = Objects.requireNonNull(number);
        this.unit = Objects.requireNonNull(unit);
        this.kind = Objects.requireNonNull(kind);
    }

    public Comparison getComparison() { return comparison; }
    public BigDecimal getNumber() { return number; }
    public String getUnit() { return unit; }
    public Kind getKind() { return kind; }

    /** Written as a range ("≥98%", "95%以上") rather than one value. */
    public boolean isRange() {
        return comparison != Comparison.NONE && comparison != Comparison.EQUAL;
    }

    public boolean isZero() {
        return number.signum() == 0;
    }

    public boolean isMoney() {
        return kind == Kind.MONEY;
    }

    /**
     * Whether this actual value and {@code target} measure the same thing: the same unit, or one the per-unit form of
     * the other as tables write them ("元/人" in the target, "元" in the actual); a unit on one side only is taken as
     * the same unless either side is a share.
     */
    public boolean comparableWith(Quantity target) {
        if (!unit.isEmpty() && !target.unit.isEmpty() && !sameUnit(unit, target.unit)) return false;
        return unit.isEmpty() == target.unit.isEmpty() || (kind != Kind.PERCENT && target.kind != Kind.PERCENT);
    }

    /** Whether this value, compared with {@code target} as {@code comparison} says, meets it. */
    public boolean meets(Comparison comparison, Quantity target) {
        int c = number.compareTo(target.number);
        return switch (comparison) {
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
            case MORE -> c > 0;
            case LESS -> c < 0;
            case NONE, EQUAL -> c == 0;
        };
    }

    private static boolean sameUnit(String a, String b) {
        if (a.equals(b)) return true;
        String baseA = beforePer(a);
        String baseB = beforePer(b);
        return !baseA.isEmpty() && baseA.equals(baseB) && (baseA.equals(a) || baseB.equals(b));
    }

    /** The unit before its "per" part: "元/人" → "元". */
    private static String beforePer(String unit) {
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            if (c == '/' || c == '／' || c == '每') return unit.substring(0, i);
        }
        return unit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && comparison == q.comparison && number.equals(q.number) && unit.equals(q.unit)
                && kind == q.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(comparison, number, unit, kind);
    }

    @Override
    public String toString() {
        return comparison + " " + number.toPlainString() + unit;
    }
}
