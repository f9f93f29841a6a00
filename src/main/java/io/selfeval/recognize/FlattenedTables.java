package io.selfeval.recognize;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import io.selfeval.model.Attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Attachments that arrive flattened: a web page, a copy-paste or a PDF's text gives a table as one cell per paragraph
 * ("编制数 / 2023年实际在职人数 / 控制率 / 46 / 50 / 108.70%"), sometimes with blank cells dropped. After an attachment's
 * title with no table under it, the short paragraphs that follow are taken as its cells:
 * <ul>
 *   <li>the 基础数据表's staffing block (three header labels, then three values) and money block (经费控制情况, three
 *   column headers, then rows of a label and exactly three numbers) are rebuilt as a table;</li>
 *   <li>a block whose shape is not certain (a row with fewer numbers: blank cells were dropped) is not rebuilt, and
 *   the forms with merged cells (整体/项目支出绩效自评表) are not rebuilt at all;</li>
 *   <li>either way the attachment is there: an empty table under its title says so, so that it is not reported as
 *   missing, and nothing is read from what could not be placed.</li>
 * </ul>
 */
final class FlattenedTables {
    private static final Pattern SENTENCE = Pattern.compile("[。；;]");
    private static final Pattern LABEL = Pattern.compile("^附(?:件|表)\\s*[\\d一二三四五六七八九十]+(?:\\s*[-－—]\\s*\\d+)?\\s*$");
    private static final int MAX_CELL = 40;
    private static final int MIN_CELLS = 4;

    private FlattenedTables() {
    }

    static List<Block> recover(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            out.add(b);
            if (!(b instanceof Paragraph p)) continue;
            String kind = kindOf(blocks, i);
            if (kind == null) continue;
            int from = i + 1;
            // The title's second line (after a bare "附件1") stays a title line.
            while (from < blocks.size() && blocks.get(from) instanceof Paragraph q && (kindOf(blocks, from) != null || isUnitLine(q))) {
                out.add(blocks.get(from++));
            }
            if (from < blocks.size() && blocks.get(from) instanceof Table) {
                i = from - 1;
                continue; // a real table follows: nothing is flat
            }
            int to = from;
            while (to < blocks.size() && blocks.get(to) instanceof Paragraph q && isCell(q) && kindOf(blocks, to) == null) to++;
            if (to - from < MIN_CELLS) {
                i = from - 1;
                continue;
            }
            List<Paragraph> cells = new ArrayList<>();
            for (int k = from; k < to; k++) cells.add((Paragraph) blocks.get(k));
            if (!looksLikeForm(kind, cells)) {
                i = from - 1;
                continue; // a list of attachment names, not an attachment
            }
            List<Row> rows = Attachment.BASIC_DATA.equals(kind) ? basicData(cells) : List.of();
            out.add(new Table(0, rows, cells.get(0).line(), p.source()));
            i = to - 1;
        }
        return out;
    }

    /** The attachment kind a title paragraph names (with the label line before it), or null. */
    private static String kindOf(List<Block> blocks, int i) {
        if (!(blocks.get(i) instanceof Paragraph p)) return null;
        String text = Numbers.flat(p.text());
        if (text.isEmpty() || text.length() > 60 || SENTENCE.matcher(text).find()) return null;
        if (LABEL.matcher(text).matches()) return null;
        String label = i > 0 && blocks.get(i - 1) instanceof Paragraph prev && LABEL.matcher(Numbers.flat(prev.text())).matches() ? "" : null;
        boolean titled = label != null || text.startsWith("附件") || text.startsWith("附表") || text.endsWith("表");
        if (!titled) return null;
        String kind = TableTitles.kind(text, "");
        return Attachment.RUBRIC.equals(kind) ? null : kind;
    }

    private static final Pattern BASIC_HEADER = Pattern.compile("编制数|经费控制|决算数");
    private static final Pattern FORM_HEADER = Pattern.compile("一级指标|三级指标|年初预算|全年预算|指标值");

    /** The cells carry the form's own header words and several numbers. */
    private static boolean looksLikeForm(String kind, List<Paragraph> cells) {
        Pattern header = Attachment.BASIC_DATA.equals(kind) ? BASIC_HEADER : FORM_HEADER;
        boolean named = cells.stream().anyMatch(c -> header.matcher(Numbers.flat(c.text())).find());
        long numbers = cells.stream().filter(c -> Numbers.cellAmount(c.text()).isPresent()).count();
        return named && numbers >= 3;
    }

    private static boolean isUnitLine(Paragraph p) {
        String t = Numbers.flat(p.text());
        return t.matches("^[（(]?(?:单位|金额单位)[:：].{1,6}[)）]?$");
    }

    private static boolean isCell(Paragraph p) {
        String t = Numbers.flat(p.text());
        return !t.isEmpty() && t.length() <= MAX_CELL && !SENTENCE.matcher(t).find();
    }

    // ---- the 基础数据表 ----

    private static List<Row> basicData(List<Paragraph> cells) {
        List<String> t = cells.stream().map(c -> Numbers.flat(c.text())).toList();
        List<Row> rows = new ArrayList<>();
        int line = cells.get(0).line();
        int q = indexOf(t, "编制数", 0);
        if (q >= 0 && q + 5 < t.size() && (t.get(q + 1).contains("在职") || t.get(q + 1).contains("实有")) && t.get(q + 2).contains("控制率")
                && isWhole(t.get(q + 3)) && isWhole(t.get(q + 4)) && Numbers.percent(t.get(q + 5)).isPresent()) {
            rows.add(row(line, "财政供养人员情况（人）", t.get(q), t.get(q + 1), t.get(q + 2)));
            rows.add(row(line, "", t.get(q + 3), t.get(q + 4), t.get(q + 5)));
        }
        int money = indexOf(t, "经费控制", 0);
        if (money >= 0) money(t, money, line).ifPresent(rows::addAll);
        return rows;
    }

    /** The money block, or nothing when one row does not have exactly three numbers. */
    private static Optional<List<Row>> money(List<String> t, int at, int line) {
        if (at + 3 >= t.size()) return Optional.empty();
        for (int c = 1; c <= 3; c++) {
            String h = t.get(at + c);
            if (!(h.contains("决算") || h.contains("预算"))) return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        rows.add(row(line, t.get(at), t.get(at + 1), t.get(at + 2), t.get(at + 3)));
        int k = at + 4;
        while (k < t.size()) {
            String label = t.get(k);
            if (Numbers.cellAmount(label).isPresent()) return Optional.empty();
            if (label.startsWith("楼堂馆所") || label.startsWith("厉行节约")) break;
            int n = 0;
            while (k + 1 + n < t.size() && Numbers.cellAmount(t.get(k + 1 + n)).isPresent()) n++;
            if (n != 3) return Optional.empty();
            rows.add(row(line, label, t.get(k + 1), t.get(k + 2), t.get(k + 3)));
            k += 4;
        }
        return rows.size() > 1 ? Optional.of(rows) : Optional.empty();
    }

    private static boolean isWhole(String s) {
        return s.matches("\\d{1,5}");
    }

    private static int indexOf(List<String> t, String word, int from) {
        for (int i = from; i < t.size(); i++) if (t.get(i).contains(word)) return i;
        return -1;
    }

    private static Row row(int line, String... cells) {
        List<Cell> out = new ArrayList<>();
        for (String c : cells) out.add(new Cell(c, line));
        return new Row(out, line);
    }
}
