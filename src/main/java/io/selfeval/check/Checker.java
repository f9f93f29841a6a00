package io.selfeval.check;

import io.selfeval.document.Cancellation;
import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.Readers;
import io.selfeval.read.Submission;
import io.selfeval.read.SubmissionReader;
import io.selfeval.read.Submissions;
import io.selfeval.read.UnreadableException;
import io.selfeval.recognize.Recognition;
import io.selfeval.recognize.Recognizer;
import io.selfeval.review.Reviewer;
import io.selfeval.rules.CodeNames;
import io.selfeval.rules.RuleBase;
import io.selfeval.rules.RuleFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks one submission: read → recognize → rules → findings. Never throws for a bad file: a file that cannot be
 * read gives PARSE_UNREADABLE, one that is not a self-evaluation report PARSE_UNRECOGNIZED (and nothing else), and
 * a submission that takes longer than the time limit is given up as unreadable ("处理超时").
 */
public final class Checker {
    private static final Logger LOG = LoggerFactory.getLogger(Checker.class);

    /** No real report comes near this; a bigger file is refused before it is read into memory. */
    static final long MAX_FILE_BYTES = Readers.MAX_FILE_BYTES;

    /** No report has this many problems; a damaged file can give thousands of copies of one, which help nobody. */
    static final int MAX_FINDINGS = 500;

    /** Default time limit per submission; the system property selfeval.timeout (seconds) changes it. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(Long.getLong("selfeval.timeout", 120));

    /**
     * Worker threads for the time limit. A check that overruns is interrupted and stops at the next checkpoint of
     * its reading, recognizing or rule loop ({@link Cancellation}); until it does, {@link AbandonedWork} counts it.
     * The threads are daemons, so one stuck inside a parser never keeps the program alive.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "selfeval-submission");
        t.setDaemon(true);
        return t;
    });

    private final RuleBase rules;
    private final Duration timeout;
    private final CodeNames names;

    public Checker(RuleBase rules) {
        this(rules, DEFAULT_TIMEOUT);
    }

    public Checker(RuleBase rules, Duration timeout) {
        this.rules = rules;
        this.timeout = timeout;
        this.names = CodeNames.of(rules);
    }

    /** Whether the file's name is one a submission is made of (report, workbook, .zip); other files are not read. */
    public static boolean isSupported(Path file) {
        return Readers.isSupported(file);
    }

    /**
     * A file, or a folder or .zip that makes one submission (see {@link Submissions}). A folder or archive holding
     * several submissions is reported as unreadable here; the command line checks each of them.
     */
    public SubmissionResult check(Path path) {
        String name = path.toString();
        if (!Files.isDirectory(path) && !(Files.isRegularFile(path) && Readers.isArchiveName(path))) {
            return check(Submission.of(path));
        }
        try (Submissions all = new Submissions()) {
            List<Submission> found = all.collect(path, p -> false);
            if (found.size() == 1) return check(found.get(0));
            if (found.isEmpty()) return refused(name, "没有可检查的文件（.docx、.doc、.xlsx、.xls、.pdf、.html、.txt、.zip）");
            return refused(name, "包含" + found.size() + "份报告，请逐份检查");
        }
    }

    /** Checks one submission within the time limit; its findings carry their codes' names from the code table. */
    public SubmissionResult check(Submission submission) {
        return names.named(checkTimed(submission));
    }

    private SubmissionResult checkTimed(Submission submission) {
        AbandonedWork.Attempt attempt = new AbandonedWork.Attempt();
        Future<SubmissionResult> f;
        try {
            f = WORKERS.submit(() -> attempt.start() ? checkWatched(submission, attempt) : null);
        } catch (RuntimeException e) {
            return checkNow(submission);
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.abandon();
            f.cancel(true);
            LOG.warn("检查 {} 超过 {} 秒，已放弃", submission.name(), timeout.toSeconds());
            return unreadable(submission, "处理超时（超过" + Math.max(1, timeout.toSeconds()) + "秒），文件可能过大或结构异常");
        } catch (InterruptedException e) {
            attempt.abandon();
            f.cancel(true);
            Thread.currentThread().interrupt();
            return unreadable(submission, "检查被中断");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            LOG.debug("检查 {} 时出错", submission.name(), c);
            return unreadable(submission, "处理文件时出错（" + (c == null ? "未知错误" : c.getClass().getSimpleName()) + "）");
        }
    }

    private SubmissionResult checkWatched(Submission submission, AbandonedWork.Attempt attempt) {
        boolean cancelled = false;
        try {
            return checkNow(submission);
        } catch (Cancellation.CancelledException e) {
            cancelled = true;
            return null; // nobody waits for it any more
        } finally {
            attempt.finish(cancelled);
        }
    }

    private SubmissionResult checkNow(Submission submission) {
        String name = submission.name();
        List<String> files = submission.fileNames();
        try {
            SubmissionReader.Result read = SubmissionReader.read(submission);
            Recognition rec = Recognizer.recognize(read.document());
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

    /**
     * A submission refused before it was read (too big, not a report file, several reports in one archive): listed
     * with its reason and one PARSE_UNREADABLE finding, named as every other finding.
     */
    public SubmissionResult refused(String name, String reason) {
        return names.named(unreadable(name, reason));
    }

    /** A submission that could not be read: listed with its reason and one PARSE_UNREADABLE finding. */
    public static SubmissionResult unreadable(String name, String reason) {
        return new SubmissionResult(name, List.of(name), null, null, null, null, List.of(unreadableFinding(null, reason)), reason);
    }

    private static SubmissionResult unreadable(Submission s, String reason) {
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
