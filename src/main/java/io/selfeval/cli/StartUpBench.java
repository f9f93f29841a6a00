package io.selfeval.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a reviewer checking one file waits for: a whole {@code selfeval check} process on one report, started fresh,
 * once compiling the rules ({@code --no-cache}) and once with them in the rule cache (a private cache folder, filled
 * by an untimed run first).
 */
final class StartUpBench {
    record Result(long coldNanos, long cachedNanos) {
    }

    private StartUpBench() {
    }

    static Result measure(Path rulesDir, Path report) throws IOException, InterruptedException {
        Path cache = Files.createTempDirectory("selfeval-bench-cache");
        Path out = Files.createTempFile("selfeval-bench", ".json");
        try {
            long cold = run(rulesDir, report, out, cache, true);
            run(rulesDir, report, out, cache, false);
            long cached = run(rulesDir, report, out, cache, false);
            return new Result(cold, cached);
        } finally {
            Files.deleteIfExists(out);
            io.selfeval.read.Submissions.deleteTree(cache);
        }
    }

    private static long run(Path rulesDir, Path report, Path out, Path cache, boolean noCache)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", report.toString(),
                "--rules", rulesDir.toString(), "--format", "json", "--out", out.toString()));
        if (noCache) cmd.add("--no-cache");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("SELFEVAL_CACHE", cache.toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("selfeval check 超过 10 分钟未结束");
        }
        long t = System.nanoTime() - t0;
        if (p.exitValue() > Main.EXIT_FINDINGS) throw new IOException("selfeval check 退出状态 " + p.exitValue());
        return t;
    }
}
