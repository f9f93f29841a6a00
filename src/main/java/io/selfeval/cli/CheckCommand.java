package io.selfeval.cli;

import io.selfeval.check.Checker;
import io.selfeval.model.CheckReport;
import io.selfeval.model.Finding;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.report.JsonReportWriter;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code check PATH...}: every submission through the rules, one report (text or JSON), exit status by findings. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "检查自评报告：PATH 为文件、文件夹（递归查找）或 .zip。一个文件是一份报告；文件夹中恰好是一份报告（.docx/.doc/.txt）加附表工作簿（.xlsx/.xls）时合为一份，否则每个文件各为一份。",
        footer = {"", "退出状态：0 无达到 --fail-on 级别的问题；1 有；2 用法错误或规则编译失败；3 有文件无法读取。"})
final class CheckCommand implements Callable<Integer> {
    enum FailOn { ERROR, WARNING, NEVER }

    private final OutputStream stdout;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "要检查的文件或文件夹")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "报告格式：text（默认，中文文本）或 json")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "报告写入此文件（默认写到标准输出）")
    String out;

    @Mixin
    RulesOption rules;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "同时检查的文件数（默认 1）")
    int jobs;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "问题达到此级别时退出状态为 1：error（默认）、warning 或 never")
    String failOn;

    CheckCommand(OutputStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String fmt = checkFormat(format);
        FailOn level = checkFailOn(failOn);
        if (jobs < 1) throw CliException.usage("--jobs 应为不小于 1 的整数，实为：" + jobs);
        Path target = out == null ? null : AtomicOutput.validate(out);

        try (Inputs collected = Inputs.collect(paths, target)) {
            return check(collected.list(), fmt, level, target, err);
        }
    }

    private Integer check(List<Inputs.Input> inputs, String fmt, FailOn level, Path target, PrintWriter err) throws IOException {
        RuleBase ruleBase = rules.load();
        err.println("规则：" + rules.given() + "，" + ruleBase.ruleCount() + "条规则；待检查" + inputs.size() + "份");
        err.flush();

        List<SubmissionResult> submissions = checkAll(new Checker(ruleBase), inputs, err);
        CheckReport report = new CheckReport(new CheckReport.Tool(Version.NAME, Version.get()),
                new CheckReport.RulesInfo(rules.given(), ruleBase.fingerprint(), ruleBase.ruleCount()),
                submissions, CheckReport.Summary.of(submissions));

        AtomicOutput.Body body = os -> {
            if (fmt.equals("json")) new JsonReportWriter().write(report, os);
            else new TextReportWriter().write(report, os);
        };
        if (target == null) {
            body.writeTo(stdout);
            stdout.flush();
        } else {
            try {
                AtomicOutput.write(target, body);
            } catch (IOException e) {
                throw CliException.usage("无法写入输出文件 " + out + "：" + e.getMessage());
            }
            err.println("报告已写入：" + out);
        }
        if (target != null || fmt.equals("json")) {
            err.println("完成：" + TextReportWriter.summaryLine(report.summary()));
        }
        err.flush();
        return exitCode(submissions, level);
    }

    private List<SubmissionResult> checkAll(Checker checker, List<Inputs.Input> inputs, PrintWriter err) {
        int total = inputs.size();
        AtomicInteger done = new AtomicInteger();
        List<Callable<SubmissionResult>> tasks = new ArrayList<>(total);
        for (Inputs.Input in : inputs) {
            tasks.add(() -> {
                SubmissionResult r = checkOne(checker, in);
                synchronized (err) {
                    err.println("已检查 (" + done.incrementAndGet() + "/" + total + ")：" + in.name()
                            + (r.isUnreadable() ? " —— 无法读取：" + r.getError() : ""));
                    err.flush();
                }
                return r;
            });
        }
        List<SubmissionResult> results = new ArrayList<>(total);
        if (jobs == 1 || total <= 1) {
            for (int i = 0; i < total; i++) results.add(get(tasks.get(i), inputs.get(i)));
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, total), r -> {
            Thread t = new Thread(r, "selfeval-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SubmissionResult>> futures = new ArrayList<>(total);
            for (Callable<SubmissionResult> t : tasks) futures.add(pool.submit(t));
            for (int i = 0; i < total; i++) {
                Future<SubmissionResult> f = futures.get(i);
                results.add(get(f::get, inputs.get(i)));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One submission; the checker never throws for a bad file, anything else still becomes an unreadable entry. */
    private static SubmissionResult checkOne(Checker checker, Inputs.Input in) {
        try {
            return checker.check(in.submission());
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(CheckCommand.class).debug("检查 {} 时出错", in.name(), e);
            return Checker.unreadable(in.name(), "处理文件时出错：" + Main.describe(e));
        }
    }

    private static SubmissionResult get(Callable<SubmissionResult> task, Inputs.Input in) {
        try {
            return task.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Main.EXIT_UNREADABLE, "检查被中断");
        } catch (ExecutionException e) {
            return Checker.unreadable(in.name(), "处理文件时出错：" + Main.describe(e.getCause()));
        } catch (Exception e) {
            return Checker.unreadable(in.name(), "处理文件时出错：" + Main.describe(e));
        }
    }

    static int exitCode(List<SubmissionResult> submissions, FailOn level) {
        if (submissions.stream().anyMatch(SubmissionResult::isUnreadable)) return Main.EXIT_UNREADABLE;
        if (level == FailOn.NEVER) return Main.EXIT_OK;
        for (SubmissionResult s : submissions) {
            for (Finding f : s.getFindings()) {
                Severity sev = f.getSeverity();
                if (sev == Severity.ERROR || (level == FailOn.WARNING && sev == Severity.WARNING)) {
                    return Main.EXIT_FINDINGS;
                }
            }
        }
        return Main.EXIT_OK;
    }

    private static String checkFormat(String format) {
        String f = format.strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "text", "json" -> f;
            case "xlsx", "html" -> throw CliException.usage("暂不支持 --format " + f
                    + "：Excel 和 HTML 报告将在后续版本提供，目前请使用 text 或 json");
            default -> throw CliException.usage("--format 的取值应为 text 或 json，实为：" + format);
        };
    }

    private static FailOn checkFailOn(String value) {
        try {
            return FailOn.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--fail-on 的取值应为 error、warning 或 never，实为：" + value);
        }
    }
}
