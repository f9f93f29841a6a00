package io.selfeval.check;

import io.selfeval.document.Cancellation;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.Readers;
import io.selfeval.read.Submission;
import io.selfeval.read.Submissions;
import io.selfeval.rules.CodeNames;
import io.selfeval.rules.RuleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks one submission ({@link SubmissionCheck}: read → recognize → rules → findings) within the time limit. Never
 * throws for a bad file: a file that cannot be read gives PARSE_UNREADABLE, one that is not a self-evaluation report
 * PARSE_UNRECOGNIZED (and nothing else), and a submission that takes longer than the time limit is given up as
 * unreadable ("处理超时").
 */
public final class Checker {
    private static final Logger LOG = LoggerFactory.getLogger(Checker.class);

    /** No real report comes near this; a bigger file is refused before it is read into memory. */
    static final long MAX_FILE_BYTES = Readers.MAX_FILE_BYTES;

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

    private final SubmissionCheck pipeline;
    private final Duration timeout;
    private final CodeNames names;

    public Checker(RuleBase rules) {
        this(rules, DEFAULT_TIMEOUT);
    }

    public Checker(RuleBase rules, Duration timeout) {
        this.pipeline = new SubmissionCheck(rules);
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
            return check(Submissions.onlyOne(all.collect(path, p -> false), name));
        }
    }

    /** Checks one submission within the time limit. */
    public SubmissionResult check(Submission submission) {
        return named(checkTimed(submission));
    }

    private SubmissionResult checkTimed(Submission submission) {
        AbandonedWork.Attempt attempt = new AbandonedWork.Attempt();
        Future<SubmissionResult> f;
        try {
            f = WORKERS.submit(() -> attempt.start() ? checkWatched(submission, attempt) : null);
        } catch (RuntimeException e) {
            return pipeline.run(submission);
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.abandon();
            f.cancel(true);
            LOG.warn("检查 {} 超过 {} 秒，已放弃", submission.name(), timeout.toSeconds());
            return SubmissionCheck.unreadable(submission, "处理超时（超过" + Math.max(1, timeout.toSeconds()) + "秒），文件可能过大或结构异常");
        } catch (InterruptedException e) {
            attempt.abandon();
            f.cancel(true);
            Thread.currentThread().interrupt();
            return SubmissionCheck.unreadable(submission, "检查被中断");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            LOG.debug("检查 {} 时出错", submission.name(), c);
            return SubmissionCheck.unreadable(submission, "处理文件时出错（" + (c == null ? "未知错误" : c.getClass().getSimpleName()) + "）");
        }
    }

    private SubmissionResult checkWatched(Submission submission, AbandonedWork.Attempt attempt) {
        boolean cancelled = false;
        try {
            return pipeline.run(submission);
        } catch (Cancellation.CancelledException e) {
            cancelled = true;
            return null; // nobody waits for it any more
        } finally {
            attempt.finish(cancelled);
        }
    }

    /**
     * A submission refused before it was read (too big, not a report file, an error around the check): listed with
     * its reason and one PARSE_UNREADABLE finding, named as every other finding.
     */
    public SubmissionResult refused(String name, String reason) {
        return named(unreadable(name, reason));
    }

    /** The result with each finding carrying its code's Chinese name from the code table. */
    public SubmissionResult named(SubmissionResult result) {
        return names.named(result);
    }

    /** A submission that could not be read: listed with its reason and one PARSE_UNREADABLE finding. */
    public static SubmissionResult unreadable(String name, String reason) {
        return SubmissionCheck.unreadable(name, reason);
    }
}
