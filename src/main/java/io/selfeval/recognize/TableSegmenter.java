package io.selfeval.recognize;

import io.selfeval.document.Cancellation;
import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits every grid the readers give (a Word table, an Excel sheet, a text table) into the attachment tables it
 * holds, and joins a Word table that a page break split in two. The forms are recognised by their rows, not by
 * their position:
 * <ul>
 *   <li>a <b>title row</b> (one piece of text such as "2023年度项目支出绩效自评表" or "附件3-2") starts a new table; it
 *   and the one-text rows right after it ("（单位：元）") become paragraphs before that table, so each table finds its
 *   own title as in a Word report;</li>
 *   <li>a <b>header row</b> that opens a form — 项目名称/单位名称, the funds header (年初预算数, 全年预算数), the
 *   indicator header (一级指标, 二级指标), the 基础数据表's 财政供养人员/经费控制情况 — starts a new table when the
 *   current one is complete (its 总分 row was read) or already has that part;</li>
 *   <li>a <b>note row</b> under a table (说明：…, 备注：…, 注：…, 填表人：…) holds numbers that are not data
 *   ("分值设定100分，其中预算执行率10分…") and is left out;</li>
 *   <li>a table directly followed by another that repeats one of its header rows (or continues its indicator rows)
 *   before its 总分 row is one table continued on the next page; the repeated header is dropped.</li>
 * </ul>
 * Tables are numbered anew in document order.
 */
final class TableSegmenter {
    private static final Pattern LABEL = Pattern.compile("^附(?:件|表)\\s*[\\d一二三四五六七八九十]+(?:\\s*[-－—]\\s*\\d+)?");
    private static final Pattern TITLE_WORDS = Pattern.compile("表$|表[（(]|数据表|自评表|评分表|情况表");
    private static final Pattern NOTE = Pattern.compile("^(?:说明|备注|注[:：\\d一１]|填表说明|填报说明|填表人|填报人|制表人|单位负责人|审核人)");
    private static final Pattern NAME_LABEL = Pattern.compile("^(?:(?:市级|县级|省级)?(?:预算)?(?:部门|单位)名称|项目(?:支出)?名称|主管部门)");
    private static final Pattern CONTINUED = Pattern.compile("^[（(]?续(?:表|上表)?[)）]?$|^续表\\S{0,12}$");
    private static final int TITLE_MAX = 60;

    /** The parts of a form a row opens. */
    enum Part { NAME, FUNDS, INDICATORS, BASIC, TOTAL }

    private TableSegmenter() {
    }

    static List<Block> segment(List<Block> blocks) {
        List<Block> joined = joinContinued(blocks);
        List<Block> out = new ArrayList<>();
        int[] index = {0};
        for (Block b : joined) {
            Cancellation.checkpoint();
            if (b instanceof Table t) {
                split(t, out, index);
            } else {
                out.add(b);
            }
        }
        return out;
    }

    // ---- row kinds -------------------------------------------------------------------------------------------

    /** The distinct non-blank texts of a row (a merged cell repeated over its columns counts once). */
    static List<String> texts(Row row) {
        Set<String> out = new LinkedHashSet<>();
        for (Cell c : row.cells()) {
            String t = Numbers.flat(c.text());
            if (!t.isEmpty()) out.add(t);
        }
        return new ArrayList<>(out);
    }

    /** The source element of a row's first non-blank cell, for a title row that becomes a paragraph. */
    private static String firstAnchor(Row row) {
        for (Cell c : row.cells()) {
            if (!c.isBlank()) return c.anchor();
        }
        return null;
    }

    static String firstText(Row row) {
        for (Cell c : row.cells()) {
            String t = Numbers.flat(c.text());
            if (!t.isEmpty()) return t;
        }
        return "";
    }

    static boolean isTitleRow(Row row) {
        List<String> t = texts(row);
        if (t.size() != 1) return false;
        String s = t.get(0);
        if (s.length() > TITLE_MAX || isNoteText(s)) return false;
        return LABEL.matcher(s).find() || TITLE_WORDS.matcher(s).find();
    }

    /** A row that says something about the table rather than holding its data: 说明：…, 备注：…, 填表人：…. */
    static boolean isNote(Row row) {
        return isNoteText(firstText(row));
    }

    private static boolean isNoteText(String s) {
        return NOTE.matcher(s).find();
    }

    /** The part of a form this row opens, or null for an ordinary row. */
    static Part part(Row row) {
        String first = firstText(row);
        if (first.isEmpty()) return null;
        List<String> texts = texts(row);
        String joined = String.join("|", texts);
        if (first.startsWith("总分") || first.startsWith("总计得分") || first.equals("合计得分")) return Part.TOTAL;
        if (joined.contains("一级指标") && (joined.contains("二级指标") || joined.contains("三级指标"))) return Part.INDICATORS;
        if (joined.contains("年初预算") && joined.contains("全年预算")) return Part.FUNDS;
        if (first.contains("财政供养人员") || first.startsWith("编制数") || first.contains("经费控制情况")) return Part.BASIC;
        if (texts.size() >= 2 && NAME_LABEL.matcher(first).find()) return Part.NAME;
        return null;
    }

    // ---- splitting one grid ----------------------------------------------------------------------------------

    private static final class Segment {
        final List<Row> rows = new ArrayList<>();
        final Set<Part> parts = java.util.EnumSet.noneOf(Part.class);
        Row indicatorHeader;
        Row fundsHeader;

        boolean structured() {
            return !parts.isEmpty();
        }
    }

