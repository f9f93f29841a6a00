package io.selfeval.read;

import io.selfeval.document.Cancellation;
import io.selfeval.document.Document;
import io.selfeval.document.SourceRef;
import io.selfeval.read.BlockBuilder.CellText;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Word 97–2003 file (.doc; also WPS's .wps when it is Word-compatible) with POI's HWPF: the main text
 * boxes first (covers and titles), then paragraphs and tables in order. Table cells follow the same conventions as
 * {@link DocxReader}: one cell per cell of the row, horizontally merged continuation cells dropped, a cell under a
 * vertical merge showing the merged cell's text unless it is a number (matched by the cell's left edge). Field
 * codes are dropped and their results kept.
 */
public final class DocReader implements DocumentReader {
    static {
        Formats.init();
    }

    @Override
    public boolean accepts(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".doc") || n.endsWith(".wps") || n.endsWith(".dot");
    }

    @Override
    public Document read(Path file, String name) throws IOException, UnreadableException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return read(fs.getRoot(), name);
        }
    }

    static Document read(DirectoryNode root, String name) throws IOException {
        HWPFDocument doc = new HWPFDocument(root);
        SourceRef source = SourceRef.office(name, null);
        BlockBuilder out = new BlockBuilder();
        Range boxes = doc.getMainTextboxRange();
        if (boxes != null) {
            for (int i = 0; i < boxes.numParagraphs(); i++) out.paragraphs(text(boxes.getParagraph(i).text()), source);
        }
        Range range = doc.getRange();
        int n = range.numParagraphs();
        for (int i = 0; i < n; i++) {
            Cancellation.checkpoint();
            Paragraph p = range.getParagraph(i);
            if (p.isInTable() && p.getTableLevel() == 1) {
                Table t = tableAt(range, p);
                if (t != null) {
                    out.table(table(t), source);
                    i += Math.max(1, t.numParagraphs()) - 1;
                    continue;
                }
            }
            out.paragraphs(text(p.text()), source);
        }
        return out.build(name);
    }

    private static Table tableAt(Range range, Paragraph p) {
        try {
            return range.getTable(p);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // Not the first paragraph of a table POI recognises: read it as a paragraph.
            return null;
        }
    }

    private static List<List<CellText>> table(Table t) {
        List<List<CellText>> rows = new ArrayList<>();
        Map<Integer, String> merged = new HashMap<>();
        for (int r = 0; r < t.numRows(); r++) {
            Cancellation.checkpoint();
            TableRow row = t.getRow(r);
            Map<Integer, String> next = new HashMap<>();
            List<CellText> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                if (cell.isMerged() && !cell.isFirstMerged()) continue;
                String text = cellText(cell);
                int edge = cell.getLeftEdge();
                if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged()) {
                    String anchor = merged.get(edge);
                    if (anchor != null) {
                        next.put(edge, anchor);
                        text = BlockBuilder.continued(anchor);
                    }
                } else if (cell.isFirstVerticallyMerged()) {
                    next.put(edge, text);
                }
                cells.add(CellText.of(text));
            }
            merged = next;
            rows.add(cells);
        }
        return rows;
    }

    private static String cellText(TableCell cell) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cell.numParagraphs(); i++) {
            String t = text(cell.getParagraph(i).text());
            if (i > 0) sb.append('\n');
            sb.append(t);
        }
        return sb.toString();
    }

    /** Paragraph text without field codes, cell and paragraph marks and other control characters. */
    static String text(String raw) {
        String s = Range.stripFields(raw);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\u000b' -> sb.append('\n'); // manual line break
                case '\u001e' -> sb.append('-'); // non-breaking hyphen
                case '\t' -> sb.append('\t');
                case '\r', '\u0007', '\u000c', '\u001f' -> {
                    // paragraph, cell and page marks; optional hyphen
                }
                default -> {
                    if (ch >= ' ' || ch == '\n') sb.append(ch);
                }
            }
        }
        return sb.toString();
    }
}
