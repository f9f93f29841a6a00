package io.selfeval.api;

import io.selfeval.annotate.Annotator;
import io.selfeval.check.Checker;
import io.selfeval.internal.Uploads;
import io.selfeval.model.CheckReport;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.Submission;
import io.selfeval.read.Submissions;
import io.selfeval.read.TempFiles;
import io.selfeval.report.JsonReportWriter;
import io.selfeval.rules.RuleBase;
import io.selfeval.rules.RuleCompileException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checker as a library: the rules folder compiled once, then {@link #check(Path)} and
 * {@link #check(InputStream, String)} from any number of threads at once. Each returns the {@link SubmissionResult}
 * the JSON report is made from; {@link #report} puts results into the whole document (tool, rules, summary) and
 * {@link #toJson} writes it as output-contract.md describes. Like the command line, it never throws for a bad file:
 * such a file gives a result with {@code error} set and a PARSE_UNREADABLE finding.
 *
 * <pre>{@code
 * SelfEval selfEval = SelfEval.builder().rules(Path.of("rules")).timeout(Duration.ofSeconds(60)).build();
 * SubmissionResult r = selfEval.check(Path.of("自评报告.docx"));
 * }</pre>
 *
 * An instance never changes its rules; to use edited rules, build a new one (the HTTP service does this when the
 * rules folder changes, and swaps instances atomically).
 */
public final class SelfEval {
    /** The time limit per submission unless {@link Builder#timeout} says otherwise (system property selfeval.timeout). */
    public static final Duration DEFAULT_TIMEOUT = Checker.DEFAULT_TIMEOUT;

    private final RuleBase rules;
    private final Checker checker;
    private final String rulesLabel;
    private final Path tempDir;

    private SelfEval(RuleBase rules, String rulesLabel, Duration timeout, Path tempDir) {
        this.rules = rules;
        this.checker = new Checker(rules, timeout);
        this.rulesLabel = rulesLabel;
        this.tempDir = tempDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link SelfEval}; only the rules folder is required. */
    public static final class Builder {
        private Path rulesDir;
        private RuleBase ruleBase;
        private String rulesLabel;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Path tempDir;

        private Builder() {
        }

        /** The rules folder (*.drl rule files and *.drl.xlsx data sheets), compiled by {@link #build()}. */
        public Builder rules(Path dir) {
            this.rulesDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Rules already compiled (instead of {@link #rules(Path)}). */
        public Builder ruleBase(RuleBase ruleBase) {
            this.ruleBase = Objects.requireNonNull(ruleBase, "ruleBase");
            return this;
        }

        /** How the rules folder is named in reports ({@code rules.dir}); default the folder as given. */
        public Builder rulesLabel(String label) {
            this.rulesLabel = label;
            return this;
        }

        /** Time limit per submission; one taking longer is reported as unreadable (“处理超时”). Default 120 s. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** Where {@link #check(InputStream, String)} keeps a stream while it is checked; default the system's. */
        public Builder tempDir(Path dir) {
            this.tempDir = dir;
            return this;
        }

        /**
         * Compiles the rules (once; the instance shares them among all its callers).
         *
         * @throws RuleCompileException when the rules do not compile; each problem names its file and line (or
         *                              file, sheet and cell for a data sheet)
         */
        public SelfEval build() throws RuleCompileException {
            RuleBase rb = ruleBase;
            if (rb == null) {
                if (rulesDir == null) throw new IllegalStateException("rules folder not set: call rules(Path)");
                rb = RuleBase.load(rulesDir);
            }
            String label = rulesLabel != null ? rulesLabel : rulesDir != null ? rulesDir.toString() : rb.dir().toString();
            return new SelfEval(rb, label, timeout, tempDir);
        }
    }

    /**
     * One submission: a file, or a folder or .zip holding one report (with its attachment workbooks). A folder or
     * archive holding several reports gives an unreadable result; use {@link #checkAll(Path)} for those.
     */
    public SubmissionResult check(Path path) {
        return checker.check(path);
    }

    /**
     * One submission read from a stream (e.g. an upload) under the given file name, whose extension says what it
     * is (.docx, .doc, .xlsx, .xls, .pdf, .html/.htm/.mht, .txt, .zip); the name appears in the result as the submission's file. The
     * stream is not closed; one longer than 64 MB gives an unreadable result. The bytes are kept in a temporary file
     * while they are checked, deleted before this returns.
     */
    public SubmissionResult check(InputStream in, String fileName) throws IOException {
        String name = Uploads.safeFileName(fileName);
        Path dir = tempDir == null ? TempFiles.createDirectory("selfeval-api-") : TempFiles.createDirectory(tempDir, "selfeval-api-");
        try (Submissions all = new Submissions()) {
            return checker.check(Uploads.saveAsOne(in, fileName, name, dir, all));
        } finally {
            TempFiles.delete(dir);
        }
    }

    /** One submission already put together (see {@link Submissions}), within the time limit. */
    public SubmissionResult check(Submission submission) {
        return checker.check(submission);
    }

    /** A submission refused with its reason (one PARSE_UNREADABLE finding), named by these rules' code table. */
    public SubmissionResult refused(String name, String reason) {
        return checker.refused(name, reason);
    }

    /** The result for a file that was not checked: listed with its reason and one PARSE_UNREADABLE finding. */
    public static SubmissionResult unreadable(String name, String reason) {
        return Checker.unreadable(name, reason);
    }

    /** Every submission at the path (a file, a folder searched recursively, or a .zip), in path order. */
    public List<SubmissionResult> checkAll(Path path) {
        try (Submissions all = new Submissions()) {
            return checkEach(all.collect(path, p -> false));
        }
    }

    /**
     * Every submission at the path, named as if the path were called {@code display} (for files saved under a
     * temporary folder: with an empty {@code display}, a folder's files are named by their path inside it).
     */
    public List<SubmissionResult> checkAll(Path path, String display) {
        try (Submissions all = new Submissions()) {
            return checkEach(all.collect(path, display, p -> false));
        }
    }

    /** Checks submissions already put together (see {@link Submissions}), in order, each within the time limit. */
    public List<SubmissionResult> checkEach(List<Submission> submissions) {
        List<SubmissionResult> out = new ArrayList<>(submissions.size());
        for (Submission s : submissions) out.add(check(s));
        return out;
    }

    /** One submission checked and its marked-up copies: each file's path under the output folder, or why it has none. */
    public record Annotated(SubmissionResult result, List<Annotator.Written> files) {
    }

    /**
     * Checks every submission at the path (as {@link #checkAll(Path, String)}) and writes, under {@code outDir},
     * a copy of each Word or Excel file with a comment (批注) at every finding and the review summary on the
     * title, named "原名（审核意见）.docx/.xlsx" with its folders kept; a .doc or .txt report becomes a .docx, an .xls
     * workbook an .xlsx. The files at the path are only read. {@code author} is the comments' author (null: 绩效自评审核).
     */
    public List<Annotated> checkAndAnnotate(Path path, String display, Path outDir, String author) {
        Annotator annotator = new Annotator(author);
        try (Submissions all = new Submissions()) {
            List<Annotated> out = new ArrayList<>();
            for (Submission s : all.collect(path, display, p -> false)) {
                SubmissionResult r = checker.check(s);
                out.add(new Annotated(r, annotator.annotate(s, r, outDir)));
            }
            return out;
        }
    }

    /** The result with each finding carrying its code's Chinese name from these rules' code table. */
    public SubmissionResult named(SubmissionResult result) {
        return checker.named(result);
    }

    /** The marked-up copies of a submission already checked (see {@link #checkAndAnnotate}). */
    public List<Annotator.Written> annotate(Submission submission, SubmissionResult result, Path outDir, String author) {
        return new Annotator(author).annotate(submission, result, outDir);
    }

    /** The whole report of output-contract.md for these results: tool, the rules used, submissions, summary. */
    public CheckReport report(List<SubmissionResult> results) {
        return new CheckReport(tool(), rulesInfo(), List.copyOf(results), CheckReport.Summary.of(results));
    }

    /** The report as the contract's JSON document (UTF-8 text, ending with a newline). */
    public String toJson(CheckReport report) {
        try {
            return new JsonReportWriter().toJson(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CheckReport.Tool tool() {
        return new CheckReport.Tool("selfeval", version());
    }

    public CheckReport.RulesInfo rulesInfo() {
        return new CheckReport.RulesInfo(rulesLabel, rules.fingerprint(), rules.ruleCount());
    }

    /** The compiled rules (catalog, fingerprint, rubric...). */
    public RuleBase ruleBase() {
        return rules;
    }

    public String fingerprint() {
        return rules.fingerprint();
    }

    /** The version of the jar (Implementation-Version), or "dev" when run from classes. */
    public static String version() {
        Package p = SelfEval.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
