package io.selfeval.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.util.List;

/**
 * The review score a submission gets on the finance bureau's rubric (考核评分表): the rubric's total weight minus what
 * the findings took off, and each rubric item with its weight, the points taken off (never more than its weight) and
 * the reasons (output-contract.md: {@code review.score}, {@code review.items[].item/weight/deducted/reasons}).
 */
@JsonPropertyOrder({"score", "items"})
public record Review(BigDecimal score, List<Item> items) {
    public Review {
        items = List.copyOf(items);
    }

    /** Full marks: the sum of the rubric's weights. */
    @JsonIgnore
    public BigDecimal fullMarks() {
        return items.stream().map(Item::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The item with this id ("完整性/绩效自评材料完整"), or null. */
    public Item item(String id) {
        return items.stream().filter(i -> i.item().equals(id)).findFirst().orElse(null);
    }

    /**
     * One rubric item. {@code assessed} is false when no loaded rule can take points off it (e.g. 及时性 while no
     * rule reads the submission dates): it keeps full marks for want of data, and the text report says so.
     */
    @JsonPropertyOrder({"item", "weight", "deducted", "reasons"})
    public record Item(String item, BigDecimal weight, BigDecimal deducted, List<String> reasons,
                       @JsonIgnore boolean assessed) {
        public Item {
            reasons = List.copyOf(reasons);
        }

        /** weight − deducted. */
        @JsonIgnore
        public BigDecimal score() {
            return weight.subtract(deducted);
        }
    }
}
