package io.selfeval.cli;

import io.selfeval.annotate.Annotator;
import io.selfeval.check.Checker;
import io.selfeval.check.RuleFailureTally;
import io.selfeval.model.CheckReport;
import io.selfeval.model.Finding;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.report.ReportSink;
import io.selfeval.report.ReportSinks;
import io.selfeval.report.TextReportWriter;
import io.selfeval.rules.RuleBase;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code check PATH...}: every submission through the rules, one report (text or JSON), exit status by findings. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "检查自评报告：PATH 为文件、文件夹（递归查找）或 .zip。一个文件是一份报告；文件夹中恰好是一份报告（.docx/.doc/.txt）加附表工作簿（.xlsx/.xls）时合为一份，否则每个文件各为一份。",
        footer = {"", "退出状态：0 无达到 --fail-on 级别的问题；1 有；2 用法错误或规则编译失败；3 有文件无法读取。"})
final class CheckCommand implements Callable<Integer> {
    enum FailOn { ERROR, WARNING, NEVER }

    private final OutputStream stdout;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "要检查的文件或文件夹；- 表示从标准输入读取一份（须加 --name）")
    List<String> paths;

    @Option(names = "--name", paramLabel = "FILE", description = "从标准输入（PATH 为 -）读取时的文件名，其扩展名决定文件类型，如 自评报告.docx")
    String stdinName;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "报告格式：text（默认，中文文本）、json、xlsx（Excel 工作簿，需 --out）、html（可打印的网页）、"
                    + "sarif（SARIF 2.1.0，供代码扫描平台）或 junit（JUnit XML，供持续集成系统）")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "报告写入此文件（默认写到标准输出）")
    String out;

    @Option(names = "--annotate", paramLabel = "DIR",
            description = "把每份报告的 Word/Excel 文件加上批注（每个问题一条，标题处为审核意见汇总）另存到此文件夹，文件名为“原名（审核意见）.docx/.xlsx”")
    String annotate;

    @Option(names = "--annotate-author", paramLabel = "NAME", defaultValue = Annotator.DEFAULT_AUTHOR,
            description = "批注的作者（默认：${DEFAULT-VALUE}）")
    String annotateAuthor;

    @Mixin
    RulesOption rules;

    @Option(names = "--jobs", paramLabel = "N", description = "同时检查的文件数（默认为本机处理器核数）")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "问题达到此级别时退出状态为 1：error（默认）、warning 或 never")
    String failOn;

    private final java.io.InputStream stdin;

    CheckCommand(OutputStream stdout) {
        this(stdout, System.in);
    }

    CheckCommand(OutputStream stdout, java.io.InputStream stdin) {
        this.stdout = stdout;
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String fmt = checkFormat(format);
        FailOn level = checkFailOn(failOn);
        if (jobs < 1) throw CliException.usage("--jobs 应为不小于 1 的整数，实为：" + jobs);
        Path target = out == null ? null : AtomicOutput.validate(out);
        if (target != null) AtomicOutput.refuseInputs(target, paths);
        if (annotate != null) checkAnnotateDir(annotate, paths);

        if (stdinName != null && !paths.contains("-")) throw CliException.usage("--name 只用于从标准输入读取（PATH 为 -）");
        try (Inputs collected = Inputs.collect(paths, target, new Inputs.Stdin(stdin, stdinName))) {
            return check(collected.list(), fmt, level, target, err);
        }
    }

    private Integer check(List<Inputs.Input> inputs, String fmt, FailOn level, Path target, PrintWriter err) throws IOException {
        RuleBase ruleBase = rules.load();
        int threads = Math.max(1, Math.min(jobs, inputs.size()));
        err.println("规则：" + rules.given() + "，" + ruleBase.ruleCount() + "条规则；待检查" + inputs.size() + "份"
                + (threads > 1 ? "，" + threads + "个并行任务" : ""));
        err.flush();

        Checker checker = new Checker(ruleBase);
        CheckReport.Tool tool = new CheckReport.Tool(Version.NAME, Version.get());
        CheckReport.RulesInfo info = new CheckReport.RulesInfo(rules.given(), ruleBase.fingerprint(), ruleBase.ruleCount());
        Outcome outcome = new Outcome(level);
        Annotations annotations = annotate == null ? null : new Annotations(Path.of(annotate), annotateAuthor, inputs, err);
        Progress progress = new Progress(err, inputs.size(), Main.errIsTerminal);

        // Results reach the writer in input order as they are done; only the tallies are kept.
        AtomicOutput.Body body = os -> {
            ReportSink sink = ReportSinks.create(fmt, os, ruleBase);
            sink.begin(tool, info);
            checkAll(checker, inputs, threads, progress, r -> {
                outcome.add(r);
                sink.submission(r);
                if (annotations != null) annotations.next(r);
            });
            progress.finish();
            sink.end(outcome.tally.summary());
        };
        if (target == null) {
            body.writeTo(stdout);
            stdout.flush();
        } else {
            try {
                AtomicOutput.write(target, body);
            } catch (IOException e) {
                progress.finish();
                throw CliException.usage("无法写入输出文件 " + out + "：" + e.getMessage());
            }
            err.println("报告已写入：" + out);
        }
        if (annotations != null) annotations.finish();
        if (target != null || !fmt.equals("text")) {
            err.println("完成：" + TextReportWriter.summaryLine(outcome.tally.summary()));
        }
        outcome.ruleFailures.report(err);
        err.flush();
        return outcome.exitCode();
    }

    /** --annotate: the marked-up copies of each submission as its result arrives (in input order). */
    private static final class Annotations {
        private final Path dir;
        private final Annotator annotator;
        private final List<Inputs.Input> inputs;
        private final PrintWriter err;
        private int next;
        private int written;

        Annotations(Path dir, String author, List<Inputs.Input> inputs, PrintWriter err) {
            this.dir = dir;
            this.annotator = new Annotator(author);
            this.inputs = inputs;
            this.err = err;
        }

        void next(SubmissionResult r) {
            Inputs.Input in = inputs.get(next++);
            for (Annotator.Written w : annotator.annotate(in.submission(), r, dir)) {
                if (w.error() != null) err.println("批注版未生成：" + w.name() + "：" + w.error());
                else written++;
            }
        }

        void finish() {
            err.println("批注版已写入 " + dir + "：" + written + "个文件");
        }
    }

    /** Takes each result, in input order. */
    interface ResultConsumer {
        void accept(SubmissionResult result) throws IOException;
    }

    /**
     * Checks the inputs on {@code threads} threads and hands the results to {@code sink} in input order as soon as
     * each one and all before it are done. At most {@code 4 × threads} submissions are under way or waiting for
     * an earlier one (the reordering window), so memory does not grow with the number of inputs.
     */
    static void checkAll(Checker checker, List<Inputs.Input> inputs, int threads, Progress progress,
                         ResultConsumer sink) throws IOException {
        int total = inputs.size();
        if (threads <= 1 || total <= 1) {
            for (Inputs.Input in : inputs) {
                SubmissionResult r = checkOne(checker, in);
                progress.done(in.name(), r);
                sink.accept(r);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "selfeval-check");
            t.setDaemon(true);
            return t;
        });
        int window = 4 * threads;
        ArrayDeque<Future<SubmissionResult>> inFlight = new ArrayDeque<>(window);
        try {
            int next = 0;
            for (int written = 0; written < total; written++) {
                while (next < total && inFlight.size() < window) {
                    Inputs.Input in = inputs.get(next++);
                    inFlight.add(pool.submit(() -> {
                        SubmissionResult r = checkOne(checker, in);
                        progress.done(in.name(), r);
                        return r;
                    }));
                }
                Future<SubmissionResult> head = inFlight.poll();
                sink.accept(get(checker, head::get, inputs.get(written)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What decides the exit status and the summary, counted as results arrive. */
    static final class Outcome {
        final CheckReport.Tally tally = new CheckReport.Tally();
        private final FailOn level;
        private boolean unreadable;
        private boolean failing;

        Outcome(FailOn level) {
            this.level = level;
        }

        final RuleFailureTally ruleFailures = new RuleFailureTally();

        void add(SubmissionResult s) {
            tally.add(s);
            ruleFailures.add(s);
            if (s.isUnreadable()) unreadable = true;
            for (Finding f : s.getFindings()) {
                Severity sev = f.getSeverity();
                if (sev == Severity.ERROR || (level == FailOn.WARNING && sev == Severity.WARNING)) failing = true;
            }
        }

        int exitCode() {
            if (ruleFailures.failsEverywhere()) return Main.EXIT_USAGE;
            if (unreadable) return Main.EXIT_UNREADABLE;
            if (level == FailOn.NEVER) return Main.EXIT_OK;
            return failing ? Main.EXIT_FINDINGS : Main.EXIT_OK;
        }
    }

    /** One submission; the checker never throws for a bad file, anything else still becomes an unreadable entry. */
    private static SubmissionResult checkOne(Checker checker, Inputs.Input in) {
        try {
            return checker.check(in.submission());
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(CheckCommand.class).debug("检查 {} 时出错", in.name(), e);
            return checker.refused(in.name(), "处理文件时出错：" + Main.describe(e));
        }
    }

    private static SubmissionResult get(Checker checker, Callable<SubmissionResult> task, Inputs.Input in) {
        try {
            return task.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Main.EXIT_UNREADABLE, "检查被中断");
        } catch (ExecutionException e) {
            return checker.refused(in.name(), "处理文件时出错：" + Main.describe(e.getCause()));
        } catch (Exception e) {
            return checker.refused(in.name(), "处理文件时出错：" + Main.describe(e));
        }
    }

    static int exitCode(List<SubmissionResult> submissions, FailOn level) {
        Outcome o = new Outcome(level);
        submissions.forEach(o::add);
        return o.exitCode();
    }

    private String checkFormat(String format) {
        String f = ReportSinks.normalize(format);
        if (f == null) throw CliException.usage("--format 的取值应为 text、json、xlsx、html、sarif 或 junit，实为：" + format);
        if (!ReportSinks.available(f)) {
            throw CliException.usage("暂不支持 --format " + f
                    + "：Excel 和 HTML 报告将在后续版本提供，目前请使用 text 或 json");
        }
        if (ReportSinks.binary(f) && out == null) {
            throw CliException.usage("--format " + f + " 需要用 --out 指定输出文件，例如 --out 审核结果." + f);
        }
        return f;
    }

    private static void checkAnnotateDir(String dir, List<String> inputs) {
        Path p;
        try {
            p = Path.of(dir);
        } catch (java.nio.file.InvalidPathException e) {
            throw CliException.usage("--annotate 的文件夹路径无效：" + dir);
        }
        if (java.nio.file.Files.exists(p) && !java.nio.file.Files.isDirectory(p)) {
            throw CliException.usage("--annotate 应为文件夹，" + dir + " 是一个文件");
        }
        // Copies written into a checked folder would be read as reports by the next run of the same command.
        Path where;
        try {
            where = java.nio.file.Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize();
        } catch (IOException e) {
            where = p.toAbsolutePath().normalize();
        }
        for (String arg : inputs) {
            try {
                Path in = Path.of(arg);
                if (java.nio.file.Files.isDirectory(in) && where.startsWith(in.toRealPath())) {
                    throw CliException.usage("--annotate 位于被检查的文件夹 " + arg
                            + " 之内，批注版会在下次检查时被当作报告读取；请写到该文件夹之外");
                }
            } catch (java.nio.file.InvalidPathException | IOException e) {
                // an input that cannot be resolved is reported as unreadable later
            }
        }
    }

    private static FailOn checkFailOn(String value) {
        try {
            return FailOn.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--fail-on 的取值应为 error、warning 或 never，实为：" + value);
        }
    }
}
