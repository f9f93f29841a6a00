package io.selfeval.read;

import io.selfeval.document.Document;
import io.selfeval.document.SourceRef;
import io.selfeval.read.BlockBuilder.CellText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts a PDF's lines and tables together as the Word reader would have given them. A line runs on into the next
 * (the same paragraph, even over a page break) when it fills the text width, the next is not indented, not set apart
 * and not a heading or numbered point; Chinese lines join without a space, so a word or an amount broken at the line
 * end is whole again. A line of several segments set apart by wide gaps (a table drawn without borders) gives one
 * paragraph per segment, the flattened form the recognizer rebuilds tables from. A table that ends one page and
 * starts the next with the same columns is one table.
 */
final class PdfParagraphs {
    /** A heading or numbered point starts a paragraph of its own. */
    private static final Pattern STARTS_POINT = Pattern.compile(
            "^[\\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\\d]+[）)]|\\d{1,2}[、．.](?![\\d])"
                    + "|第[一二三四五六七八九十\\d]+[章节部分条]|附件\\s*\\d|附表|[一二三四五六七八九十]是)");

    private final String name;
    private final BlockBuilder out = new BlockBuilder();
    private final StringBuilder paragraph = new StringBuilder();
    private int paragraphPage;
    private List<List<CellText>> table;
    private PdfGrid tableGrid;
    private int tablePage;
    private float left;
    private float right;

    PdfParagraphs(String name) {
        this.name = name;
    }

    Document read(List<Object> items) {
        margins(items);
        PdfLine last = null;
        for (Object item : items) {
            if (item instanceof PdfGrid g) {
                flushParagraph();
                boolean continued = table != null && last == null && tableGrid.page() + 1 == g.page() && tableGrid.sameEdges(g);
                if (continued) {
                    continueTable(g);
                } else {
                    flushTable();
                    table = new ArrayList<>(g.rows());
                    tablePage = g.page();
                }
                tableGrid = g;
                last = null;
                continue;
            }
            PdfLine line = (PdfLine) item;
            flushTable();
            List<String> segments = line.segments();
            if (segments.size() > 1) {
                flushParagraph();
                for (String s : segments) out.paragraphs(s, source(line.page()));
                last = null;
                continue;
            }
            if (last != null && runsOn(last, line)) {
                PdfLine.appendWrapped(paragraph, line.text());
            } else {
                flushParagraph();
                paragraph.append(line.text());
                paragraphPage = line.page();
            }
            last = line;
        }
        flushParagraph();
        flushTable();
        return out.build(name);
    }

    /**
     * Appends the rows of a table's next page. A row broken over the page break (its first part ends the previous
     * page: the new page's first row has text only where the previous row has text, never a number) is one row
     * again (unless the new part starts a numbered item where the part above has none); a merged cell drawn again empty at the top of the new page shows the text of the cell above it.
     */
    private void continueTable(PdfGrid g) {
        List<List<CellText>> more = new ArrayList<>(g.rows());
        List<boolean[]> carried = g.carried();
        List<CellText> above = table.get(table.size() - 1);
        int from = 0;
        if (!more.isEmpty() && brokenRow(above, more.get(0), carried.get(0))) {
            List<CellText> joined = new ArrayList<>();
            for (int c = 0; c < above.size(); c++) {
                StringBuilder sb = new StringBuilder(above.get(c).text());
                if (!carried.get(0)[c]) PdfLine.appendWrapped(sb, more.get(0).get(c).text());
                joined.add(CellText.of(sb.toString()));
            }
            table.set(table.size() - 1, joined);
            above = joined;
            from = 1;
        }
        for (int r = from; r < more.size(); r++) {
            List<CellText> row = new ArrayList<>(more.get(r));
            if (row.size() == above.size()) {
                for (int c = 0; c < row.size(); c++) {
                    if (carried.get(r)[c]) row.set(c, CellText.of(BlockBuilder.continued(above.get(c).text())));
                }
            }
            table.add(row);
        }
    }

    private static boolean brokenRow(List<CellText> above, List<CellText> first, boolean[] carried) {
        if (above.size() != first.size()) return false;
        boolean any = false;
        for (int c = 0; c < first.size(); c++) {
            String t = first.get(c).text();
            if (t.isBlank() || carried[c]) continue;
            String a = above.get(c).text();
            if (a.isBlank() || BlockBuilder.continued(a).isEmpty() || BlockBuilder.continued(t).isEmpty()) return false;
            // "3、…" under "……" starts a row of its own; under "1.…2.…" it is the cell's own list going on
            if (STARTS_POINT.matcher(t).find() && !STARTS_POINT.matcher(a).find()) return false;
            any = true;
        }
        return any;
    }

    /** {@code next} is the same paragraph as {@code line}, wrapped. */
    private boolean runsOn(PdfLine line, PdfLine next) {
        float size = line.size();
        if (line.right() + next.leadingWordWidth() < right - 0.5f * size) return false;
        if (Math.abs(next.size() - size) > 1f) return false;
        if (next.left() > Math.max(left, line.left()) + 0.5f * size) return false;
        if (next.page() == line.page() && next.baseline() - line.baseline() > 2.2f * size) return false;
        if (next.page() != line.page() && next.page() != line.page() + 1) return false;
        return !STARTS_POINT.matcher(next.text()).find();
    }

    /** The text block's left and right edges: where most lines start, and where full lines end. */
    private void margins(List<Object> items) {
        List<PdfLine> lines = items.stream().filter(PdfLine.class::isInstance).map(PdfLine.class::cast).toList();
        if (lines.isEmpty()) return;
        float[] lefts = new float[lines.size()];
        float[] rights = new float[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            lefts[i] = lines.get(i).left();
            rights[i] = lines.get(i).right();
        }
        Arrays.sort(lefts);
        Arrays.sort(rights);
        left = lefts[(int) (lefts.length * 0.05)];
        right = rights[(int) Math.min(rights.length - 1, rights.length * 0.95)];
    }

    private SourceRef source(int page) {
        return SourceRef.pdf(name, page);
    }

    private void flushParagraph() {
        if (paragraph.length() > 0) out.paragraphs(paragraph.toString(), source(paragraphPage));
        paragraph.setLength(0);
    }

    private void flushTable() {
        if (table != null) out.table(table, source(tablePage));
        table = null;
        tableGrid = null;
    }
}
