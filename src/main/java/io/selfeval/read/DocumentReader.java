package io.selfeval.read;

import io.selfeval.document.Document;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one file format into the neutral {@link Document}; knows formats, nothing about budgets. */
public interface DocumentReader {
    /** Whether the file's name says this format (used to pick files in a folder; the content decides the reader). */
    boolean accepts(Path file);

    /**
     * Reads {@code file}; {@code name} is how the reviewer knows it (a path, or "x.zip!/a.docx" for a file from an
     * archive) and is what the document and its blocks are named by.
     */
    Document read(Path file, String name) throws IOException, UnreadableException;

    default Document read(Path file) throws IOException, UnreadableException {
        return read(file, file.toString());
    }
}
