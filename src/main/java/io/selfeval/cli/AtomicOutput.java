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
import java.util.UUID;

/**
 * The --out file: written to a hidden temporary file in the same folder and moved into place only when complete,
 * so an interrupted run never leaves a half-written report (the temporary file is removed on exit).
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

    static void write(Path target, Body body) throws IOException {
        Path dir = target.getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
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
            Files.deleteIfExists(tmp);
        }
    }
}
