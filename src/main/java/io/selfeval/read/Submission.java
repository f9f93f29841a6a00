package io.selfeval.read;

import java.nio.file.Path;
import java.util.List;

/**
 * What is checked as one: a single file, or a report with its attachment workbooks (from a folder or a .zip).
 * {@code name} is how the reviewer knows the submission (the file, the folder, or "x.zip!/folder"); each file has
 * its own display name ("x.zip!/folder/自评报告.docx" for a file from an archive). The report comes first.
 * {@code error} is set when the submission could not even be assembled (a dangerous or damaged archive).
 */
public record Submission(String name, List<File> files, String error) {
    /** One file of a submission: where it is now, and the name to show. */
    public record File(Path path, String name) {
    }

    public Submission {
        files = List.copyOf(files);
    }

    public static Submission of(Path file) {
        return new Submission(file.toString(), List.of(new File(file, file.toString())), null);
    }

    public static Submission unreadable(String name, String reason) {
        return new Submission(name, List.of(), reason);
    }

    /** The display names of the files, report first; the submission's own name when it has none. */
    public List<String> fileNames() {
        return files.isEmpty() ? List.of(name) : files.stream().map(File::name).toList();
    }
}
