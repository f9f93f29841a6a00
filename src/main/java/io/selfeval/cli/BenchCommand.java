package io.selfeval.cli;

import io.selfeval.bench.Corpus;
import io.selfeval.bench.Floor;
import io.selfeval.api.SelfEval;
import io.selfeval.model.CheckReport;
import io.selfeval.report.ReportSink;
import io.selfeval.report.ReportSinks;
import io.selfeval.rules.RuleBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code bench}: generates a corpus of varied submissions (.docx and .txt, consistent and faulty) and measures, in
 * the same run on the same files and with the same number of threads, the whole check (read → recognize → rules →
 * review → JSON report, as {@code check --format json} does it) and the floor (POI opening each .docx and reading
 * every paragraph and cell; reading each .txt), plus the rules start-up (compiling the rules folder).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "性能测试：生成一批自评报告（.docx 与 .txt，有一致的也有有问题的），在同一批文件上测量完整检查与仅用 POI 读取文本（下限）的速度，以及规则编译时间。")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "生成的报告份数（默认 1000）")
    int count;

    @Option(names = "--jobs", paramLabel = "N", description = "并行任务数（默认为本机处理器核数）")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--dir", paramLabel = "DIR",
            description = "报告生成到此文件夹并保留；文件夹中已有生成的报告时直接使用（默认：临时文件夹，结束后删除）")
    Path dir;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100", description = "正式测量前预热的份数（默认 100）")
    int warmup;

    @Option(names = "--pdf", paramLabel = "DIR",
            description = "另测 PDF：此文件夹中的 .pdf 文件（如 fixtures/pdf）轮流检查，共 --pdf-count 份；下限为 PDFBox 仅提取文字")
    Path pdfDir;

    @Option(names = "--pdf-count", paramLabel = "N", defaultValue = "200", description = "PDF 测量的份数（默认 200）")
    int pdfCount;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "生成报告的随机种子（默认 1）")
    long seed;

    @Option(names = "--fuzz", paramLabel = "N",
            description = "模糊测试：按 --seed 损坏 N 份文件（截断、改字节、损坏或删去压缩包内的 XML、超长段落；取自 --dir 中的文件，没有则生成），逐份检查，报告逃逸的异常、没有结果的输入、最慢的文件、超过 5 秒的文件与堆内存峰值")
    int fuzz;

    @Override
    public Integer call() throws Exception {
        if (count < 1) throw CliException.usage("--count 应为不小于 1 的整数，实为：" + count);
        if (jobs < 1) throw CliException.usage("--jobs 应为不小于 1 的整数，实为：" + jobs);
        if (fuzz < 0) throw CliException.usage("--fuzz 应为不小于 1 的整数，实为：" + fuzz);
        if (fuzz > 0) {
            return new FuzzBench(rules.selfEval(rules.load()), jobs, seed).run(fuzz, dir, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HeapWatch heap = new HeapWatch();

        boolean temporary = dir == null;
        Path corpusDir = temporary ? Files.createTempDirectory("selfeval-bench-") : Files.createDirectories(dir);
        try {
            List<Path> files = existing(corpusDir);
            long t0 = System.nanoTime();
            String origin;
            if (files.size() >= count) {
                files = files.subList(0, count);
                origin = "已有";
            } else {
                err.println("生成" + count + "份报告到 " + corpusDir + " …");
                err.flush();
                files = Corpus.generate(corpusDir, count, seed).files();
                origin = "生成用时 " + secs(System.nanoTime() - t0) + " s";
            }
            List<Path> docx = files.stream().filter(f -> f.toString().endsWith(".docx")).toList();
            List<Path> txt = files.stream().filter(f -> f.toString().endsWith(".txt")).toList();
            long bytes = 0;
            for (Path f : files) bytes += Files.size(f);
            long consistent = files.stream().filter(f -> f.getFileName().toString().contains("-ok.")).count();

            // Rules start-up: the first compile in this JVM, as `check` pays it after an edit (no cache).
            long r0 = System.nanoTime();
            RuleBase ruleBase = rules.load(io.selfeval.rules.RuleCache.none());
            long startup = System.nanoTime() - r0;
            SelfEval selfEval = rules.selfEval(ruleBase);

            int threads = jobs;
            List<Path> pdf = pdfDir == null ? List.of() : pdfCopies(pdfDir, corpusDir.resolve("pdf"), pdfCount);
            List<Path> warm = new ArrayList<>(files.subList(0, Math.min(warmup, files.size())));
            warm.addAll(pdf.subList(0, Math.min(warmup / 5, pdf.size())));
            if (!warm.isEmpty()) {
                err.println("预热" + warm.size() + "份 …");
                err.flush();
                floor(warm, threads, false);
                floor(warm, threads, true);
                check(selfEval, warm, threads);
            }
            err.println("测量 …");
            err.flush();
            heap.start();
            Timing fDocx = Timing.of(() -> floor(docx, threads, false));
            Timing sDocx = Timing.of(() -> floor(docx, threads, true));
            Timing cDocx = Timing.of(() -> check(selfEval, docx, threads));
            Timing fTxt = Timing.of(() -> floor(txt, threads, false));
            Timing cTxt = Timing.of(() -> check(selfEval, txt, threads));
            Timing fPdf = Timing.of(() -> floor(pdf, threads, false));
            Timing cPdf = Timing.of(() -> check(selfEval, pdf, threads));
            heap.stop();
            err.println("测量启动 …");
            err.flush();
            Path one = txt.isEmpty() ? files.get(0) : txt.get(0);
            StartUpBench.Result start = StartUpBench.measure(rules.resolve(), one);

            out.println("selfeval bench " + Version.get());
            out.println("机器：" + machine());
            out.println("报告：" + files.size() + "份（.docx " + docx.size() + "，.txt " + txt.size() + "；一致 " + consistent
                    + "，有问题 " + (files.size() - consistent) + "；共 " + String.format(Locale.ROOT, "%.1f", bytes / 1048576.0)
                    + " MiB），" + corpusDir + "（" + origin + "）");
            out.println("并行任务：" + threads + "；预热 " + warm.size() + "份");
            out.println();
            out.println(String.format(Locale.ROOT, "规则编译（RuleBase.load %s，%d条规则）：%.2f s", rules.given(),
                    ruleBase.ruleCount(), startup / 1e9));
            out.println(String.format(Locale.ROOT, "检查一份报告的整个进程（java … check %s）：编译规则 %.2f s，规则已在缓存中 %.2f s",
                    one.getFileName(), start.coldNanos() / 1e9, start.cachedNanos() / 1e9));
            out.println();
            out.println("                  下限（仅读取文本）     完整检查             完整/下限   （进程 CPU：下限 / 完整 / 比）");
            row(out, ".docx", docx.size(), fDocx, cDocx);
            row(out, "  流式", docx.size(), sDocx, cDocx);
            row(out, ".txt", txt.size(), fTxt, cTxt);
            row(out, "全部", files.size(), fDocx.plus(fTxt), cDocx.plus(cTxt));
            row(out, ".pdf", pdf.size(), fPdf, cPdf);
            out.println("（.docx 的下限为 POI 的 XWPF 打开文件并读出每段与每个单元格；“流式”一行的下限为 StAX 扫过 word/document.xml 取出文字。）");
            out.println("（CPU 为本进程各线程的 CPU 时间，含 JIT 与 GC；机器被其他进程占用时，它比墙钟时间可靠。）");
            out.println();
            out.println(String.format(Locale.ROOT, "堆内存：最大 %d MiB；测量期间已用峰值 %d MiB，每次回收后存活峰值 %d MiB",
                    Runtime.getRuntime().maxMemory() >> 20, heap.peakUsed() >> 20, heap.peakAfterGc() >> 20));
            out.println();
            double docxRate = rate(docx.size(), cDocx.wall());
            double ratio = fDocx.wall() == 0 ? 0 : (double) cDocx.wall() / fDocx.wall();
            out.println("目标：");
            target(out, docx.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f 份/s", docxRate), "≥ 300 份 .docx/s（完整检查）",
                    !docx.isEmpty() && docxRate >= 300);
            target(out, docx.isEmpty() ? "—" : String.format(Locale.ROOT, "%.2f×", ratio), ".docx 完整检查 ≤ 1.0× XWPF 下限用时",
                    !docx.isEmpty() && ratio <= 1.0);
            target(out, String.format(Locale.ROOT, "%.2f s", startup / 1e9), "规则编译 ≤ 3 s", startup <= 3_000_000_000L);
            target(out, String.format(Locale.ROOT, "%.2f s", start.cachedNanos() / 1e9), "规则未改动时检查一份报告的整个进程 ≤ 1 s",
                    start.cachedNanos() <= 1_000_000_000L);
            out.flush();
            return Main.EXIT_OK;
        } finally {
            if (temporary) io.selfeval.read.Submissions.deleteTree(corpusDir);
            else if (pdfDir != null) io.selfeval.read.Submissions.deleteTree(corpusDir.resolve("pdf"));
        }
    }

    /**
     * {@code count} PDFs for the PDF rows: the .pdf files of {@code from} in turn, each under its own name in
     * {@code to} (hard links where the file system allows), so each is its own submission.
     */
    private static List<Path> pdfCopies(Path from, Path to, int count) throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(from)) {
            sources = s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")).sorted().toList();
        }
        if (sources.isEmpty()) throw CliException.usage("文件夹 " + from + " 中没有 .pdf 文件");
        Files.createDirectories(to);
        List<Path> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Path source = sources.get(i % sources.size());
            Path copy = to.resolve(String.format(Locale.ROOT, "%04d-%s", i, source.getFileName()));
            if (!Files.exists(copy)) {
                try {
                    Files.createLink(copy, source.toAbsolutePath());
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(source, copy);
                }
            }
            out.add(copy);
        }
        return out;
    }

    /** Nanoseconds for the floor on {@code threads} threads: XWPF's for .docx, or the streaming one. */
    private static long floor(List<Path> files, int threads, boolean streaming) throws Exception {
        if (files.isEmpty()) return 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong chars = new AtomicLong();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> fs = new ArrayList<>(files.size());
            for (Path f : files) fs.add(pool.submit(() -> {
                chars.addAndGet(streaming ? Floor.streaming(f) : Floor.read(f));
                return null;
            }));
            for (Future<?> f : fs) f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        } finally {
            pool.shutdownNow();
        }
        long t = System.nanoTime() - t0;
        if (chars.get() < 0) throw new IllegalStateException();
        return t;
    }

    /** Nanoseconds for the whole check of the files, each its own submission, JSON report written to nowhere. */
    private static long check(SelfEval selfEval, List<Path> files, int threads) throws IOException {
        if (files.isEmpty()) return 0;
        long t0 = System.nanoTime();
        try (Inputs inputs = Inputs.collect(files.stream().map(Path::toString).toList(), null)) {
            ReportSink sink = ReportSinks.create("json", OutputStream.nullOutputStream());
            CheckReport.Tally tally = new CheckReport.Tally();
            sink.begin(selfEval.tool(), selfEval.rulesInfo());
            CheckCommand.checkAll(selfEval, inputs.list(), threads,
                    new Progress(new PrintWriter(Writer.nullWriter()), inputs.list().size(), false), r -> {
                        tally.add(r);
                        sink.submission(r);
                    });
            sink.end(tally.summary());
        }
        return System.nanoTime() - t0;
    }

    private static void row(PrintWriter out, String label, int n, Timing floor, Timing check) {
        if (n == 0) return;
        out.println(String.format(Locale.ROOT, "%-8s%6d份  %8.1f 份/s（%6.2f s）  %8.1f 份/s（%6.2f s）  %5.2f×   （%.2f s / %.2f s / %.2f×）",
                label, n, rate(n, floor.wall()), floor.wall() / 1e9, rate(n, check.wall()), check.wall() / 1e9,
                (double) check.wall() / floor.wall(), floor.cpu() / 1e9, check.cpu() / 1e9,
                floor.cpu() <= 0 ? 0 : (double) check.cpu() / floor.cpu()));
    }

    /** Wall-clock and process CPU nanoseconds of one measured phase. */
    private record Timing(long wall, long cpu) {
        interface Phase {
            long run() throws Exception;
        }

        static Timing of(Phase phase) throws Exception {
            long cpu0 = processCpu();
            long wall = phase.run();
            return new Timing(wall, processCpu() - cpu0);
        }

        Timing plus(Timing o) {
            return new Timing(wall + o.wall, cpu + o.cpu);
        }

        /** All threads of this JVM (JIT and GC included), or 0 where the JVM does not tell. */
        private static long processCpu() {
            return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
        }
    }

    private static void target(PrintWriter out, String measured, String target, boolean met) {
        out.println("  " + (met ? "达到  " : "未达到") + "  " + target + "：实测 " + measured);
    }

    private static double rate(int n, long nanos) {
        return nanos == 0 ? 0 : n / (nanos / 1e9);
    }

    private static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    static String machine() {
        long ram = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            ram = os.getTotalMemorySize();
        }
        return Runtime.getRuntime().availableProcessors() + "个处理器核，内存 "
                + String.format(Locale.ROOT, "%.1f", ram / 1073741824.0) + " GiB，"
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "，"
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private static List<Path> existing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().matches("\\d{4,}-.*\\.(docx|txt)")).sorted().toList();
        }
    }

    /** Heap used, sampled every 20 ms, and what the heap pools held after their last collection. */
    static final class HeapWatch {
        private volatile boolean running;
        private volatile long peakUsed;
        private volatile long peakAfterGc;
        private Thread thread;

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "selfeval-bench-heap");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            sample();
        }

        private void sample() {
            Runtime rt = Runtime.getRuntime();
            peakUsed = Math.max(peakUsed, rt.totalMemory() - rt.freeMemory());
            long afterGc = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) afterGc += p.getCollectionUsage().getUsed();
            }
            peakAfterGc = Math.max(peakAfterGc, afterGc);
        }

        long peakUsed() {
            return peakUsed;
        }

        long peakAfterGc() {
            return peakAfterGc;
        }
    }
}
