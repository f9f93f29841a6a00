package io.selfeval.recognize;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rebuilds tables that arrive flattened — a web page, copy-paste or PDF text gives one cell per paragraph, blank
 * cells dropped: "编制数 / 2023年实际在职人数 / 控制率 / 46 / 50 / 108.70%". The grid is recovered only from header
 * labels of the 基础数据表 that fix how many values follow: the staffing block (编制数, 实际在职人数, 控制率: two head
 * counts and a rate) and the 经费控制情况 block (three year columns: every row a label and exactly three values).
 * When the values do not fall into that shape (a dropped blank cell makes a row short, a number too many), the
 * block is left as it was: no table, so no fact and no finding comes from it.
 */
final class FlatTables {
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(?:\\.\\d+)?$");
    private static final Pattern PERCENT = Pattern.compile("^-?\\d+(?:\\.\\d+)?%$");
    private static final Pattern DASH = Pattern.compile("^(?:[-—–/－]+|无)$");
    private static final Pattern ELLIPSIS = Pattern.compile("^[.…。·]+$");
    private static final Pattern BLOCK_END = Pattern.compile("^(?:楼堂馆所|厉行节约|说明|备注|注[:：]|填表人|附件|附表)");
    private static final int MAX_LABEL = 40;

    private FlatTables() {
    }

    static List<Block> rebuild(List<Block> blocks) {
        List<Block> out = new ArrayList<>();
        int i = 0;
        while (i < blocks.size()) {
            List<Row> rows = new ArrayList<>();
            int next = staffing(blocks, i, rows);
            next = money(blocks, next, rows);
            if (rows.isEmpty()) {
                out.add(blocks.get(i));
                i++;
                continue;
            }
            Paragraph first = (Paragraph) blocks.get(i);
            out.add(new Table(0, rows, rows.get(0).line(), first.source()));
            i = next;
        }
        return out;
    }

    private static String text(List<Block> blocks, int i) {
        return i < blocks.size() && blocks.get(i) instanceof Paragraph p ? Numbers.flat(p.text()) : null;
    }

    private static Cell cell(List<Block> blocks, int i) {
        Paragraph p = (Paragraph) blocks.get(i);
        return new Cell(p.text().strip(), p.line());
    }

    private static boolean isValue(String t) {
        return t != null && (NUMBER.matcher(t).matches() || PERCENT.matcher(t).matches() || DASH.matcher(t).matches());
    }

    /** 财政供养人员情况 / 编制数 / 实际在职人数 / 控制率, then the two head counts and the rate. Returns the index after it. */
    private static int staffing(List<Block> blocks, int i, List<Row> rows) {
        int j = i;
        String t = text(blocks, j);
        if (t == null) return i;
        Cell lead = null;
        if (t.contains("财政供养人员")) {
            lead = cell(blocks, j);
            t = text(blocks, ++j);
        }
        if (t == null || !t.startsWith("编制数") || t.length() > 10) return i;
        List<Cell> header = new ArrayList<>();
        header.add(lead != null ? lead : new Cell("财政供养人员情况（人）", ((Paragraph) blocks.get(j)).line()));
        header.add(cell(blocks, j++));
        t = text(blocks, j);
        if (t == null || !(t.contains("在职") || t.contains("实有")) || t.length() > 20) return i;
        header.add(cell(blocks, j++));
        boolean rate = false;
        t = text(blocks, j);
        if (t != null && t.contains("控制率") && t.length() <= 10) {
            header.add(cell(blocks, j++));
            rate = true;
        }
        String q = text(blocks, j);
        String a = text(blocks, j + 1);
        String r = rate ? text(blocks, j + 2) : null;
        int after = j + (rate ? 3 : 2);
        if (q == null || a == null || !NUMBER.matcher(q).matches() || !NUMBER.matcher(a).matches()) return i;
        if (rate && (r == null || !PERCENT.matcher(r).matches())) return i;
        if (isValue(text(blocks, after))) return i;
        List<Cell> values = new ArrayList<>();
        values.add(new Cell("", ((Paragraph) blocks.get(j)).line()));
        for (int k = j; k < after; k++) values.add(cell(blocks, k));
        rows.add(new Row(header, header.get(0).line()));
        rows.add(new Row(values, values.get(1).line()));
        return after;
    }

    /** 经费控制情况 and its three year columns, then rows of a label and exactly three values. */
    private static int money(List<Block> blocks, int i, List<Row> rows) {
        String t = text(blocks, i);
        if (t == null || !t.contains("经费控制情况") || t.length() > 20) return i;
        List<Cell> header = new ArrayList<>();
        header.add(cell(blocks, i));
        int j = i + 1;
        for (int c = 0; c < 3; c++, j++) {
            String h = text(blocks, j);
            if (h == null || !(h.contains("决算") || h.contains("预算")) || h.length() > 16) return i;
            header.add(cell(blocks, j));
        }
        List<Row> body = new ArrayList<>();
        body.add(new Row(header, header.get(0).line()));
        while (true) {
            String label = text(blocks, j);
            if (label == null || label.isEmpty() || BLOCK_END.matcher(label).find() || label.length() > MAX_LABEL
                    || TableSegmenter.isTitleRow(new Row(List.of(new Cell(label, 0)), 0))) break;
            if (isValue(label)) return i;
            int k = j + 1;
            while (k < blocks.size() && isValue(text(blocks, k))) k++;
            int n = k - j - 1;
            if (n == 0 && ELLIPSIS.matcher(label).matches()) {
                body.add(new Row(List.of(cell(blocks, j), new Cell("", 0), new Cell("", 0), new Cell("", 0)), ((Paragraph) blocks.get(j)).line()));
            } else if (n == 3) {
                List<Cell> cells = new ArrayList<>();
                for (int c = j; c < k; c++) cells.add(cell(blocks, c));
                body.add(new Row(cells, cells.get(0).line()));
            } else {
                // A dropped blank cell, or a label that is not a row: the grid cannot be told, say nothing.
                return i;
            }
            j = k;
        }
        if (body.size() < 2) return i;
        rows.addAll(body);
        return j;
    }
}
