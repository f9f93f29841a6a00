package io.selfeval.recognize;

import io.selfeval.document.Cancellation;
import io.selfeval.document.Row;
import io.selfeval.model.Amount;
import io.selfeval.model.Attachment;
import io.selfeval.model.Breakdown;
import io.selfeval.model.Figure;
import io.selfeval.model.Indicator;
import io.selfeval.model.IndicatorGroup;
import io.selfeval.model.Location;
import io.selfeval.model.Mention;
import io.selfeval.model.RateClaim;
import io.selfeval.model.ScoreSheet;

import io.selfeval.model.Intervals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 整体支出绩效自评表 and 项目支出绩效自评表: the funds block (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分), the
 * 按收入性质/按支出性质 splits, the indicator rows and the 总分 row. Columns are found by their header words; a data
 * row is aligned to its header from the right, since merged first columns make rows differ in length on the left.
 */
final class ScoreTable {
    private static final Pattern SPLIT_CELL = Pattern.compile("^(?:其中[:：]?)?\\s*(.+?)[:：]\\s*(-?\\d+(?:\\.\\d+)?)\\s*(万元|元)?$");
    private static final Pattern WHITE = Pattern.compile("\\s+");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\n\\s*");
    private static final Pattern PARENTHESISED = Pattern.compile("[(（].*?[)）]");
    private static final Pattern NAME_LABEL = Pattern.compile("(?:预算)?(?:部门|单位)名称");
    private static final Pattern PROJECT_LABEL = Pattern.compile("项目(?:支出)?名称");

    private final TableTitles.Titled titled;
    private final RecognitionDraft rec;
    private final String source;
    private final boolean project;
    private ScoreSheet sheet;
    private String scope = Figure.DEPARTMENT;
    /** The money unit of the funds block: its header's, else the title's (（单位：元）), else 万元. */
    private String fundsUnit = TableUnits.WAN;

    ScoreTable(TableTitles.Titled titled, RecognitionDraft rec) {
        this.titled = titled;
        this.rec = rec;
        this.source = titled.name();
        this.project = Attachment.PROJECT.equals(titled.kind());
    }

    /**
     * Column positions by meaning, counted from the right end of the header row; for a workbook also the sheet column
     * of each header cell, so a row is read at the header's column (a cell merged over it on the left reads as blank).
     */
    private record Columns(Map<String, Integer> fromRight, Map<String, Integer> sheetColumn) {
        String cell(Row row, String key) {
            int c = index(row, key);
            return c >= 0 ? row.text(c) : "";
        }

        int index(Row row, String key) {
            Integer sc = sheetColumn.get(key);
            if (sc != null && hasRefs(row)) {
                for (int c = 0; c < row.size(); c++) {
                    if (ScoreTable.sheetColumn(row.cells().get(c).ref()) == sc) return c;
                }
                return -1;
            }
            Integer r = fromRight.get(key);
            return r == null ? -1 : row.size() - 1 - r;
        }

        boolean has(String key) {
            return fromRight.containsKey(key);
        }
    }

    private static boolean hasRefs(Row row) {
        return !row.cells().isEmpty() && row.cells().stream().allMatch(c -> sheetColumn(c.ref()) >= 0);
    }

    /** "G12" → 6; -1 when there is no address. */
    static int sheetColumn(String ref) {
        if (ref == null || ref.isEmpty()) return -1;
        int col = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        return i == 0 ? -1 : col - 1;
    }

