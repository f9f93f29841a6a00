package io.selfeval.bench;

/**
 * Builds a table in the seeds' plain-text rendering: each cell on its own line after a tab, rows separated by a
 * blank line. A "\n" inside a cell continues it on the next line without a tab, as Word's conversion does.
 */
public final class TextTable {
    private final StringBuilder sb = new StringBuilder();

    public static TextTable table() {
        return new TextTable();
    }

    public TextTable row(String... cells) {
        for (String c : cells) sb.append('\t').append(c).append('\n');
        sb.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
