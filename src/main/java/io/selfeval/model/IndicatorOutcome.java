package io.selfeval.model;

import java.util.Objects;

/**
 * Derived by the rules (outcomes.drl), not read: whether an indicator's 实际完成值 met its 年度指标值. Every indicator
 * gets one; UNKNOWN where the two cannot be compared (words, different units, a range as the actual), and no rule
 * judges a score by an UNKNOWN outcome.
 */
public final class IndicatorOutcome {
    public enum Status { MET, MISSED, UNKNOWN }

    private final Indicator indicator;
    private final Status status;

    public IndicatorOutcome(Indicator indicator, Status status) {
        this.indicator = indicator;
        this.status = status;
    }

    /** MET when the actual meets the target in the given direction, else MISSED. */
    public static IndicatorOutcome compared(Indicator indicator, Quantity.Comparison direction) {
        boolean met = indicator.getActualValue().meets(direction, indicator.getTargetValue());
        return new IndicatorOutcome(indicator, met ? Status.MET : Status.MISSED);
    }

    public Indicator getIndicator() { return indicator; }
    public Status getStatus() { return status; }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorOutcome d && d.indicator == indicator && d.status == status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(indicator), status);
    }
}
