package io.selfeval.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** The whole run: tool, rules used, every submission, and the counts (output-contract.md). */
@JsonPropertyOrder({"tool", "rules", "submissions", "summary"})
public record CheckReport(Tool tool, RulesInfo rules, List<SubmissionResult> submissions, Summary summary) {

    public record Tool(String name, String version) {
    }

    public record RulesInfo(String dir, String fingerprint, int count) {
    }

    @JsonPropertyOrder({"submissions", "errors", "warnings", "infos", "unreadable"})
    public record Summary(int submissions, long errors, long warnings, long infos, long unreadable) {
        public static Summary of(List<SubmissionResult> subs) {
            return new Summary(subs.size(),
                    subs.stream().mapToLong(s -> s.count(Severity.ERROR)).sum(),
                    subs.stream().mapToLong(s -> s.count(Severity.WARNING)).sum(),
                    subs.stream().mapToLong(s -> s.count(Severity.INFO)).sum(),
                    subs.stream().filter(SubmissionResult::isUnreadable).count());
        }
    }

    /**
     * The summary counted as submissions arrive, so a streamed run keeps five numbers rather than every result;
     * {@link #summary()} equals {@link Summary#of} over the same submissions. Not thread-safe.
     */
    public static final class Tally {
        private int submissions;
        private long errors, warnings, infos, unreadable;

        public void add(SubmissionResult s) {
            submissions++;
            errors += s.count(Severity.ERROR);
            warnings += s.count(Severity.WARNING);
            infos += s.count(Severity.INFO);
            if (s.isUnreadable()) unreadable++;
        }

        public Summary summary() {
            return new Summary(submissions, errors, warnings, infos, unreadable);
        }
    }
}
