package io.selfeval.read;

import io.selfeval.document.Block;
import io.selfeval.document.Cancellation;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.SourceRef;
import io.selfeval.document.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the blocks of a Word or Excel document in reading order. Such files have no lines, so every paragraph and
 * every table row gets the next number of a running position instead; blocks carry a {@link SourceRef} that says so.
 * Paragraph text is split at line breaks (a text rendering has one paragraph per line) and tabs become spaces (a tab
 * in a text line would make it a table row).
 */
final class BlockBuilder {
    /** A cell as a reader found it: text (line breaks as '\n') and its address, if the format has one. */
    record CellText(String text, String ref, String anchor) {
        CellText(String text, String ref) {
            this(text, ref, null);
        }

        static CellText of(String text) {
            return new CellText(text, null, null);
        }
    }

    /** A number as a vertical merge would repeat it: a weight or amount counted once, not in every row it spans. */
    private static final Pattern NUMERIC = Pattern.compile(
            "^[（(]?[-+]?\\d[\\d,，.]*\\s*(?:%|％|分|万元|元|人|个|次|项)?[)）]?$");

    /** No paragraph of a report comes near this; a longer one is read up to it and the cut is reported. */
    static final int MAX_PARAGRAPH_CHARS = 100_000;

    private final List<Block> blocks = new ArrayList<>();
    private final List<String> cuts = new ArrayList<>();
    private int position;
    private int tables;

    void paragraphs(String text, SourceRef source) {
        paragraphs(text, source, null);
    }

    /** As {@link #paragraphs(String, SourceRef)}, each line naming the source element it came from. */
    void paragraphs(String text, SourceRef source, String anchor) {
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            // As the text reader takes a line: stripped, inner full-width spaces kept.
            Cancellation.checkpoint();
            String t = line.replace('\t', ' ').replace('\u00A0', ' ').strip();
            if (t.isEmpty()) continue;
            String kept = limited(t);
            if (kept.length() < t.length()) cut(tooLong(t.length()));
            blocks.add(new Paragraph(kept, ++position, source, anchor));
        }
    }

    void table(List<List<CellText>> rows, SourceRef source) {
        List<Row> out = new ArrayList<>();
        for (List<CellText> r : rows) {
            if (r.isEmpty()) continue;
            Cancellation.checkpoint();
            int pos = ++position;
            List<Cell> cells = new ArrayList<>(r.size());
            for (CellText c : r) cells.add(new Cell(cleanCell(c.text()), pos, c.ref(), c.anchor()));
            out.add(new Row(cells, pos));
        }
        if (!out.isEmpty()) blocks.add(new Table(++tables, out, out.get(0).line(), source));
    }

    /** Something left out because it was beyond a limit, said in Chinese. */
    void cut(String what) {
        if (!cuts.contains(what)) cuts.add(what);
    }

    Document build(String name) {
        return new Document(name, List.copyOf(blocks), cuts);
    }

    /** A paragraph's text up to {@link #MAX_PARAGRAPH_CHARS}, not splitting a surrogate pair. */
    static String limited(String text) {
        if (text.length() <= MAX_PARAGRAPH_CHARS) return text;
        int end = Character.isHighSurrogate(text.charAt(MAX_PARAGRAPH_CHARS - 1)) ? MAX_PARAGRAPH_CHARS - 1 : MAX_PARAGRAPH_CHARS;
        return text.substring(0, end);
    }

    static String tooLong(int length) {
        return "有一段文字长达" + length + "字，只读取了前" + MAX_PARAGRAPH_CHARS + "字";
    }

    static String cleanCell(String s) {
        String t = s.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        return TextReader.clean(t);
    }

    /**
     * What a row under a vertically merged cell shows in that cell: the merged cell's text, so a 一级指标 applies to
     * every row it spans; but not a number, which would be counted once per row (a merged 分值 is one weight).
     */
    static String continued(String mergedText) {
        String t = mergedText == null ? "" : mergedText.strip();
        return NUMERIC.matcher(t.replaceAll("\\s+", "")).matches() ? "" : t;
    }
}