    void recognize() {
        List<Row> rows = titled.table().rows();
        String name = titled.title().isEmpty() ? source : titled.title();
        Columns funds = null;
        Columns indicators = null;
        Row fundsTotal = null;
        List<Row> fundSources = new ArrayList<>();
        boolean inSplits = false;
        boolean fundsDone = false;
        String level1 = "";
        String level2 = "";
        Set<String> groupsSeen = new HashSet<>();
        for (Row row : rows) {
            Cancellation.checkpoint();
            String joined = flat(String.join("|", row.cells().stream().map(c -> c.text()).toList()));
            String head = flat(row.text(0));
            if (funds == null && indicators == null && row.size() >= 2
                    && (NAME_LABEL.matcher(head).find() || PROJECT_LABEL.matcher(head).find() || head.equals("主管部门"))) {
                nameRow(row);
                continue;
            }
            if (joined.contains("年初预算") && joined.contains("全年预算") && (joined.contains("执行数") || joined.contains("执行率"))) {
                fundsUnit = TableUnits.of(row, titled.title());
                funds = columns(row, Map.of("年初预算", "年初预算", "全年预算", "全年预算", "执行数", "全年执行数", "分值", "分值", "执行率", "执行率", "得分", "得分"));
                continue;
            }
            if (joined.contains("一级指标") && (joined.contains("三级指标") || joined.contains("二级指标"))) {
                indicators = columns(row, Map.of("一级指标", "一级", "二级指标", "二级", "三级指标", "三级", "指标值", "目标",
                        "实际", "实际", "分值", "分值", "得分", "得分", "偏差", "原因", "原因", "原因"));
                continue;
            }
            if (indicators == null && funds != null) {
                if (joined.contains("按收入性质") || joined.contains("按支出性质")) {
                    inSplits = true;
                    continue;
                }
                if (joined.contains("年度总体目标") || joined.contains("绩效目标")) {
                    inSplits = false;
                    fundsDone = true;
                    continue;
                }
                if (fundsDone) continue;
                if (inSplits) {
                    splitRow(row);
                } else if (fundsTotal == null && (joined.contains("资金总额") || joined.contains("合计"))) {
                    fundsTotal = row;
                    countItem(Numbers.cellAmount(funds.cell(row, "分值")).orElse(null), Numbers.cellAmount(funds.cell(row, "得分")).orElse(null));
                } else if (fundsTotal != null) {
                    fundSources.add(row);
                }
                continue;
            }
            if (indicators == null) continue;
            String first = flat(row.text(0));
            if (first.startsWith("总分") || first.startsWith("合计") || joined.startsWith("总分") || joined.startsWith("|总分")) {
                totalRow(row, indicators);
                continue;
            }
            String l1 = flat(indicators.cell(row, "一级"));
            String l2 = flat(indicators.cell(row, "二级"));
            if (!l1.isEmpty()) {
                String canonical = canonicalLevel1(rec.vocabulary(), l1);
                if (!canonical.equals(level1)) level2 = "";
                level1 = canonical;
                if (groupsSeen.add(canonical)) {
                    Optional<Amount> stated = Numbers.statedPoints(l1);
                    ensureSheet(name);
                    rec.add(new IndicatorGroup(sheet.getId(), canonical, stated.orElse(null), null,
                            location(row, indicators.index(row, "一级"), l1, "一级指标", indicators.cell(row, "一级"))));
                }
            }
            if (!l2.isEmpty()) level2 = l2;
            indicatorRow(row, indicators, level1, level2, name);
        }
        ensureSheet(name);
        if (funds != null && fundsTotal != null) fundsRow(fundsTotal, funds, fundSources);
        resolveSplits();
    }

    private void ensureSheet(String name) {
        if (sheet != null) return;
        String id = source + "#" + titled.table().index();
        String kind = project ? ScoreSheet.PROJECT : ScoreSheet.OVERALL;
        sheet = new ScoreSheet(id, kind, project && !scope.equals(Figure.DEPARTMENT) ? scope : name,
                Sources.of(Location.table(null, source, null, null, titled.table().line(), name), titled.table()));
        rec.add(sheet);
    }

    private void nameRow(Row row) {
        for (int c = 0; c + 1 < row.size(); c += 2) {
            String label = flat(row.text(c));
            String value = row.text(c + 1).replace('\u3000', ' ').strip();
            if (value.isEmpty()) continue;
            if (PROJECT_LABEL.matcher(label).find()) {
                scope = WHITE.matcher(value).replaceAll("");
            } else if (NAME_LABEL.matcher(label).find()) {
                // 主管部门/实施单位 of a project may rightly name another body, so only the form's own name counts.
                rec.add(new Mention(Mention.UNIT, source, WHITE.matcher(value).replaceAll(""), null,
                        location(row, c + 1, label, label, value)));
            }
        }
    }

    private Columns columns(Row header, Map<String, String> words) {
        Map<String, Integer> fromRight = new LinkedHashMap<>();
        Map<String, Integer> sheetColumn = new LinkedHashMap<>();
        boolean refs = hasRefs(header);
        for (int c = 0; c < header.size(); c++) {
            String h = flat(header.text(c));
            for (Map.Entry<String, String> w : words.entrySet()) {
                if (h.contains(w.getKey()) && !fromRight.containsKey(w.getValue())) {
                    // "执行率" also contains "执行": keep the spend column to the header that says 执行数.
                    if (w.getKey().equals("执行数") && !h.contains("执行数")) continue;
                    fromRight.put(w.getValue(), header.size() - 1 - c);
                    if (refs) sheetColumn.put(w.getValue(), sheetColumn(header.cells().get(c).ref()));
                }
            }
        }
        return new Columns(fromRight, sheetColumn);
    }

