package io.selfeval.cli;

import io.selfeval.read.Submission;
import io.selfeval.read.Submissions;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the PATH arguments into submissions, in argument order (within a folder, in path order): a file is one
 * submission; a folder is searched recursively and grouped by {@link Submissions}' rule (a folder holding one report
 * and its attachment workbooks is one submission, otherwise each file is one); a .zip is unpacked into a temporary
 * folder, grouped the same way, and the folder is deleted by {@link #close()}. Hidden files and folders (name
 * starting with ".") and Office lock files ("~$…") are skipped. A path that does not exist is kept as a submission
 * reported as unreadable; a folder without any supported file is a usage error.
 */
final class Inputs implements AutoCloseable {
    /** One submission to check. */
    record Input(Submission submission) {
        String name() {
            return submission.name();
        }
    }

    private final Submissions submissions = new Submissions();
    private final List<Input> list = new ArrayList<>();

    private Inputs() {
    }

    List<Input> list() {
        return list;
    }

    /**
     * @param exclude a file never taken as part of a submission (the --out target), or null
     */
    static Inputs collect(List<String> args, Path exclude) {
        Inputs inputs = new Inputs();
        try {
            inputs.add(args, exclude);
        } catch (RuntimeException e) {
            inputs.close();
            throw e;
        }
        return inputs;
    }

    private void add(List<String> args, Path exclude) {
        Set<Path> seen = new HashSet<>();
        Path excluded = exclude == null ? null : exclude.toAbsolutePath().normalize();
        for (String arg : args) {
            Path p;
            try {
                p = Path.of(arg);
            } catch (InvalidPathException e) {
                list.add(new Input(Submission.unreadable(arg, "路径无效：" + e.getReason())));
                continue;
            }
            if (!Files.exists(p)) {
                list.add(new Input(Submission.unreadable(arg, "文件或文件夹不存在")));
                continue;
            }
            if (!Files.isDirectory(p) && seen.contains(p.toAbsolutePath().normalize())) continue;
            List<Submission> found = submissions.collect(p, f -> f.toAbsolutePath().normalize().equals(excluded)
                    || seen.contains(f.toAbsolutePath().normalize()));
            if (Files.isDirectory(p) && found.isEmpty()) {
                throw CliException.usage("文件夹 " + arg + " 中没有可检查的文件（.docx、.doc、.xlsx、.xls、.pdf、.html、.txt 或 .zip）");
            }
            seen.add(p.toAbsolutePath().normalize());
            for (Submission s : found) {
                for (Submission.File f : s.files()) seen.add(f.path().toAbsolutePath().normalize());
                list.add(new Input(s));
            }
        }
    }

    /** Deletes the folders archives were unpacked into. */
    @Override
    public void close() {
        submissions.close();
    }
}
