package io.selfeval.model;

import java.math.BigDecimal;

/**
 * A deduction row: each finding with this code takes {@code points} off the rubric item {@code item} (an id such
 * as "完整性/绩效自评材料完整"); {@code cap}, when set, limits what this code can take off in total. The item's own
 * weight always caps the item.
 */
public record DeductionRule(String code, String item, BigDecimal points, BigDecimal cap, String source) {
}
