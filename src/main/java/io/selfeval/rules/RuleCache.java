package io.selfeval.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiled rule bases kept on disk by the fingerprint of the rules folder, so a start with unchanged rules skips the
 * compiler. An entry is the executable-model KieModule jar Drools built, stored with the SHA-256 of its bytes; an
 * entry whose bytes do not match, or that Drools cannot load, is deleted and rebuilt, never used. The key also names
 * the selfeval and Drools versions, so a new release never loads an old release's classes.
 */
public final class RuleCache {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCache.class);
    /** Turns the cache off for the whole process (the test suite sets it; --no-cache does the same per command). */
    public static final String DISABLE_PROPERTY = "selfeval.ruleCache";
    private static final String JAR = ".kjar";

    /** Jars being built for the next start; a command waits for them before the process ends. */
    private static final List<CompletableFuture<Void>> PENDING = new ArrayList<>();

    private static final String BUILD = build();

    private final Path folder;
    /** Build missing entries in a separate process (the command line), not on a thread of this one. */
    private final boolean detached;

    private RuleCache(Path folder, boolean detached) {
        this.folder = folder;
        this.detached = detached;
    }

    /** The same cache, its missing entries built by a process of their own, so a short command need not wait. */
    public RuleCache detachedBuilds() {
        return new RuleCache(folder, true);
    }

    /** No cache: every load compiles. */
    public static RuleCache none() {
        return new RuleCache(null, false);
    }

    /** A cache in the given folder (created when first written). */
    public static RuleCache in(Path folder) {
        return new RuleCache(folder, false);
    }

    /**
     * The user's cache: $SELFEVAL_CACHE, else $XDG_CACHE_HOME/selfeval/rules, else ~/.cache/selfeval/rules; none when
     * the system property {@value #DISABLE_PROPERTY} is "off".
     */
    public static RuleCache standard() {
        if ("off".equalsIgnoreCase(System.getProperty(DISABLE_PROPERTY, ""))) return none();
        String own = System.getenv("SELFEVAL_CACHE");
        if (own != null && !own.isBlank()) return in(Path.of(own));
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return in(base.resolve("selfeval").resolve("rules"));
    }

    public boolean enabled() {
        return folder != null;
    }

    public Path folder() {
        return folder;
    }

    /**
     * The entry's name for a rules fingerprint: it changes with the rules, with selfeval's build (the jar's size and
     * time: the cached rules hold classes compiled against the fact classes of that build) and with Drools' version.
     */
    static String key(String fingerprint) {
        String selfeval = RuleCache.class.getPackage().getImplementationVersion() + "@" + BUILD;
        String drools = String.valueOf(org.kie.api.KieServices.class.getPackage().getImplementationVersion());
        return sha256((fingerprint + "|" + selfeval + "|" + drools + "|" + Runtime.version().feature())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The entry of that kind stored for the fingerprint, if there is one whose bytes are the ones written. */
    Optional<byte[]> get(String fingerprint, String kind) {
        if (folder == null) return Optional.empty();
        String key = key(fingerprint);
        Path jar = folder.resolve(key + kind);
        Path sum = folder.resolve(key + kind + ".sha256");
        try {
            if (!Files.isRegularFile(jar) || !Files.isRegularFile(sum)) return Optional.empty();
            byte[] bytes = Files.readAllBytes(jar);
            if (!sha256(bytes).equals(Files.readString(sum, StandardCharsets.US_ASCII).trim())) {
                LOG.debug("规则缓存 {} 已损坏，忽略并重新编译", jar);
                forget(fingerprint, kind);
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (IOException e) {
            LOG.debug("无法读取规则缓存 {}：{}", jar, e.toString());
            return Optional.empty();
        }
    }

    /** Stores an entry for the fingerprint: bytes first, then their checksum, each by an atomic rename. */
    void put(String fingerprint, String kind, byte[] jar) {
        if (folder == null) return;
        String key = key(fingerprint);
        try {
            Files.createDirectories(folder);
            write(folder.resolve(key + kind), jar);
            write(folder.resolve(key + kind + ".sha256"), sha256(jar).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.debug("无法写入规则缓存 {}：{}", folder, e.toString());
        }
    }

    /** Removes the entry (a damaged one, or one Drools refused). */
    void forget(String fingerprint, String kind) {
        if (folder == null) return;
        String key = key(fingerprint);
        try {
            Files.deleteIfExists(folder.resolve(key + kind + ".sha256"));
            Files.deleteIfExists(folder.resolve(key + kind));
        } catch (IOException e) {
            LOG.debug("无法删除规则缓存 {}：{}", key, e.toString());
        }
    }

    /**
     * The rule base kept for the fingerprint, or null when there is none or it does not load (then it is deleted, and
     * the caller compiles). Built from the jar's model classes directly ({@link ExecutableModelJar}), not through a
     * KieModule and KieContainer.
     */
    static KieBase load(RuleCache cache, String fingerprint) {
        Optional<byte[]> jar = cache.get(fingerprint, JAR);
        if (jar.isEmpty()) return null;
        try {
            return ExecutableModelJar.kieBase(jar.get());
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("规则缓存无法载入，重新编译", e);
            cache.forget(fingerprint, JAR);
            return null;
        }
    }

    /**
     * Builds the executable-model jar of these rules and stores it, on a background thread or, for a cache made with
     * {@link #detachedBuilds()}, in a process of its own that outlives this one (a command then exits without waiting).
     * Nothing is stored unless the jar holds the same rules as the compiled base.
     */
    void writeLater(RulesSnapshot snapshot, Supplier<KieFileSystem> project, KieBase compiled) {
        if (folder == null) return;
        if (detached) {
            RuleCacheBuilder.start(snapshot.dir(), folder);
            return;
        }
        String fingerprint = snapshot.fingerprint();
        Set<String> expected = ruleNames(compiled);
        CompletableFuture<Void> job = CompletableFuture.runAsync(() -> build(fingerprint, project, expected), runnable -> {
            Thread t = new Thread(runnable, "selfeval-rule-cache");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        });
        synchronized (PENDING) {
            PENDING.add(job);
        }
    }

    /** Builds the executable-model jar and stores it when it holds exactly the expected rules (package/name). */
    void build(String fingerprint, Supplier<KieFileSystem> project, Set<String> expected) {
        try {
            KieServices ks = KieServices.Factory.get();
            KieBuilder builder = ks.newKieBuilder(project.get()).buildAll(ExecutableModelProject.class);
            if (builder.getResults().hasMessages(Message.Level.ERROR)) {
                LOG.debug("规则不能存入缓存：{}", builder.getResults().getMessages(Message.Level.ERROR));
                return;
            }
            InternalKieModule module = (InternalKieModule) builder.getKieModule();
            try {
                // checked the way a start will load it
                byte[] jar = module.getBytes();
                Set<String> built = ruleNames(ExecutableModelJar.kieBase(jar));
                if (!built.equals(expected)) {
                    LOG.debug("缓存版规则与编译结果不同，不存入缓存：{} / {}", built, expected);
                    return;
                }
                put(fingerprint, JAR, jar);
            } finally {
                ks.getRepository().removeKieModule(module.getReleaseId());
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("规则不能存入缓存", e);
        }
    }

    /** Whether the compiled jar for the fingerprint is stored (and intact). */
    boolean hasJar(String fingerprint) {
        return get(fingerprint, JAR).isPresent();
    }

    /** Waits up to the given time for the jars still being built (a command calls this before it exits). */
    public static void awaitWrites(long seconds) {
        List<CompletableFuture<Void>> jobs;
        synchronized (PENDING) {
            jobs = new ArrayList<>(PENDING);
            PENDING.clear();
        }
        try {
            CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new)).get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.debug("规则缓存未写完：{}", e.toString());
        }
    }

    private static Set<String> ruleNames(KieBase base) {
        Set<String> names = new TreeSet<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) names.add(pkg.getName() + "/" + rule.getName());
        }
        return names;
    }

    /** selfeval's own build: the size and time of the jar (or classes folder) this class came from. */
    private static String build() {
        try {
            Path p = Path.of(RuleCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.size(p) + "-" + Files.getLastModifiedTime(p).toMillis();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
