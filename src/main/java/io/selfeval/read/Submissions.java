package io.selfeval.read;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns a path into submissions. The rule:
 * <ul>
 *   <li>a file is one submission;</li>
 *   <li>in a folder, each folder (and subfolder) is looked at on its own: its files are grouped by {@link Attachments}
 *   into reports, each with the attachments that belong to it (by file name, or by the title inside); a report with
 *   its attachments is one submission, the report first and its attachments after it by name; a file that is
 *   neither a report's nor one of its attachments is its own submission;</li>
 *   <li>a .zip is unpacked (safely, see {@link SafeUnzip}) into a temporary folder and treated like a folder; the
 *   folder is deleted by {@link #close()}. An archive inside an archive is not unpacked.</li>
 * </ul>
 * Hidden files and folders (name starting with ".") and Office lock files ("~$…") are skipped.
 */
public final class Submissions implements AutoCloseable {
    private final List<Path> tempDirs = new ArrayList<>();

    /**
     * The submissions at {@code path}, in path order; {@code skip} leaves out files (e.g. the report being written).
     * A folder with no supported file gives none; a bad archive gives one submission with its error set.
     */
    public List<Submission> collect(Path path, Predicate<Path> skip) {
        if (Files.isDirectory(path)) return folder(path, Path::toString, path.toString(), skip, true);
        if (Readers.isArchiveName(path)) return archive(path, path.toString());
        return List.of(Submission.of(path));
    }

    /**
     * Like {@link #collect(Path, Predicate)}, for content received under another name (an upload saved to a temporary
     * folder): {@code display} is the name shown for {@code path} itself, and what lies below it is named by its path
     * relative to {@code path} ({@code display + "!/…"} inside an archive). For a folder, {@code display} may be empty:
     * files are then named by their relative path alone, and a report with its workbooks by the report's name.
     */
    public List<Submission> collect(Path path, String display, Predicate<Path> skip) {
        if (Files.isDirectory(path)) {
            Function<Path, String> naming = p -> {
                String rel = path.relativize(p).toString().replace('\\', '/');
                return rel.isEmpty() ? display : display.isEmpty() ? rel : display + "/" + rel;
            };
            return folder(path, naming, display, skip, true);
        }
        if (Readers.isArchiveName(path)) return archive(path, display);
        return List.of(new Submission(display, List.of(new Submission.File(path, display)), null));
    }

    private List<Submission> archive(Path zip, String display) {
        Path dir;
        try {
            dir = TempFiles.createDirectory("selfeval-zip-");
        } catch (IOException e) {
            return List.of(Submission.unreadable(display, "无法创建临时文件夹解压压缩包"));
        }
        tempDirs.add(dir);
        try {
            SafeUnzip.extract(zip, dir);
        } catch (UnreadableException e) {
            return List.of(Submission.unreadable(display, e.getMessage()));
        }
        Function<Path, String> naming = p -> {
            Path rel = dir.relativize(p);
            return rel.toString().isEmpty() ? display : display + "!/" + rel.toString().replace('\\', '/');
        };
        List<Submission> found = folder(dir, naming, display, p -> false, false);
        if (found.isEmpty()) {
            return List.of(Submission.unreadable(display, "压缩包中没有可检查的文件（.docx、.doc、.xlsx、.xls、.pdf、.html、.txt）"));
        }
        return found;
    }

    private List<Submission> folder(Path root, Function<Path, String> naming, String rootName, Predicate<Path> skip,
                                    boolean archives) {
        Map<Path, List<Path>> byFolder = new TreeMap<>();
        Walk walk = walk(root);
        for (Path f : walk.files()) {
            if (!skip.test(f)) byFolder.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f);
        }
        Attachments.joinAttachmentFolders(byFolder, root);
        List<Submission> out = new ArrayList<>();
        for (Path link : walk.outside()) {
            out.add(Submission.unreadable(naming.apply(link), "这是指向被检查文件夹之外的链接，为安全起见未读取；请把文件本身放进文件夹后重新提交"));
        }
        for (Map.Entry<Path, List<Path>> e : byFolder.entrySet()) {
            Path dir = e.getKey();
            List<Path> files = e.getValue();
            List<Path> zips = files.stream().filter(Readers::isArchiveName).toList();
            for (Path z : zips) {
                if (archives) out.addAll(archive(z, naming.apply(z)));
                else out.add(Submission.unreadable(naming.apply(z), "压缩包中的压缩包不会再解压；请解压后提交其中的文件"));
            }
            List<Path> documents = files.stream().filter(f -> !Readers.isArchiveName(f)).toList();
            for (List<Path> group : Attachments.group(documents)) {
                List<Submission.File> parts = group.stream().map(f -> new Submission.File(f, naming.apply(f))).toList();
                String name;
                if (parts.size() == 1) {
                    name = parts.get(0).name();
                } else if (group.size() == documents.size()) {
                    // The folder is one unit's: named after the folder.
                    name = !dir.equals(root) ? naming.apply(dir) : rootName.isEmpty() ? parts.get(0).name() : rootName;
                } else {
                    name = parts.get(0).name();
                }
                out.add(new Submission(name, parts, null));
            }
        }
        out.sort(Comparator.comparing(s -> s.fileNames().get(0)));
        return out;
    }

    /** The supported files under a folder, and the links among them that lead out of it (not read). */
    record Walk(List<Path> files, List<Path> outside) {
    }

    /**
     * Supported files under root, recursively, sorted; hidden and lock files skipped. Links are followed only while
     * they stay inside root: one that leads out (to /etc/passwd, a share, another user's folder) is listed in
     * {@link Walk#outside()} and neither it nor anything below it is read.
     */
    static Walk walk(Path root) {
        List<Path> found = new ArrayList<>();
        List<Path> outside = new ArrayList<>();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            LoggerFactory.getLogger(Submissions.class).debug("无法读取文件夹 {}", root, e);
            return new Walk(List.of(), List.of());
        }
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) return FileVisitResult.CONTINUE;
                    if (hidden(dir)) return FileVisitResult.SKIP_SUBTREE;
                    if (!inside(dir, realRoot)) {
                        outside.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !hidden(file) && Readers.isSupported(file)) {
                        if (inside(file, realRoot)) found.add(file);
                        else outside.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    LoggerFactory.getLogger(Submissions.class).debug("跳过无法访问的路径 {}", file, e);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LoggerFactory.getLogger(Submissions.class).debug("无法读取文件夹 {}", root, e);
        }
        found.sort(null);
        outside.sort(null);
        return new Walk(found, outside);
    }

    /** Whether the path, with every link on the way resolved, is still under the (real) root. */
    private static boolean inside(Path p, Path realRoot) {
        // A plain entry of a folder already found inside is inside; only links need resolving.
        if (!Files.isSymbolicLink(p)) return true;
        try {
            return p.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The one submission among those collected for a path named {@code name}; none (a folder without a supported
     * file) or several give an unreadable submission: several reports are never merged, each is checked on its own.
     */
    public static Submission onlyOne(List<Submission> found, String name) {
        if (found.size() == 1) return found.get(0);
        if (found.isEmpty()) return Submission.unreadable(name, "没有可检查的文件（.docx、.doc、.xlsx、.xls、.pdf、.html、.txt、.zip）");
        return Submission.unreadable(name, "包含" + found.size() + "份报告，请逐份检查");
    }

    static boolean hidden(Path p) {
        Path name = p.getFileName();
        if (name == null) return false;
        String n = name.toString();
        return n.startsWith(".") || n.startsWith("~$");
    }

    /** Deletes the folders archives were unpacked into. */
    @Override
    public void close() {
        for (Path dir : tempDirs) TempFiles.delete(dir);
        tempDirs.clear();
    }

    /** Deletes a folder and everything in it; what cannot be deleted is left (and logged at debug level). */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LoggerFactory.getLogger(Submissions.class).debug("无法删除临时文件夹 {}", dir, e);
        }
    }
}
