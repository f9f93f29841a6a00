package io.selfeval.recognize;

import io.selfeval.document.Row;
import io.selfeval.model.Amount;
import io.selfeval.model.BlankCell;
import io.selfeval.model.Breakdown;
import io.selfeval.model.Figure;
import io.selfeval.model.Location;
import io.selfeval.model.RateClaim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 附件1 基础数据表: staffing (编制数, 实际在职人数, 控制率) and the money rows (三公经费 and its parts, 项目支出 by kind,
 * 公用经费 with its 其中 items) in the columns 上年决算数 / 本年预算数 / 本年决算数. Row nesting comes from the labels:
 * "1、…" rows belong to the last top-level row, "其中：…" rows (and the unmarked rows after them) to the row above.
 */
final class BasicDataTable {
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})");
    private static final Pattern NUMBERED = Pattern.compile("\\d+[、.．]|[（(]\\d+[)）]");
    private static final Pattern ELLIPSIS = Pattern.compile("^[.…。·\\s]*$");

    private final TableTitles.Titled titled;
    private final RecognitionDraft rec;
    private final String source;

    BasicDataTable(TableTitles.Titled titled, RecognitionDraft rec) {
        this.titled = titled;
        this.rec = rec;
        this.source = titled.name();
    }

    /** A money row: its subject, its parent row, and its value per column (null where blank). */
    private static final class MoneyRow {
        final String label;
        final String subject;
        final Row row;
        MoneyRow parent;
        final List<MoneyRow> children = new ArrayList<>();
        Amount[] values;

        MoneyRow(String label, String subject, Row row) {
            this.label = label;
            this.subject = subject;
            this.row = row;
        }
    }

    void recognize() {
        List<Row> rows = titled.table().rows();
        String[] measures = null;
        int[] columns = null;
        String unit = TableUnits.WAN;
        List<MoneyRow> money = new ArrayList<>();
        MoneyRow top = null;
        MoneyRow numbered = null;
        MoneyRow groupParent = null;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            String first = flat(row.text(0));
            if (first.contains("财政供养人员") || first.contains("编制数") || flat(row.text(1)).contains("编制数")) {
                if (r + 1 < rows.size()) staffing(row, rows.get(r + 1));
                continue;
            }
            if (first.contains("经费控制") || (measures == null && flat(row.text(1)).contains("决算"))) {
                measures = measures(row);
                columns = new int[]{1, 2, 3};
                unit = TableUnits.of(row, titled.title());
                continue;
            }
            if (measures == null || first.isEmpty() || ELLIPSIS.matcher(first).matches()) continue;
            if (first.startsWith("楼堂馆所") || first.startsWith("厉行节约")) break;
            if (row.size() > 5) continue;
            String label = Subjects.compact(row.text(0));
            String subject = rec.subjects().canonical(label).orElse(label);
            MoneyRow mr = new MoneyRow(label, subject, row);
            mr.values = new Amount[3];
            for (int c = 0; c < 3; c++) mr.values[c] = TableUnits.money(row.text(columns[c]), unit).orElse(null);
            boolean isOfWhich = first.startsWith("其中");
            boolean isNumbered = NUMBERED.matcher(first).lookingAt();
            if (isOfWhich) {
                groupParent = numbered != null ? numbered : top;
                mr.parent = groupParent;
            } else if (isNumbered) {
                mr.parent = top;
                numbered = mr;
                groupParent = null;
            } else if (rec.vocabulary().isBasicTopRow(label) || top == null) {
                top = mr;
                numbered = null;
                groupParent = null;
            } else if (groupParent != null) {
                mr.parent = groupParent;
            } else {
                mr.parent = top;
            }
            if (mr.parent != null) mr.parent.children.add(mr);
            if (!label.contains("预算调整")) money.add(mr);
        }
        if (measures == null) return;
        for (MoneyRow mr : money) emit(mr, measures);
    }

    private void emit(MoneyRow mr, String[] measures) {
        String group = source + "#" + titled.table().index();
        Figure[] figs = new Figure[3];
        for (int c = 0; c < 3; c++) {
            if (mr.values[c] == null) continue;
            figs[c] = new Figure(mr.subject, measures[c], Figure.DEPARTMENT, source, group + ":" + measures[c], mr.values[c],
                    location(mr.row, c + 1, mr.label, headerName(measures[c]), mr.values[c].getText()));
            rec.add(figs[c]);
        }
        blankCells(mr, measures);
        if (mr.children.isEmpty()) return;
        for (int c = 0; c < 3; c++) {
            if (figs[c] == null) continue;
            final int col = c;
            if (mr.children.stream().noneMatch(ch -> ch.values[col] != null)) continue;
            List<Figure> parts = new ArrayList<>();
            for (MoneyRow ch : mr.children) {
                Amount v = ch.values[c] != null ? ch.values[c] : Amount.blankZero();
                parts.add(new Figure(ch.subject, measures[c], Figure.DEPARTMENT, source, group + ":" + measures[c], v,
                        location(ch.row, c + 1, ch.label, headerName(measures[c]), v.getText())));
            }
            rec.add(new Breakdown(mr.subject, figs[c], parts, figs[c].getLocation()));
        }
    }

    /** A 决算数 left empty beside a filled, non-zero budget of the same year. */
    private void blankCells(MoneyRow mr, String[] measures) {
        for (int c = 0; c < 3; c++) {
            if (!Figure.BUDGET.equals(measures[c]) || mr.values[c] == null || mr.values[c].isZero()) continue;
            for (int d = 0; d < 3; d++) {
                if (Figure.SPENT.equals(measures[d]) && mr.values[d] == null && mr.row.text(d + 1).isBlank()) {
                    rec.add(new BlankCell(source, mr.label, headerName(measures[d]), headerName(measures[c]), mr.values[c],
                            location(mr.row, d + 1, mr.label, headerName(measures[d]), "")));
                }
            }
        }
    }

    private static String headerName(String measure) {
        return switch (measure) {
            case Figure.BUDGET -> "本年预算数";
            case Figure.SPENT -> "本年决算数";
            default -> "上年决算数";
        };
    }

    /** Column measures from the header: the latest year's 决算 is this year's spend, an earlier year's is last year's. */
    private static String[] measures(Row header) {
        int latest = 0;
        for (int c = 1; c <= 3; c++) {
            Matcher m = YEAR.matcher(header.text(c));
            if (m.find()) latest = Math.max(latest, Integer.parseInt(m.group(1)));
        }
        String[] out = new String[3];
        for (int c = 1; c <= 3; c++) {
            String h = flat(header.text(c));
            Matcher m = YEAR.matcher(h);
            int year = m.find() ? Integer.parseInt(m.group(1)) : latest;
            if (h.contains("预算")) out[c - 1] = Figure.BUDGET;
            else if (h.contains("上年") || (latest > 0 && year < latest)) out[c - 1] = Figure.PRIOR_SPENT;
            else out[c - 1] = Figure.SPENT;
        }
        return out;
    }

    /** 编制数 / 实际在职人数 / 控制率 header with the values in the next row. */
    private void staffing(Row header, Row values) {
        int quotaCol = -1;
        int actualCol = -1;
        int rateCol = -1;
        for (int c = 0; c < header.size(); c++) {
            String h = flat(header.text(c));
            if (h.contains("编制数")) quotaCol = c;
            else if (h.contains("在职") || h.contains("实有")) actualCol = c;
            else if (h.contains("控制率")) rateCol = c;
        }
        if (quotaCol < 0 || actualCol < 0) return;
        // Head counts are whole people, exact: 45 of 50 is 90%, not anything from 44.5/50.5 to 45.5/49.5.
        Optional<Amount> quota = Numbers.cellAmount(values.text(quotaCol)).map(BasicDataTable::people);
        Optional<Amount> actual = Numbers.cellAmount(values.text(actualCol)).map(BasicDataTable::people);
        String group = source + "#staff";
        final int qc = quotaCol;
        final int ac = actualCol;
        quota.ifPresent(q -> rec.add(new Figure(Subjects.STAFF_QUOTA, Figure.HEADCOUNT, Figure.DEPARTMENT, source, group, q,
                location(values, qc, "财政供养人员情况", "编制数", q.getText()))));
        actual.ifPresent(a -> rec.add(new Figure(Subjects.STAFF_ACTUAL, Figure.HEADCOUNT, Figure.DEPARTMENT, source, group, a,
                location(values, ac, "财政供养人员情况", "实际在职人数", a.getText()))));
        if (rateCol < 0) return;
        Optional<Amount> rate = Numbers.percent(values.text(rateCol));
        if (quota.isEmpty() || actual.isEmpty() || rate.isEmpty() || quota.get().isZero()) return;
        rec.add(new RateClaim(RateClaim.STAFF, "财政供养人员", rate.get(), actual.get(), quota.get(),
                location(values, rateCol, "财政供养人员情况", "控制率", values.text(rateCol))));
    }

    private static Amount people(Amount a) {
        return new Amount(a.getValue(), a.getText(), Amount.PEOPLE);
    }

    /** A location at a known cell of the row (its index from the left; for Excel the cell address comes with it). */
    private Location location(Row row, int col, String rowName, String column, String excerpt) {
        return Sources.of(Location.table(null, source, rowName, column, row.line(), excerpt), titled.table(), row, col);
    }

    static String flat(String s) {
        return Numbers.flat(s);
    }
}