    private void fundsRow(Row row, Columns cols, List<Row> sources) {
        Optional<Amount> initial = TableUnits.money(cols.cell(row, "年初预算"), fundsUnit);
        Optional<Amount> budget = TableUnits.money(cols.cell(row, "全年预算"), fundsUnit);
        Optional<Amount> spent = TableUnits.money(cols.cell(row, "全年执行数"), fundsUnit);
        Optional<Amount> weight = Numbers.cellAmount(cols.cell(row, "分值"));
        Optional<Amount> score = Numbers.cellAmount(cols.cell(row, "得分"));
        Optional<Amount> rate = Numbers.percent(cols.cell(row, "执行率"));
        String rowName = "年度资金总额";
        String group = fundsGroup();
        initial.ifPresent(a -> rec.add(new Figure(Subjects.TOTAL, Figure.INITIAL_BUDGET, scope, source, group, a, location(row, cols.index(row, "年初预算"), rowName, "年初预算数", a.getText()))));
        budget.ifPresent(a -> rec.add(new Figure(Subjects.TOTAL, Figure.BUDGET, scope, source, group, a, location(row, cols.index(row, "全年预算"), rowName, "全年预算数", a.getText()))));
        spent.ifPresent(a -> rec.add(new Figure(Subjects.TOTAL, Figure.SPENT, scope, source, group, a, location(row, cols.index(row, "全年执行数"), rowName, "全年执行数", a.getText()))));
        Location rateLoc = location(row, cols.index(row, "执行率"), rowName, "执行率", cols.cell(row, "执行率"));
        sheet.setFunds(budget.orElse(null), spent.orElse(null), rate.orElse(null), rateLoc);
        if (rate.isPresent() && budget.isPresent() && spent.isPresent()) {
            rec.add(new RateClaim(RateClaim.EXECUTION, project ? scope : Subjects.TOTAL, rate.get(), spent.get(), budget.get(), rateLoc));
        }
        if (weight.isPresent() || score.isPresent()) {
            rec.add(new IndicatorGroup(sheet.getId(), Indicator.RATE_ITEM, weight.orElse(null), null, location(row, cols.index(row, "分值"), rowName, "分值", cols.cell(row, "分值"))));
            rec.add(IndicatorValues.indicator(sheet.getId(), Indicator.RATE_ITEM, "", "", "", cols.cell(row, "执行率"),
                    weight.orElse(null), score.orElse(null), "", location(row, cols.index(row, "得分"), rowName, "得分", cols.cell(row, "得分"))));
        }
        fundSources(row, cols, sources);
    }

    /** "其中：当年财政拨款 / 上年结转资金 / 其他资金" rows under the funds total. */
    private void fundSources(Row totalRow, Columns cols, List<Row> sources) {
        String[][] columns = {{"年初预算", Figure.INITIAL_BUDGET, "年初预算数"}, {"全年预算", Figure.BUDGET, "全年预算数"}, {"全年执行数", Figure.SPENT, "全年执行数"}};
        for (String[] col : columns) {
            Optional<Amount> total = TableUnits.money(cols.cell(totalRow, col[0]), fundsUnit);
            if (total.isEmpty()) continue;
            List<Figure> parts = new ArrayList<>();
            boolean any = false;
            for (Row r : sources) {
                String label = sourceLabel(r, cols);
                if (label.isEmpty()) continue;
                Optional<Amount> v = TableUnits.money(cols.cell(r, col[0]), fundsUnit);
                any |= v.isPresent();
                Amount a = v.orElse(Amount.blankZero());
                parts.add(new Figure(label, col[1], scope, source, source + "#sources", a, location(r, cols.index(r, col[0]), label, col[2], a.getText())));
            }
            if (!any) continue;
            Figure t = new Figure(Subjects.TOTAL, col[1], scope, source, source + "#sources", total.get(), location(totalRow, cols.index(totalRow, col[0]), "年度资金总额", col[2], total.get().getText()));
            rec.add(new Breakdown("资金来源", t, parts, t.getLocation()));
        }
    }

    /** The label of a funds-source row: the non-numeric cell left of the first amount column. */
    private static String sourceLabel(Row r, Columns cols) {
        int first = Integer.MAX_VALUE;
        for (String k : List.of("年初预算", "全年预算", "全年执行数")) {
            int i = cols.index(r, k);
            if (i >= 0) first = Math.min(first, i);
        }
        for (int c = Math.min(first, r.size()) - 1; c >= 0; c--) {
            String t = Subjects.compact(r.text(c));
            if (!t.isEmpty()) return t;
        }
        return "";
    }

