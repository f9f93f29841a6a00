package io.selfeval.read;

import io.selfeval.document.Document;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one file format into the neutral {@link Document}; knows formats, nothing about budgets. */
public interface DocumentReader {
    boolean accepts(Path file);

    Document read(Path file) throws IOException, UnreadableException;
}
