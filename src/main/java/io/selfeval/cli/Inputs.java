package io.selfeval.cli;

import io.selfeval.internal.Uploads;
import io.selfeval.read.Submission;
import io.selfeval.read.Submissions;
import io.selfeval.read.TempFiles;

import java.io.IOException;
import java.io.InputStream;
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
    private Path stdinDir;

    private Inputs() {
    }

    List<Input> list() {
        return list;
    }

    /**
     * @param exclude a file never taken as part of a submission (the --out target), or null
     */
    static Inputs collect(List<String> args, Path exclude) {
        return collect(args, exclude, null);
    }

    /**
     * As {@link #collect(List, Path)}; a PATH of "-" is one submission read from {@code stdin} under
     * {@code stdinName} (its extension gives the type), kept in a temporary folder until {@link #close()}.
     */
    static Inputs collect(List<String> args, Path exclude, Stdin stdin) {
        Inputs inputs = new Inputs();
        try {
            inputs.add(args, exclude, stdin);
        } catch (RuntimeException e) {
            inputs.close();
            throw e;
        }
        return inputs;
    }

    /** Standard input and the file name it is read under. */
    record Stdin(InputStream in, String name) {
    }

    private void add(List<String> args, Path exclude, Stdin stdin) {
        Set<Path> seen = new HashSet<>();
        Path excluded = exclude == null ? null : exclude.toAbsolutePath().normalize();
        boolean stdinTaken = false;
        for (String arg : args) {
            if (arg.equals("-")) {
                if (stdinTaken) throw CliException.usage("“-”（标准输入）只能写一次");
                stdinTaken = true;
                list.add(new Input(fromStdin(stdin)));
                continue;
            }
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
            // The same file or folder given twice (or a file already inside a folder given) is checked once.
            if (seen.contains(p.toAbsolutePath().normalize())) continue;
            boolean[] alreadyGiven = {false};
            List<Submission> found = submissions.collect(p, f -> {
                Path abs = f.toAbsolutePath().normalize();
                if (seen.contains(abs)) alreadyGiven[0] = true;
                return abs.equals(excluded) || seen.contains(abs);
            });
            if (Files.isDirectory(p) && found.isEmpty() && !alreadyGiven[0]) {
                throw CliException.usage("文件夹 " + arg + " 中没有可检查的文件（.docx、.doc、.xlsx、.xls、.pdf、.html、.txt 或 .zip）");
            }
            seen.add(p.toAbsolutePath().normalize());
            for (Submission s : found) {
                for (Submission.File f : s.files()) seen.add(f.path().toAbsolutePath().normalize());
                list.add(new Input(s));
            }
        }
    }

    private Submission fromStdin(Stdin stdin) {
        if (stdin == null || stdin.name() == null || stdin.name().isBlank()) {
            throw CliException.usage("从标准输入读取（PATH 为 -）时须用 --name 给出文件名，例如 --name 自评报告.docx：扩展名决定按哪种文件读取");
        }
        try {
            stdinDir = TempFiles.createDirectory("selfeval-stdin-");
            return Uploads.saveAsOne(stdin.in(), stdin.name(), stdin.name(), stdinDir, submissions);
        } catch (IOException e) {
            return Submission.unreadable(stdin.name(), "无法读取标准输入：" + e.getMessage());
        }
    }

    /** Deletes the folders archives were unpacked into, and the copy of standard input. */
    @Override
    public void close() {
        submissions.close();
        if (stdinDir != null) TempFiles.delete(stdinDir);
    }
}
