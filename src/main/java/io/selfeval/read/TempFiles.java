package io.selfeval.read;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every temporary folder and file the process makes (unpacked archives, uploads, POI's own temp files) is
 * registered here, so that one shutdown hook removes what is still there when the JVM is stopped (SIGTERM, Ctrl-C).
 * The normal path deletes them itself and {@link #forget}s them.
 */
public final class TempFiles {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();
    private static volatile Path poiDir;

    private TempFiles() {
    }

    /** A new temporary folder, removed at the latest when the JVM stops. */
    public static Path createDirectory(String prefix) throws IOException {
        return remember(Files.createTempDirectory(prefix));
    }

    /** A new temporary folder inside {@code parent}, removed at the latest when the JVM stops. */
    public static Path createDirectory(Path parent, String prefix) throws IOException {
        return remember(Files.createTempDirectory(parent, prefix));
    }

    /** A new temporary file, removed at the latest when the JVM stops. */
    public static Path createFile(String prefix, String suffix) throws IOException {
        return remember(Files.createTempFile(prefix, suffix));
    }

    /** Registers a path for removal when the JVM stops. */
    public static Path remember(Path p) {
        hook();
        LIVE.add(p);
        return p;
    }

    /** Deletes a registered folder or file now and stops tracking it. */
    public static void delete(Path p) {
        if (p == null) return;
        Submissions.deleteTree(p);
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a folder deleteTree could not empty: left for the shutdown hook
            return;
        }
        LIVE.remove(p);
    }

    /** Stops tracking a path that is no longer temporary (moved into place). */
    public static void forget(Path p) {
        LIVE.remove(p);
    }

    /** What is registered now (for tests). */
    public static Set<Path> live() {
        return Set.copyOf(LIVE);
    }

    /**
     * Points POI's temp files (the streaming workbook's sheets, the package parts it spills) at a folder of this
     * process, so the shutdown hook removes them too; POI itself leaves them behind on a kill.
     */
    public static synchronized void routePoiTempFiles() {
        if (poiDir != null) return;
        try {
            Path dir = createDirectory("selfeval-poi-");
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
            poiDir = dir;
        } catch (IOException | RuntimeException e) {
            // POI keeps its default folder; only cleanup on a kill is lost
        }
    }

    private static void hook() {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteAll, "selfeval-temp-cleanup"));
        }
    }

    /** What the shutdown hook does: best effort, nothing thrown while the JVM goes down. */
    static void deleteAll() {
        for (Path p : LIVE) {
            try {
                Submissions.deleteTree(p);
                Files.deleteIfExists(p);
            } catch (Throwable e) {
                // best effort
            }
        }
    }
}
