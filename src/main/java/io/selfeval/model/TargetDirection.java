package io.selfeval.model;

import java.util.Objects;

/**
 * Derived by the rules (outcomes.drl), not read: which way an indicator's target counts — at least (a floor), at
 * most (a cap), or exactly as written. A target written without ≥/≤ gets its direction from the rules: a cost, a
 * zero (差错率 0%) or a time limit is a cap, anything else a floor.
 */
public final class TargetDirection {
    private final Indicator indicator;
    private final Quantity.Comparison comparison;

    public TargetDirection(Indicator indicator, Quantity.Comparison comparison) {
        this.indicator = indicator;
        this.comparison = comparison;
    }

    public Indicator getIndicator() { return indicator; }
    public Quantity.Comparison getComparison() { return comparison; }

    // Equal when they say the same of the same row.
    @Override
    public boolean equals(Object o) {
        return o instanceof TargetDirection d && d.indicator == indicator && d.comparison == comparison;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(indicator), comparison);
    }
}
