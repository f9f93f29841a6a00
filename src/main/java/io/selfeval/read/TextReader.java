package io.selfeval.read;

import io.selfeval.document.Block;
import io.selfeval.document.Cancellation;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the plain-text rendering of a Word report. Paragraphs are lines; tables come in two shapes:
 * <ul>
 *   <li>one cell per line, each cell starting with a tab, rows separated by blank lines; a cell may continue on
 *   following lines without a tab ("年度预\n算申请") and may even end with a blank line, which the row
 *   repair below undoes;</li>
 *   <li>one row per line with cells separated by tabs ("一级标准\t二级标准\t分值").</li>
 * </ul>
 */
public final class TextReader implements DocumentReader {
    private static final Pattern WORD_ARTIFACT = Pattern.compile("\\[bookmark: [^]]*]");
    /** Continuation lines of a cell after a blank line are short labels such as "(50分)". */
    private static final int MAX_CONTINUATION = 12;

    @Override
    public boolean accepts(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".text");
    }

    @Override
    public Document read(Path file, String name) throws IOException, UnreadableException {
        byte[] bytes = Files.readAllBytes(file);
        return parse(name, decode(bytes));
    }

    /** UTF-8 (with or without BOM), else GB18030, which Chinese Windows tools still write. */
    static String decode(byte[] bytes) throws UnreadableException {
        if (bytes.length == 0) throw new UnreadableException("文件为空（0字节）");
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            if (bytes[i] == 0) throw new UnreadableException("不是文本文件（含二进制内容），请确认文件类型");
        }
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return s.startsWith("\uFEFF") ? s.substring(1) : s;
            } catch (CharacterCodingException e) {
                // try the next charset
            }
        }
        throw new UnreadableException("文本编码无法识别（既不是UTF-8也不是GB18030）");
    }

    public static Document parse(String fileName, String content) {
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = WORD_ARTIFACT.matcher(lines[i]).replaceAll("");
        }
        List<Block> blocks = new ArrayList<>();
        List<String> cuts = new ArrayList<>();
        int tableIndex = 0;
        int i = 0;
        while (i < lines.length) {
            Cancellation.checkpoint();
            String line = lines[i];
            if (isRowLine(line)) {
                int start = i;
                List<Row> rows = new ArrayList<>();
                while (i < lines.length) {
                    Cancellation.checkpoint();
                    if (isRowLine(lines[i])) {
                        rows.add(tabRow(lines[i], i + 1));
                        i++;
                        continue;
                    }
                    // Blank lines inside the table are passed over as one run (one scan, however long the run).
                    int j = afterBlanks(lines, i);
                    if (j == i || j == lines.length || !isRowLine(lines[j])) break;
                    i = j;
                }
                blocks.add(new Table(++tableIndex, rows, start + 1));
            } else if (isCellLine(line)) {
                int[] next = new int[1];
                List<Row> rows = cellTable(lines, i, next);
                blocks.add(new Table(++tableIndex, repairRows(rows), i + 1));
                i = next[0];
            } else {
                if (!line.isBlank()) {
                    String t = line.strip();
                    String kept = BlockBuilder.limited(t);
                    if (kept.length() < t.length() && !cuts.contains(BlockBuilder.tooLong(t.length()))) cuts.add(BlockBuilder.tooLong(t.length()));
                    blocks.add(new Paragraph(kept, i + 1));
                }
                i++;
            }
        }
        return new Document(fileName, blocks, cuts);
    }

    /** Empty or whitespace only; a lone tab is an empty cell, not a blank line. */
    private static boolean isBlankLine(String line) {
        return !line.startsWith("\t") && line.isBlank();
    }

    private static boolean isCellLine(String line) {
        return line.startsWith("\t");
    }

    /** A whole row on one line: text, a tab, more text (a leading tab is an empty first cell). */
    private static boolean isRowLine(String line) {
        String body = line.startsWith("\t") ? line.substring(1) : line;
        int tab = body.indexOf('\t');
        if (tab < 0) return false;
        // A cell line whose text merely ends with a stray tab is not a row.
        return !body.substring(tab).isBlank() || (!line.startsWith("\t") && tab > 0);
    }

    private static int afterBlanks(String[] lines, int i) {
        int j = i;
        while (j < lines.length && lines[j].isBlank()) j++;
        return j;
    }

    private static Row tabRow(String line, int lineNo) {
        List<Cell> cells = new ArrayList<>();
        for (String part : line.split("\t", -1)) cells.add(new Cell(clean(part), lineNo));
        while (cells.size() > 1 && cells.get(cells.size() - 1).isBlank()) cells.remove(cells.size() - 1);
        return new Row(cells, lineNo);
    }

    /** Collects one-cell-per-line rows from {@code start}; stores the index after the table in next[0]. */
    private static List<Row> cellTable(String[] lines, int start, int[] next) {
        List<Row> rows = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        List<Integer> cellLines = new ArrayList<>();
        int rowLine = start + 1;
        int i = start;
        while (i < lines.length) {
            String line = lines[i];
            if (isCellLine(line) && !isRowLine(line)) {
                if (texts.isEmpty()) rowLine = i + 1;
                texts.add(new StringBuilder(line.substring(1)));
                cellLines.add(i + 1);
                i++;
            } else if (isBlankLine(line)) {
                int j = i;
                while (j < lines.length && isBlankLine(lines[j])) j++;
                if (j < lines.length && isCellLine(lines[j]) && !isRowLine(lines[j])) {
                    rows.add(row(texts, cellLines, rowLine));
                    texts.clear();
                    cellLines.clear();
                    i = j;
                    continue;
                }
                int k = continuationEnd(lines, j);
                if (k > j && !texts.isEmpty()) {
                    // "产出指标\n\n(50分)" : short lines after the blank still belong to the last cell.
                    for (int c = j; c < k; c++) {
                        if (!isBlankLine(lines[c])) texts.get(texts.size() - 1).append('\n').append(lines[c]);
                    }
                    i = k;
                    continue;
                }
                break;
            } else if (!texts.isEmpty()) {
                texts.get(texts.size() - 1).append('\n').append(line);
                i++;
            } else {
                break;
            }
        }
        if (!texts.isEmpty()) rows.add(row(texts, cellLines, rowLine));
        next[0] = i;
        return rows;
    }

    /**
     * End of a run of short label lines (and blank ones) starting at j that is followed directly by a cell line;
     * j if there is none. "(50分)" continues a cell; "附件3" or a table title does not.
     */
    private static int continuationEnd(String[] lines, int j) {
        int k = j;
        int labels = 0;
        while (k < lines.length && !isCellLine(lines[k])) {
            String t = lines[k].strip();
            if (!isBlankLine(lines[k])) {
                if (t.length() > MAX_CONTINUATION || t.startsWith("附件") || t.startsWith("附表") || t.endsWith("表") || ++labels > 2) return j;
            }
            k++;
        }
        return k > j && k < lines.length && labels > 0 ? k : j;
    }

    private static Row row(List<StringBuilder> texts, List<Integer> cellLines, int rowLine) {
        List<Cell> cells = new ArrayList<>();
        for (int c = 0; c < texts.size(); c++) cells.add(new Cell(clean(texts.get(c).toString()), cellLines.get(c)));
        return new Row(cells, rowLine);
    }

    /** Trims ordinary and full-width spaces; keeps inner line breaks. */
    static String clean(String s) {
        return s.replace('\u3000', ' ').replace('\u00A0', ' ').strip();
    }

    /**
     * A cell whose text ended with a blank line splits its row in two. Where two adjacent short fragments together
     * have the table's usual width, they are one row.
     */
    static List<Row> repairRows(List<Row> rows) {
        int width = usualWidth(rows);
        if (width < 4) return rows;
        List<Row> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.size() < width && r + 1 < rows.size() && row.size() + rows.get(r + 1).size() == width
                    && rows.get(r + 1).size() < width) {
                List<Cell> cells = new ArrayList<>(row.cells());
                cells.addAll(rows.get(r + 1).cells());
                out.add(new Row(cells, row.line()));
                r++;
            } else {
                out.add(row);
            }
        }
        return out;
    }

    /** The most frequent row width among rows of four or more cells. */
    private static int usualWidth(List<Row> rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Row r : rows) if (r.size() >= 4) counts.merge(r.size(), 1, Integer::sum);
        return counts.isEmpty() ? 0 : Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
    }
}
