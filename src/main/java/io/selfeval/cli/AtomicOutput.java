package io.selfeval.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The --out file: written to a hidden temporary file in the same folder and moved into place only when complete,
 * so an interrupted run never leaves a half-written report: a failed write deletes the temporary file, and a
 * shutdown hook deletes any still being written when the JVM is stopped (Ctrl-C, kill). A temporary file left by a
 * killed run ({@code kill -9}) is removed by the next run writing the same report: the writer holds a lock on its
 * temporary file, so one nobody holds belongs to a dead run. A target that is not a regular file (/dev/null, a pipe)
 * is written straight, never replaced.
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
        return real(target);
    }

    /**
     * Refuses an --out that would overwrite an input or land in the tree being checked (where it would be read by
     * a later run, or replace a report's own file).
     */
    static void refuseInputs(Path target, List<String> inputs) {
        for (String arg : inputs) {
            Path in;
            try {
                in = Path.of(arg);
                if (!Files.exists(in)) continue;
                in = in.toRealPath();
            } catch (InvalidPathException | IOException e) {
                continue;
            }
            if (in.equals(target)) {
                throw CliException.usage("--out 指向被检查的文件 " + arg + "，写入报告会覆盖它；请把报告写到别处");
            }
            if (Files.isDirectory(in) && target.startsWith(in)) {
                throw CliException.usage("--out 位于被检查的文件夹 " + arg + " 之内，报告会混入被检查的文件；请把报告写到该文件夹之外");
            }
        }
    }

    /** The target with every link resolved, so the report replaces the file a link names, never the link. */
    private static Path real(Path target) {
        try {
            if (Files.exists(target)) return target.toRealPath();
            return target.getParent().toRealPath().resolve(target.getFileName());
        } catch (IOException e) {
            return target;
        }
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
        if (Files.exists(target) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            // A device or a pipe: there is nothing to keep whole, and renaming over it would replace it.
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.WRITE))) {
                body.writeTo(os);
            }
            return;
        }
        Path dir = target.getParent();
        removeStale(target);
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicOutput::deletePending, "selfeval-out-cleanup"));
        }
        PENDING.add(tmp);
        tmp.toFile().deleteOnExit();
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.lock(); // released when the channel closes, or when the process dies
                OutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch));
                body.writeTo(os);
                os.flush();
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

    /** Deletes the temporary files of {@code target} that no live run holds (left by a killed run). */
    static void removeStale(Path target) {
        Pattern ours = Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + "[0-9a-f]{8}\\.tmp");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target.getParent(),
                p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path stale : ds) {
                if (PENDING.contains(stale) || !Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) continue;
                try (FileChannel ch = FileChannel.open(stale, StandardOpenOption.WRITE);
                     FileLock lock = ch.tryLock()) {
                    if (lock != null) Files.deleteIfExists(stale);
                } catch (OverlappingFileLockException | IOException e) {
                    // held by a run in this process, or gone meanwhile: not ours to remove
                }
            }
        } catch (IOException e) {
            // cleaning is a courtesy; writing the report does not depend on it
        }
    }
}
