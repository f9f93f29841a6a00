package io.selfeval.model;

/**
 * One line of the finance bureau's review rubric (考核评分表): a first-level standard (及时性, 完整性, 客观性), the item
 * under it, and its points. The id "完整性/绩效自评材料完整" is what deduction rows and reports name.
 */
public record RubricItem(String group, String name, java.math.BigDecimal weight, String standard) {
    public String id() {
        return group + "/" + name;
    }
}
