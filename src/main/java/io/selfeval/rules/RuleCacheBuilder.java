package io.selfeval.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.kie.api.builder.KieFileSystem;

/**
 * A process that only fills the rule cache: started by a command that had to compile (an edit since the last run),
 * it builds the cached copy after that command has answered and exited, so the user never waits for it. One build
 * per rules state at a time (a lock file beside the entry); it reads the folder itself and stores the copy under the
 * fingerprint of what it read, so a later edit can only make it build a state that is then current.
 */
public final class RuleCacheBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCacheBuilder.class);
    /** A lock older than this is of a build that died; it is taken over. */
    private static final Duration STALE_LOCK = Duration.ofMinutes(10);

    private RuleCacheBuilder() {
    }

    /** Starts the builder process for the rules folder; a failure to start only costs the next start a compile. */
    static void start(Path rulesDir, Path cacheFolder) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), RuleCacheBuilder.class.getName(),
                rulesDir.toAbsolutePath().toString(), cacheFolder.toAbsolutePath().toString()));
        try {
            new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            LOG.debug("无法启动规则缓存进程", e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("用法：RuleCacheBuilder 规则目录 缓存目录");
            System.exit(2);
        }
        RulesSnapshot snapshot = RulesSnapshot.read(Path.of(args[0]));
        RuleCache cache = RuleCache.in(Path.of(args[1]));
        System.exit(fill(snapshot, cache) ? 0 : 1);
    }

    /** Builds and stores the copy for the snapshot unless it is there or being built; true when it is there after. */
    static boolean fill(RulesSnapshot snapshot, RuleCache cache) throws IOException {
        String fingerprint = snapshot.fingerprint();
        if (cache.hasJar(fingerprint)) return true;
        Files.createDirectories(cache.folder());
        Path lock = cache.folder().resolve(RuleCache.key(fingerprint) + ".building");
        if (!lock(lock)) return false;
        try {
            Map.Entry<Supplier<KieFileSystem>, Set<String>> project = RuleBase.cacheProject(snapshot);
            if (project == null) return false;
            cache.build(fingerprint, project.getKey(), project.getValue());
            return cache.hasJar(fingerprint);
        } finally {
            Files.deleteIfExists(lock);
        }
    }

    private static boolean lock(Path lock) throws IOException {
        try {
            Files.createFile(lock);
            return true;
        } catch (FileAlreadyExistsException e) {
            FileTime t = Files.getLastModifiedTime(lock);
            if (t.toInstant().isAfter(Instant.now().minus(STALE_LOCK))) return false;
            Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
            return true;
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
