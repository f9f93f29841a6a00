package io.selfeval.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The --out file: written to a hidden temporary file in the same folder and moved into place only when complete,
 * so an interrupted run never leaves a half-written report: a failed write deletes the temporary file, and a
 * shutdown hook deletes any still being written when the JVM is stopped (Ctrl-C, kill).
 */
final class AtomicOutput {
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicOutput() {
    }

    /** Checks up front that the file can be placed: its folder exists and it is not itself a folder. */
    static Path validate(String out) {
        Path target;
        try {
            target = Path.of(out).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw CliException.usage("--out 路径无效：" + out);
        }
        if (Files.isDirectory(target)) {
            throw CliException.usage("--out 应为文件，但 " + out + " 是文件夹");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw CliException.usage("--out 所在的文件夹不存在：" + (dir == null ? out : dir));
        }
        return target;
    }

    /** Temporary files being written; the shutdown hook (Ctrl-C, kill) deletes whatever is left here. */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    /** The temporary files being written now. */
    static Set<Path> pending() {
        return Set.copyOf(PENDING);
    }

    /** What the shutdown hook does: deletes every temporary file still being written. */
    static void deletePending() {
        for (Path p : PENDING) {
            try {
                Files.deleteIfExists(p);
            } catch (Throwable e) {
                // best effort while the JVM goes down; deleteOnExit (below) is the second try
            }
        }
    }

    static void write(Path target, Body body) throws IOException {
        Path dir = target.getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicOutput::deletePending, "selfeval-out-cleanup"));
        }
        PENDING.add(tmp);
        tmp.toFile().deleteOnExit();
        try {
            try (OutputStream os = new BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                body.writeTo(os);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } finally {
                PENDING.remove(tmp);
            }
        }
    }
}