    /** Split cells: column 1 by income (一般公共预算：1224.79), column 2 by spend type (基本支出：1163.78). */
    private final List<Figure> incomeParts = new ArrayList<>();
    private final List<Figure> spendParts = new ArrayList<>();

    private void splitRow(Row row) {
        int filled = 0;
        for (int c = 0; c < row.size(); c++) {
            String text = Numbers.flat(row.text(c));
            if (text.isEmpty()) continue;
            filled++;
            Matcher m = SPLIT_CELL.matcher(text);
            if (!m.matches()) continue;
            String label = Subjects.compact(m.group(1));
            Amount value = Numbers.money(m.group(2), m.group(3) != null ? m.group(3) : (TableUnits.YUAN.equals(fundsUnit) ? TableUnits.YUAN : null), m.group(2));
            String subject = rec.subjects().canonical(label).orElse(rec.vocabulary().incomeSource(label));
            boolean spendSide = subject.equals(Subjects.BASIC) || subject.equals(Subjects.PROJECT);
            Figure f = new Figure(subject, Figure.SPENT, scope, source, source + (spendSide ? "#按支出性质分" : "#按收入性质分"), value,
                    location(row, c, spendSide ? "按支出性质分" : "按收入性质分", label, row.text(c)));
            (spendSide ? spendParts : incomeParts).add(f);
        }
    }

    /** The group of this table's 年度资金总额 row: its figures are compared with each other, and the splits with them. */
    private String fundsGroup() {
        return source + "#funds";
    }

    /**
     * A split adds up to one of the funds columns; its parts take that column's measure (执行 first, as most
     * forms split the spend). When it matches none, it is compared with 全年执行数 and the rules report the gap.
     */
    private void resolveSplits() {
        List<Figure> totals = rec.factsOf(Figure.class).stream()
                .filter(f -> f.getSource().equals(source) && f.getSubject().equals(Subjects.TOTAL) && f.getGroup().equals(fundsGroup())).toList();
        resolve("按收入性质分", incomeParts, totals);
        resolve("按支出性质分", spendParts, totals);
    }

    private void resolve(String name, List<Figure> parts, List<Figure> totals) {
        if (parts.isEmpty() || totals.isEmpty()) return;
        Figure chosen = null;
        for (String measure : List.of(Figure.SPENT, Figure.BUDGET, Figure.INITIAL_BUDGET)) {
            for (Figure t : totals) {
                if (t.getMeasure().equals(measure) && chosen == null && Intervals.sumOverlaps(t.getValue(), parts.stream().map(Figure::getValue).toList(), BigDecimal.ZERO)) {
                    chosen = t;
                }
            }
        }
        if (chosen == null) {
            chosen = totals.stream().filter(t -> t.getMeasure().equals(Figure.SPENT)).findFirst().orElse(totals.get(0));
        }
        List<Figure> measured = new ArrayList<>();
        for (Figure p : parts) {
            Figure f = new Figure(p.getSubject(), chosen.getMeasure(), p.getScope(), p.getSource(), p.getGroup(), p.getValue(), p.getLocation());
            measured.add(f);
            rec.add(f);
        }
        rec.add(new Breakdown(name, chosen, measured, measured.get(0).getLocation()));
    }

    private void indicatorRow(Row row, Columns cols, String level1, String level2, String name) {
        String level3 = cols.cell(row, "三级").strip();
        String target = cols.cell(row, "目标").strip();
        String actual = cols.cell(row, "实际").strip();
        String weightText = cols.cell(row, "分值");
        String scoreText = cols.cell(row, "得分");
        String reason = cols.cell(row, "原因").strip();
        if (level3.isEmpty() && target.isEmpty() && actual.isEmpty() && weightText.isBlank() && scoreText.isBlank()) return;
        ensureSheet(name);
        Optional<Amount> weight = Numbers.cellAmount(weightText);
        Optional<Amount> score = Numbers.cellAmount(scoreText);
        String rowName = level3.isEmpty() ? level2 : WHITE.matcher(level3).replaceAll("");
        countItem(weight.orElse(null), score.orElse(null));
        rec.add(IndicatorValues.indicator(sheet.getId(), level1, level2, LINE_BREAK.matcher(level3).replaceAll(""), target, actual,
                weight.orElse(null), score.orElse(null), reason,
                location(row, cols.index(row, "得分"), rowName, "得分", rowExcerpt(target, actual, weightText, scoreText))));
    }

