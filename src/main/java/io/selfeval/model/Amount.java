package io.selfeval.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A number as written in the document, kept with its precision so that rounding is judged as an interval:
 * "1253.78" stands for [1253.775, 1253.785]. Money is normalised to 万元; percentages keep the percent value
 * (98.49 for "98.49%").
 */
public final class Amount implements Comparable<Amount> {
    /** The unit of head counts (编制数, 实际在职人数): exact whole numbers. */
    public static final String PEOPLE = "人";

    private final BigDecimal value;
    private final String text;
    private final String unit;

    public Amount(BigDecimal value, String text, String unit) {
        this.value = value;
        this.text = text;
        this.unit = unit == null ? "" : unit;
    }

    public static Amount of(String plain) {
        return new Amount(new BigDecimal(plain), plain, "");
    }

    public static Amount of(String plain, String unit) {
        return new Amount(new BigDecimal(plain), plain, unit);
    }

    public BigDecimal getValue() {
        return value;
    }

    /** The figure as the document wrote it, e.g. "1253.78万元" or "98.49%". */
    public String getText() {
        return text;
    }

    /** 万元, %, 人, or "" when the document gives none. */
    public String getUnit() {
        return unit;
    }

    /** A blank cell counted as zero: exact, no rounding interval. */
    public static Amount blankZero() {
        return new Amount(BigDecimal.ZERO, "", "");
    }

    /**
     * Half a unit of the last written digit: 0.005 for 1253.78, 0.5 for 90; 0 for a blank counted as zero and for a
     * head count (unit 人), which is counted, not rounded.
     */
    public BigDecimal halfUlp() {
        if (text.isEmpty() || PEOPLE.equals(unit)) return BigDecimal.ZERO;
        return BigDecimal.ONE.movePointLeft(value.scale()).divide(BigDecimal.valueOf(2)); // scale < 0 from 亿元: 50 for 1.27亿元
    }

    public BigDecimal lower() {
        return value.subtract(halfUlp());
    }

    public BigDecimal upper() {
        return value.add(halfUlp());
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    /** Plain number without trailing zeros beyond what was written, e.g. "1253.78". */
    public String plain() {
        return value.toPlainString();
    }

    public double doubleValue() {
        return value.doubleValue();
    }

    public Amount scaled(int decimals) {
        return new Amount(value.setScale(decimals, RoundingMode.HALF_UP), text, unit);
    }

    @Override
    public int compareTo(Amount o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amount a && value.compareTo(a.value) == 0 && unit.equals(a.unit);
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode() * 31 + unit.hashCode();
    }

    @Override
    public String toString() {
        return value.toPlainString() + unit;
    }
}
