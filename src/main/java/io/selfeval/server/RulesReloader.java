package io.selfeval.server;

import io.selfeval.api.SelfEval;
import io.selfeval.rules.RuleCompileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rules a running service checks with, kept up to date with the rules folder. The folder is polled (names,
 * sizes and modification times of its files); when it changed and then stayed the same for one poll (an editor may
 * save in steps), the rules are compiled anew and, when they compile, swapped in atomically. A request takes
 * {@link #current()} once and finishes on it, so requests in flight keep the rules they started with. A broken
 * edit leaves the running rules in place; its problems are logged and kept for {@code /api/rules} until a later
 * edit compiles.
 */
final class RulesReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesReloader.class);

    /** What the last compile attempt said. {@code problems} is empty when it succeeded. */
    record Attempt(Instant at, String stamp, List<String> problems) {
    }

    private final Path dir;
    private final Function<Path, SelfEval> compile;
    private final AtomicReference<SelfEval> current;
    private final AtomicReference<Instant> loadedAt = new AtomicReference<>(Instant.now());
    private final AtomicReference<Attempt> lastAttempt;
    private final ScheduledExecutorService poller;
    private String lastSeen;
    private String loadedStamp;

    /**
     * @param initial the rules already compiled from {@code dir}
     * @param compile compiles the folder; throws {@link CompileFailure} with the problems when it does not compile
     */
    RulesReloader(Path dir, SelfEval initial, Function<Path, SelfEval> compile, Duration interval) {
        this.dir = dir;
        this.compile = compile;
        this.current = new AtomicReference<>(initial);
        this.loadedStamp = stamp(dir);
        this.lastSeen = loadedStamp;
        this.lastAttempt = new AtomicReference<>(new Attempt(Instant.now(), loadedStamp, List.of()));
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "selfeval-rules-watch");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(50, interval.toMillis());
        poller.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** A compile that failed, with each problem located (file and line, or file, sheet and cell). */
    static final class CompileFailure extends RuntimeException {
        final List<String> problems;

        CompileFailure(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        static CompileFailure of(RuleCompileException e) {
            return new CompileFailure(e.getProblems());
        }
    }

    SelfEval current() {
        return current.get();
    }

    Instant loadedAt() {
        return loadedAt.get();
    }

    Attempt lastAttempt() {
        return lastAttempt.get();
    }

    Path dir() {
        return dir;
    }

    /** One look at the folder; compiles when it changed and has settled since the previous look. */
    synchronized void poll() {
        try {
            String now = stamp(dir);
            boolean settled = now.equals(lastSeen);
            lastSeen = now;
            if (!settled || now.equals(loadedStamp) || now.equals(lastAttempt.get().stamp())) return;
            reload(now);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("检查规则目录 {} 时出错：{}", dir, e.toString());
        }
    }

    private void reload(String stamp) {
        LOG.info("规则目录 {} 有改动，正在重新编译", dir);
        try {
            SelfEval fresh = compile.apply(dir);
            current.set(fresh);
            loadedAt.set(Instant.now());
            loadedStamp = stamp;
            lastAttempt.set(new Attempt(Instant.now(), stamp, List.of()));
            LOG.info("新规则已生效：{}条规则，指纹 {}", fresh.ruleBase().ruleCount(), fresh.fingerprint());
        } catch (CompileFailure e) {
            lastAttempt.set(new Attempt(Instant.now(), stamp, e.problems));
            LOG.warn("规则编译失败，继续使用原有规则（指纹 {}）：\n  {}", current.get().fingerprint(), String.join("\n  ", e.problems));
        } catch (RuntimeException | LinkageError e) {
            List<String> problems = List.of(dir + "：" + e);
            lastAttempt.set(new Attempt(Instant.now(), stamp, problems));
            LOG.warn("规则编译失败，继续使用原有规则：{}", e.toString());
        }
    }

    /** Names, sizes and modification times of the rule files (top level, not hidden or lock files). */
    static String stamp(Path dir) {
        StringBuilder sb = new StringBuilder();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
            return "unreadable:" + e.getMessage();
        }
        files.sort(null);
        for (Path p : files) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || n.startsWith("~$")) continue;
            try {
                sb.append(n).append('\0').append(Files.size(p)).append('\0')
                        .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            } catch (IOException e) {
                sb.append(n).append("\0?\n");
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
