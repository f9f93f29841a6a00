package io.selfeval.check;

import io.selfeval.document.Cancellation;
import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.Submission;
import io.selfeval.read.SubmissionReader;
import io.selfeval.read.UnreadableException;
import io.selfeval.recognize.Recognition;
import io.selfeval.recognize.Recognizer;
import io.selfeval.review.Reviewer;
import io.selfeval.rules.RuleBase;
import io.selfeval.rules.RuleFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One submission from its files to its result: read, recognize, run the rules, review; and the findings about the
 * files themselves (PARSE_*). {@link Checker} runs it within the time limit.
 */
final class SubmissionCheck {
    /** Logged as the checker, which users know from its messages on stderr. */
    private static final Logger LOG = LoggerFactory.getLogger(Checker.class);

    /** No report has this many problems; a damaged file can give thousands of copies of one, which help nobody. */
    static final int MAX_FINDINGS = 500;

    private final RuleBase rules;

    SubmissionCheck(RuleBase rules) {
        this.rules = rules;
    }

    SubmissionResult run(Submission submission) {
        String name = submission.name();
        List<String> files = submission.fileNames();
        try {
            SubmissionReader.Result read = SubmissionReader.read(submission);
            Recognition rec = Recognizer.recognize(read.document(), rules.vocabulary());
            List<Finding> findings = new ArrayList<>();
            for (SubmissionReader.Failed failed : read.failed()) findings.add(unreadableFinding(failed.file(), failed.reason()));
            for (String cut : read.document().cuts()) findings.add(truncatedFinding(cut));
            String error = read.failed().isEmpty() ? null
                    : String.join("；", read.failed().stream().map(x -> x.file() + "：" + x.reason()).toList());
            if (!rec.looksLikeReport(rules.parameters())) {
                findings.add(0, unrecognizedFinding(name));
                return new SubmissionResult(name, files, rec.unit(), rec.year(), null, null, findings, error);
            }
            RuleBase.Outcome ran = rules.run(rec.facts());
            for (RuleFailure failure : ran.failures()) LOG.debug("检查 {} 时规则出错：{}", name, failure.message());
            // With part of a file unread, a rule's ERROR may come from what is missing: no doubt-free reading, no ERROR.
            boolean cut = !read.document().cuts().isEmpty();
            for (Finding f : ran.findings()) findings.add(cut && f.getSeverity() == Severity.ERROR ? asWarning(f) : f);
            findings.sort(ORDER);
            // The review score on the rubric; each finding gets the deduction it took.
            Reviewer.Outcome review = new Reviewer(rules).review(findings);
            return new SubmissionResult(name, files, rec.unit(), rec.year(),
                    new SubmissionResult.SelfScore(value(rec.statedSelfScore()), value(rec.recomputedSelfScore())),
                    review.review(), atMost(MAX_FINDINGS, review.findings()), error, ran.failures());
        } catch (UnreadableException e) {
            Cancellation.checkpoint(); // a reader failing because it was interrupted has no finding to give
            return unreadable(submission, e.getMessage());
        } catch (Cancellation.CancelledException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // One line for the reviewer; the stack trace only with --verbose.
            LOG.warn("检查 {} 时出错：{}", name, e.toString());
            LOG.debug("检查 {} 时出错", name, e);
            return unreadable(submission, "处理文件时出错（" + e.getClass().getSimpleName() + "）");
        }
    }

    private static BigDecimal value(io.selfeval.model.Amount a) {
        return a == null ? null : a.getValue();
    }

    /** A submission that could not be read: listed with its reason and one PARSE_UNREADABLE finding. */
    static SubmissionResult unreadable(String name, String reason) {
        return new SubmissionResult(name, List.of(name), null, null, null, null, List.of(unreadableFinding(null, reason)), reason);
    }

    static SubmissionResult unreadable(Submission s, String reason) {
        return new SubmissionResult(s.name(), s.fileNames(), null, null, null, null, List.of(unreadableFinding(null, reason)), reason);
    }

    private static Finding unreadableFinding(String file, String reason) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("reason", reason);
        if (file != null) evidence.put("file", file);
        return new Finding("PARSE_UNREADABLE", Severity.ERROR, "文件无法读取", null,
                (file == null ? "文件无法读取：" : "文件 " + file + " 无法读取：") + reason,
                Location.wholeFile(file), evidence, null);
    }

    /** The first {@code max} findings (most serious first) and, when more were found, one saying how many are not listed. */
    static List<Finding> atMost(int max, List<Finding> findings) {
        if (findings.size() <= max) return findings;
        List<Finding> out = new ArrayList<>(findings.subList(0, max));
        String reason = "检查发现的问题过多（共" + findings.size() + "条），只列出最严重的前" + max + "条；文件可能已损坏或含大量重复内容";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("reason", reason);
        evidence.put("found", findings.size());
        evidence.put("listed", max);
        out.add(new Finding("PARSE_TRUNCATED", Severity.INFO, "文件内容未全部读取", null, reason,
                Location.wholeFile(null), evidence, null));
        return out;
    }

    /** Part of a file left out because it was beyond a reading limit: the checks on the rest may be incomplete. */
    private static Finding truncatedFinding(String cut) {
        String reason = cut + "，超出读取上限的内容未检查，相关检查结果可能不完整；请删去多余内容后重新提交";
        return new Finding("PARSE_TRUNCATED", Severity.WARNING, "文件内容未全部读取", null, reason,
                Location.wholeFile(null), Map.of("reason", reason), null);
    }

    private static Finding asWarning(Finding f) {
        return new Finding(f.getCode(), Severity.WARNING, f.getRule(), f.getRuleFile(),
                f.getMessage() + "（文件未全部读取，此项可能出自未读取的部分，按警告列出）", f.getLocation(), f.getEvidence(),
                f.getDeduction(), f.getMessageKey(), f.getMessageArgs());
    }

    private static Finding unrecognizedFinding(String name) {
        String reason = "文件已读取，但看不出是部门整体支出绩效自评报告（没有找到含“自评”字样的报告标题、填写了实际完成值的自评表、自评得分或正文各必备部分的标题；通知、函件和绩效目标申报表不是自评报告）";
        return new Finding("PARSE_UNRECOGNIZED", Severity.WARNING, "非绩效自评报告", null, reason,
                Location.wholeFile(null), Map.of("reason", reason), null);
    }

    /** ERROR before WARNING before INFO, then in document order. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::getSeverity)
            .thenComparing(f -> f.getLocation() == null || f.getLocation().getPosition() == null ? Integer.MAX_VALUE : f.getLocation().getPosition())
            .thenComparing(Finding::getCode);
}
