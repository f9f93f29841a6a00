package io.selfeval.cli;

import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The command line: {@code check}, {@code rules verify|list|test}, {@code serve} (output-contract.md).
 * {@link #run} does everything but {@code System.exit}, so tests call it directly.
 */
@Command(name = "selfeval", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "部门整体支出绩效自评报告检查工具：读取报告，用规则文件夹中的规则检查，输出问题清单。",
        footer = {"", "退出状态：0 无达到 --fail-on 级别的问题；1 有；2 用法错误或规则编译失败；3 有文件无法读取。"})
public final class Main implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_UNREADABLE = 3;

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String LOG_PREFIX = "org.slf4j.simpleLogger.log.";

    /** Whether the err stream is the process's stderr and that is a terminal (set by main; false in tests). */
    static volatile boolean errIsTerminal;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "在标准错误输出调试日志")
    boolean verbose;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "缺少命令：check、rules 或 serve");
    }

    public static void main(String[] args) {
        // Log levels live in simplelogger.properties (warn; Drools quieter). --verbose must act before the first
        // logger exists, so it is applied here as system properties, which take precedence over the file.
        if (Arrays.asList(args).contains("--verbose")) {
            System.setProperty(LOG_LEVEL, "debug");
            System.setProperty(LOG_PREFIX + "org.drools", "debug");
            System.setProperty(LOG_PREFIX + "org.apache.poi", "debug");
            System.setProperty(LOG_PREFIX + "org.apache.pdfbox", "debug");
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // Only the report goes to stdout: anything a library prints to System.out lands on stderr instead.
        System.setOut(err);
        System.setErr(err);
        errIsTerminal = Progress.stderrIsTerminal();
        io.selfeval.read.TempFiles.routePoiTempFiles();
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one command line. The report (and other command output) goes to {@code out}, messages, progress and
     * usage errors to {@code err}, both as UTF-8. Returns the exit status (0, 1, 2 or 3); never calls System.exit.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with {@code check -} reading {@code in}. */
    public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            CommandLine cmd = commandLine(out, in, args == null || args.length == 0 ? null : args[0]);
            cmd.setOut(outWriter);
            cmd.setErr(errWriter);
            return cmd.execute(args == null ? new String[0] : args);
        } catch (RuntimeException | LinkageError | OutOfMemoryError | StackOverflowError e) {
            LoggerFactory.getLogger(Main.class).debug("未预期的错误", e);
            errWriter.println("内部错误：" + describe(e));
            return EXIT_UNREADABLE;
        } finally {
            outWriter.flush();
            errWriter.flush();
            out.flush();
            err.flush();
        }
    }

    /** The command tree; {@code check} writes its report to the given stream as bytes. */
    static CommandLine commandLine(OutputStream reportOut) {
        return commandLine(reportOut, System.in);
    }

    static CommandLine commandLine(OutputStream reportOut, java.io.InputStream stdin) {
        return commandLine(reportOut, stdin, null);
    }

    /**
     * The command tree for a command line whose first word is {@code first}: when that names a command, only that
     * one is built (picocli reads every command's annotations when it is added, a tenth of a one-file check's
     * start-up); otherwise (help, a misspelt command, none) all of them, so usage and suggestions are complete.
     */
    static CommandLine commandLine(OutputStream reportOut, java.io.InputStream stdin, String first) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("check", () -> new CheckCommand(reportOut, stdin));
        commands.put("rules", RulesCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("bench", BenchCommand::new);
        boolean one = commands.containsKey(first);
        CommandLine cmd = new CommandLine(new Main());
        commands.forEach((name, command) -> {
            if (!one || name.equals(first)) cmd.addSubcommand(name, command.get());
        });
        cmd.setResourceBundle(new Messages());
        cmd.setExecutionExceptionHandler(Main::handleExecutionException);
        cmd.setParameterExceptionHandler(new UsageErrors());
        return cmd;
    }

    /** Expected failures print their Chinese lines; anything else is one line (details at debug level). */
    private static int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof CliException c) {
            c.lines().forEach(err::println);
            err.flush();
            return c.exitCode();
        }
        LoggerFactory.getLogger(Main.class).debug("未预期的错误", ex);
        err.println("内部错误：" + describe(ex) + "（加 --verbose 可在日志中查看详情）");
        err.flush();
        return EXIT_UNREADABLE;
    }

    /** "IOException：磁盘已满" — the exception's kind and the first line of its message. */
    static String describe(Throwable e) {
        String msg = e.getMessage();
        String name = e.getClass().getSimpleName();
        if (msg == null || msg.isBlank()) return name;
        return name + "：" + msg.strip().lines().findFirst().orElse("");
    }
}
