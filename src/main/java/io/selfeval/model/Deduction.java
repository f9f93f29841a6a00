package io.selfeval.model;

/** A suggested deduction on the review rubric: which item, how many points. */
public record Deduction(String item, double points) {
}
