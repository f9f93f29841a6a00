package io.selfeval.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.selfeval.rules.RuleFailure;

import java.math.BigDecimal;
import java.util.List;

/** Everything found about one submission; the JSON and text reports are written from this. */
@JsonPropertyOrder({"file", "files", "unit", "year", "selfScore", "review", "findings", "error", "ruleFailures"})
public final class SubmissionResult {
    /** Stated self-score (narrative or table total) and the one recomputed from the item scores. */
    public record SelfScore(BigDecimal stated, BigDecimal recomputed) {
    }

    private final String file;
    private final List<String> files;
    private final String unit;
    private final Integer year;
    private final SelfScore selfScore;
    private final Review review;
    private final List<Finding> findings;
    private final String error;
    private final List<RuleFailure> ruleFailures;

    public SubmissionResult(String file, List<String> files, String unit, Integer year, SelfScore selfScore,
                            Review review, List<Finding> findings, String error) {
        this(file, files, unit, year, selfScore, review, findings, error, List.of());
    }

    public SubmissionResult(String file, List<String> files, String unit, Integer year, SelfScore selfScore,
                            Review review, List<Finding> findings, String error, List<RuleFailure> ruleFailures) {
        this.file = file;
        this.files = List.copyOf(files);
        this.unit = unit;
        this.year = year;
        this.selfScore = selfScore;
        this.review = review;
        this.findings = List.copyOf(findings);
        this.error = error;
        this.ruleFailures = List.copyOf(ruleFailures);
    }

    public String getFile() { return file; }
    public List<String> getFiles() { return files; }
    public String getUnit() { return unit; }
    public Integer getYear() { return year; }
    public SelfScore getSelfScore() { return selfScore; }
    /** The review score on the rubric (考核评分表); null for a submission that could not be read. */
    public Review getReview() { return review; }
    public List<Finding> getFindings() { return findings; }
    public String getError() { return error; }
    /**
     * The rules that failed while checking this submission (a rule problem, not the report's); usually empty, and then
     * left out of the JSON, so every other submission keeps exactly the contract's keys.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    public List<RuleFailure> getRuleFailures() { return ruleFailures; }

    /** The same result with other findings (named ones, say). */
    public SubmissionResult withFindings(List<Finding> other) {
        return new SubmissionResult(file, files, unit, year, selfScore, review, other, error, ruleFailures);
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.getSeverity() == s).count();
    }

    public boolean isUnreadable() {
        return error != null;
    }
}
