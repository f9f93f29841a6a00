package io.selfeval.cli;

import io.selfeval.check.Checker;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the PATH arguments into submissions, in argument order: a file is one submission; a folder is searched
 * recursively and every supported file in it ({@link Checker#isSupported}) is one submission, sorted by path.
 * Hidden files and folders (name starting with ".") and Office lock files ("~$…") are skipped. A path that does not
 * exist is kept as a missing input, reported as unreadable; a folder without any supported file is a usage error.
 */
final class Inputs {
    /** One submission to check: a file, or a name that could not be found (with the reason). */
    record Input(String name, Path file, String missingReason) {
        boolean missing() { return file == null; }
    }

    private Inputs() {
    }

    /**
     * @param exclude a file never taken as a submission (the --out target), or null
     */
    static List<Input> collect(List<String> args, Path exclude) {
        List<Input> inputs = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Path excluded = exclude == null ? null : exclude.toAbsolutePath().normalize();
        for (String arg : args) {
            Path p;
            try {
                p = Path.of(arg);
            } catch (InvalidPathException e) {
                inputs.add(new Input(arg, null, "路径无效：" + e.getReason()));
                continue;
            }
            if (!Files.exists(p)) {
                inputs.add(new Input(arg, null, "文件或文件夹不存在"));
            } else if (Files.isDirectory(p)) {
                List<Path> found = walk(p);
                found.removeIf(f -> f.toAbsolutePath().normalize().equals(excluded));
                if (found.isEmpty()) {
                    throw CliException.usage("文件夹 " + arg + " 中没有可检查的文件（目前只读取 .txt 文本文件）");
                }
                for (Path f : found) {
                    if (seen.add(f.toAbsolutePath().normalize())) inputs.add(new Input(f.toString(), f, null));
                }
            } else if (seen.add(p.toAbsolutePath().normalize())) {
                inputs.add(new Input(p.toString(), p, null));
            }
        }
        return inputs;
    }

    private static List<Path> walk(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !hidden(file) && Checker.isSupported(file)) found.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    LoggerFactory.getLogger(Inputs.class).debug("跳过无法访问的路径 {}", file, e);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw CliException.usage("无法读取文件夹 " + root + "：" + e.getMessage());
        }
        found.sort(null);
        return found;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        if (name == null) return false;
        String n = name.toString();
        return n.startsWith(".") || n.startsWith("~$");
    }
}
