package io.selfeval.cli;

import io.selfeval.bench.Corpus;
import io.selfeval.bench.Damage;
import io.selfeval.check.AbandonedWork;
import io.selfeval.api.SelfEval;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.Submission;
import io.selfeval.read.Submissions;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code bench --fuzz N}: damages N office files in the ways {@link Damage} knows (seeded), checks each as its own
 * submission and prints what went wrong in the checker, not in the files: exceptions that escaped, inputs with no
 * result, the slowest file, files over 5 s, files at the time limit, and the peak heap.
 */
final class FuzzBench {
    private static final long SLOW_NANOS = 5_000_000_000L;

    private final SelfEval checker;
    private final int jobs;
    private final long seed;

    FuzzBench(SelfEval checker, int jobs, long seed) {
        this.checker = checker;
        this.jobs = jobs;
        this.seed = seed;
    }

    /** One damaged file's outcome: its time, and the result or the exception that escaped. */
    private record Run(Path file, Damage.Kind kind, long nanos, SubmissionResult result, Throwable escaped) {
    }

    int run(int count, Path basesDir, PrintWriter out, PrintWriter err) throws Exception {
        Path work = Files.createTempDirectory("selfeval-fuzz-");
        try {
            List<Path> bases = bases(basesDir, work.resolve("good"));
            err.println("损坏" + count + "份文件（种子 " + seed + "，来自 " + bases.size() + "份完好的文件）…");
            err.flush();
            Random random = new Random(seed);
            List<Path> files = new ArrayList<>(count);
            List<Damage.Kind> kinds = new ArrayList<>(count);
            Path damagedDir = Files.createDirectories(work.resolve("damaged"));
            for (int i = 0; i < count; i++) {
                Path base = bases.get(random.nextInt(bases.size()));
                Damage.Damaged d = Damage.apply(Files.readAllBytes(base), random);
                String name = base.getFileName().toString();
                Path f = damagedDir.resolve(String.format(Locale.ROOT, "%05d-%s-%s", i, d.kind().name().toLowerCase(Locale.ROOT), name));
                Files.write(f, d.bytes());
                files.add(f);
                kinds.add(d.kind());
            }
            BenchCommand.HeapWatch heap = new BenchCommand.HeapWatch();
            heap.start();
            long t0 = System.nanoTime();
            List<Run> runs = checkAll(files, kinds);
            long wall = System.nanoTime() - t0;
            heap.stop();
            report(out, runs, count, wall, heap);
            long escapes = runs.stream().filter(r -> r != null && r.escaped() != null).count();
            long missing = runs.stream().filter(r -> r == null || (r.escaped() == null && r.result() == null)).count();
            return escapes + missing == 0 ? Main.EXIT_OK : Main.EXIT_UNREADABLE;
        } finally {
            Submissions.deleteTree(work);
        }
    }

    private List<Run> checkAll(List<Path> files, List<Damage.Kind> kinds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<Run>> futures = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Damage.Kind kind = kinds.get(i);
            futures.add(pool.submit(() -> {
                long t = System.nanoTime();
                try {
                    SubmissionResult r = checker.check(Submission.of(f));
                    return new Run(f, kind, System.nanoTime() - t, r, null);
                } catch (Throwable e) {
                    return new Run(f, kind, System.nanoTime() - t, null, e);
                }
            }));
        }
        List<Run> runs = new ArrayList<>(files.size());
        try {
            for (Future<Run> fu : futures) {
                try {
                    runs.add(fu.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    runs.add(null);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return runs;
    }

    private static void report(PrintWriter out, List<Run> runs, int count, long wall, BenchCommand.HeapWatch heap) {
        long escapes = runs.stream().filter(r -> r != null && r.escaped() != null).count();
        long missing = runs.stream().filter(r -> r == null || (r.escaped() == null && r.result() == null)).count();
        long unreadable = runs.stream().filter(r -> r != null && r.result() != null && r.result().getError() != null).count();
        long timedOut = runs.stream().filter(r -> r != null && r.result() != null && r.result().getError() != null
                && r.result().getError().contains("处理超时")).count();
        long slow = runs.stream().filter(r -> r != null && r.nanos() > SLOW_NANOS).count();
        Run slowest = runs.stream().filter(java.util.Objects::nonNull).max(java.util.Comparator.comparingLong(Run::nanos)).orElse(null);
        Map<Damage.Kind, AtomicInteger> byKind = new EnumMap<>(Damage.Kind.class);
        for (Run r : runs) if (r != null) byKind.computeIfAbsent(r.kind(), k -> new AtomicInteger()).incrementAndGet();

        out.println("selfeval bench --fuzz " + Version.get());
        out.println("机器：" + BenchCommand.machine());
        out.println("损坏文件：" + count + "份（" + byKind.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue()).reduce((a, b) -> a + "，" + b).orElse("") + "）");
        out.println(String.format(Locale.ROOT, "用时：%.1f s（%.1f 份/s）", wall / 1e9, count / (wall / 1e9)));
        out.println("逃逸的异常：" + escapes);
        out.println("没有结果的输入：" + missing);
        out.println("无法读取（PARSE_UNREADABLE）：" + unreadable + "；其中处理超时：" + timedOut);
        out.println("超过 5 s 的文件：" + slow);
        if (slowest != null) {
            out.println(String.format(Locale.ROOT, "最慢的文件：%.2f s，%s", slowest.nanos() / 1e9, slowest.file().getFileName()));
        }
        out.println("放弃后仍在运行的检查：" + AbandonedWork.stillRunning());
        out.println(String.format(Locale.ROOT, "堆内存：最大 %d MiB；已用峰值 %d MiB，每次回收后存活峰值 %d MiB",
                Runtime.getRuntime().maxMemory() >> 20, heap.peakUsed() >> 20, heap.peakAfterGc() >> 20));
        for (Run r : runs) {
            if (r != null && r.escaped() != null) out.println("  逃逸：" + r.file().getFileName() + "：" + r.escaped());
        }
        out.flush();
    }

    /** The good files to damage: the office files in {@code dir} when given, else a small generated corpus. */
    private List<Path> bases(Path dir, Path generated) throws IOException {
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                List<Path> found = s.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(docx|xlsx|doc|xls|txt)"))
                        .sorted().toList();
                if (!found.isEmpty()) return found;
            }
        }
        return Corpus.generate(Files.createDirectories(generated), 40, seed).files();
    }
}