    private static void split(Table t, List<Block> out, int[] index) {
        Segment cur = new Segment();
        List<Row> rows = t.rows();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.isBlank()) continue;
            if (isTitleRow(row)) {
                emit(t, cur, out, index);
                cur = new Segment();
                out.add(new Paragraph(texts(row).get(0), row.line(), t.source(), firstAnchor(row)));
                // The title's companion lines ("（2023年度）", "单位：元") up to the form's first row.
                while (r + 1 < rows.size() && texts(rows.get(r + 1)).size() == 1 && part(rows.get(r + 1)) == null
                        && !isNote(rows.get(r + 1)) && texts(rows.get(r + 1)).get(0).length() <= TITLE_MAX) {
                    r++;
                    out.add(new Paragraph(texts(rows.get(r)).get(0), rows.get(r).line(), t.source(), firstAnchor(rows.get(r))));
                }
                continue;
            }
            if (isNote(row)) continue;
            Part p = part(row);
            if (p != null && cur.structured() && opensNewTable(cur, p)) {
                emit(t, cur, out, index);
                cur = new Segment();
            }
            if (p == Part.INDICATORS && cur.indicatorHeader != null && sameRow(cur.indicatorHeader, row)) continue;
            if (p == Part.FUNDS && cur.fundsHeader != null && sameRow(cur.fundsHeader, row)) continue;
            if (p == Part.INDICATORS && cur.indicatorHeader == null) cur.indicatorHeader = row;
            if (p == Part.FUNDS && cur.fundsHeader == null) cur.fundsHeader = row;
            if (p != null) cur.parts.add(p);
            cur.rows.add(row);
        }
        emit(t, cur, out, index);
    }

    /** Whether a row opening {@code p} starts another table rather than continuing the current one. */
    private static boolean opensNewTable(Segment cur, Part p) {
        Set<Part> seen = cur.parts;
        if (p == Part.TOTAL) return false;
        if (seen.contains(Part.TOTAL)) return true;
        return switch (p) {
            case NAME -> seen.contains(Part.FUNDS) || seen.contains(Part.INDICATORS) || seen.contains(Part.BASIC);
            case FUNDS -> seen.contains(Part.INDICATORS) || seen.contains(Part.BASIC);
            case BASIC -> seen.contains(Part.FUNDS) || seen.contains(Part.INDICATORS);
            case INDICATORS -> seen.contains(Part.BASIC);
            default -> false;
        };
    }

    private static void emit(Table t, Segment s, List<Block> out, int[] index) {
        if (s.rows.isEmpty()) return;
        out.add(new Table(++index[0], List.copyOf(s.rows), s.rows.get(0).line(), t.source()));
    }

    /**
     * The same header row: the same texts, or one without the other's leading merged label ("绩效指标" spanning the
     * indicator rows is not repeated on the next page).
     */
    private static boolean sameRow(Row a, Row b) {
        List<String> x = texts(a);
        List<String> y = texts(b);
        if (x.size() < y.size()) {
            List<String> t = x;
            x = y;
            y = t;
        }
        return y.size() >= 2 && y.size() >= x.size() - 1 && x.subList(x.size() - y.size(), x.size()).equals(y);
    }

    // ---- joining a table continued on the next page ----------------------------------------------------------

    private static List<Block> joinContinued(List<Block> blocks) {
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (!(b instanceof Table next)) {
                out.add(b);
                continue;
            }
            int prevAt = out.size() - 1;
            // A "续表" line between the two parts does not separate them.
            while (prevAt >= 0 && out.get(prevAt) instanceof Paragraph p && CONTINUED.matcher(Numbers.flat(p.text())).find()) prevAt--;
            if (prevAt >= 0 && out.get(prevAt) instanceof Table prev && continues(prev, next)) {
                List<Row> rows = new ArrayList<>(prev.rows());
                List<Row> more = next.rows();
                int skip = !more.isEmpty() && prev.rows().stream().anyMatch(r -> part(r) != null && sameRow(r, more.get(0))) ? 1 : 0;
                rows.addAll(more.subList(skip, more.size()));
                while (out.size() > prevAt) out.remove(out.size() - 1);
                out.add(new Table(prev.index(), rows, prev.line(), prev.source()));
                continue;
            }
            out.add(b);
        }
        return out;
    }

    /**
     * {@code next} continues {@code prev}: both from the same Word or text file (never two sheets), prev has opened a
     * score form but not reached its 总分 row, and next starts with a repeat of one of prev's header rows, or with
     * indicator rows (nothing in it opens a form before its 总分 row).
     */
    private static boolean continues(Table prev, Table next) {
        if (next.rows().isEmpty() || prev.rows().isEmpty()) return false;
        if (prev.source() != null && (prev.source().sheet() != null || next.source() == null
                || !Objects.equals(prev.source().file(), next.source().file()))) return false;
        if (prev.source() == null && next.source() != null) return false;
        Set<Part> seen = java.util.EnumSet.noneOf(Part.class);
        for (Row r : prev.rows()) {
            Part p = part(r);
            if (p != null) seen.add(p);
        }
        if (seen.contains(Part.TOTAL) || !(seen.contains(Part.INDICATORS) || seen.contains(Part.FUNDS))) return false;
        Row first = next.rows().get(0);
        if (isTitleRow(first)) return false;
        Part p0 = part(first);
        if (p0 != null && prev.rows().stream().anyMatch(r -> part(r) == p0 && sameRow(r, first))) return true;
        if (!seen.contains(Part.INDICATORS)) return false;
        for (Row r : next.rows()) {
            Part p = part(r);
            if (r == first && p == Part.INDICATORS) continue;
            if (p == Part.TOTAL) return true;
            if (p != null || isTitleRow(r)) return false;
        }
        return true;
    }
}
