package io.selfeval.check;

import io.selfeval.model.SubmissionResult;
import io.selfeval.rules.RuleFailure;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules that failed during a run, each counted once however many submissions it failed on, so the reviewer reads
 * one message per broken rule at the end rather than one per report. A rule that failed on every submission the rules
 * ran on makes the run a rule problem (exit 2 on the command line, 500 from the service).
 */
public final class RuleFailureTally {
    private final Map<String, RuleFailure> first = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int checked;

    public static RuleFailureTally of(List<SubmissionResult> results) {
        RuleFailureTally tally = new RuleFailureTally();
        results.forEach(tally::add);
        return tally;
    }

    public synchronized void add(SubmissionResult s) {
        if (s.getReview() == null) return; // unreadable or not a report: the rules did not run on it
        checked++;
        for (RuleFailure f : s.getRuleFailures()) {
            String key = f.file() + "\u0000" + f.rule();
            first.putIfAbsent(key, f);
            counts.merge(key, 1, Integer::sum);
        }
    }

    /** The first rule that failed on every submission the rules ran on, if one did. */
    public synchronized Optional<RuleFailure> failedEverywhere() {
        if (checked == 0) return Optional.empty();
        return first.entrySet().stream().filter(e -> counts.get(e.getKey()) == checked).map(Map.Entry::getValue).findFirst();
    }

    public boolean failsEverywhere() {
        return failedEverywhere().isPresent();
    }

    /** One line per failed rule: on how many of the checked submissions, and the explanation. */
    public synchronized void report(PrintWriter err) {
        for (Map.Entry<String, RuleFailure> e : first.entrySet()) {
            int n = counts.get(e.getKey());
            err.println("规则出错（" + n + "/" + checked + "份报告）：" + e.getValue().message()
                    + (n == checked ? "请修改规则后重新检查。" : ""));
        }
        err.flush();
    }
}