    /** The row as a reviewer reads it: "指标值 ≥98% ｜ 实际 95% ｜ 分值 10 ｜ 得分 8". */
    private static String rowExcerpt(String target, String actual, String weight, String score) {
        return "指标值 " + WHITE.matcher(target).replaceAll(" ") + " ｜ 实际 " + WHITE.matcher(actual).replaceAll(" ")
                + " ｜ 分值 " + weight.strip() + " ｜ 得分 " + score.strip();
    }

    /**
     * The 总分 row: its 分值 (100) under the 分值 column and the self-score under 得分, read by column. A blank 得分
     * cell is a missing self-score, not the 100 beside it. Only when the numbers do not stand in those columns (a
     * rendering dropped blank cells) are they taken in header order, and a lone number is placed by what it equals:
     * the items' scores (a score) or only their weights (the 分值; the score is then missing).
     */
    private void totalRow(Row row, Columns cols) {
        List<Integer> numeric = new ArrayList<>();
        for (int c = 0; c < row.size(); c++) {
            if (Numbers.cellAmount(row.text(c)).isPresent()) numeric.add(c);
        }
        if (numeric.isEmpty()) return;
        int wi = cols.index(row, "分值");
        int si = cols.index(row, "得分");
        Amount weight;
        Amount score;
        if (cols.has("分值") && cols.has("得分") && numeric.stream().allMatch(c -> c == wi || c == si)) {
            weight = wi >= 0 ? Numbers.cellAmount(row.text(wi)).orElse(null) : null;
            score = si >= 0 ? Numbers.cellAmount(row.text(si)).orElse(null) : null;
        } else {
            List<Amount> numbers = numeric.stream().map(c -> Numbers.cellAmount(row.text(c)).orElseThrow()).toList();
            boolean scoreFirst = cols.has("分值") && cols.has("得分")
                    && cols.fromRight().get("得分") > cols.fromRight().get("分值");
            if (numbers.size() >= 2) {
                weight = numbers.get(scoreFirst ? 1 : 0);
                score = numbers.get(scoreFirst ? 0 : 1);
            } else {
                Amount only = numbers.get(0);
                boolean isScoreSum = itemScores != null && ScoreTable.same(only, itemScores);
                boolean isWeightSum = itemWeights != null && ScoreTable.same(only, itemWeights);
                weight = isWeightSum ? only : null;
                score = isWeightSum && !isScoreSum ? null : only;
            }
        }
        if (weight == null && score == null) return;
        ensureSheet(titled.title());
        Amount at = score != null ? score : weight;
        sheet.setTotal(weight, score, location(row, score != null ? si : wi, "总分", "得分", at.getText()));
    }

    /** Sums of the item weights and scores read so far (the rate item included), for placing a lone 总分 number. */
    private BigDecimal itemWeights;
    private BigDecimal itemScores;

    private void countItem(Amount weight, Amount score) {
        if (weight != null) itemWeights = (itemWeights == null ? BigDecimal.ZERO : itemWeights).add(weight.getValue());
        if (score != null) itemScores = (itemScores == null ? BigDecimal.ZERO : itemScores).add(score.getValue());
    }

    private static boolean same(Amount a, BigDecimal b) {
        return a.getValue().subtract(b).abs().compareTo(new BigDecimal("0.005")) <= 0;
    }

    /** 产出指标(50分) → 产出指标: a standard first-level name of the vocabulary, else the text without its points. */
    static String canonicalLevel1(Vocabulary vocabulary, String l1) {
        String s = flat(l1);
        String standard = vocabulary.standardLevel1(s);
        return standard != null ? standard : PARENTHESISED.matcher(s).replaceAll("");
    }

    private Location location(Row row, String rowName, String column, String excerpt) {
        return Sources.of(Location.table(null, source, rowName, column, row.line(), excerpt == null ? null : excerpt.strip()),
                titled.table(), row, excerpt);
    }

    /** A location at a known cell of the row (its index from the left; for Excel the cell address comes with it). */
    private Location location(Row row, int col, String rowName, String column, String excerpt) {
        return Sources.of(Location.table(null, source, rowName, column, row.line(), excerpt == null ? null : excerpt.strip()),
                titled.table(), row, col);
    }

    static String flat(String s) {
        return Numbers.flat(s);
    }
}
