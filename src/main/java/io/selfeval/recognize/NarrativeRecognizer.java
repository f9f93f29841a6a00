package io.selfeval.recognize;

import io.selfeval.document.Paragraph;
import io.selfeval.model.Amount;
import io.selfeval.model.Breakdown;
import io.selfeval.model.Figure;
import io.selfeval.model.Location;
import io.selfeval.model.Mention;
import io.selfeval.model.RateClaim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claims in the report's sentences: amounts with their subject and measure ("全年实际支出1253.78万元，其中：基本支出
 * 1144.41万元"), totals with their "其中" parts, stated rates, the self-score, the grade, the unit's short name.
 */
final class NarrativeRecognizer {
    /** Compiled once: the split after each sentence-ending mark. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？!?])");
    private static final Pattern MONEY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(万元|亿元|元)");
    private static final Pattern MEASURE = Pattern.compile("(年初预算)|(预算(?:支出|执行))|(预算|预计安排)|(实际支出|支出|执行|决算|使用|共计|合计)");
    private static final Pattern RATE = Pattern.compile(
            "(?:预算)?执行率(?:为|达到?|是)?\\s*(\\d+(?:\\.\\d+)?)%|完成(?:全年)?(?:预算|预算安排|全年预算)的\\s*(\\d+(?:\\.\\d+)?)%|经费控制率(?:为)?\\s*(\\d+(?:\\.\\d+)?)%");
    private static final Pattern SELF_SCORE = Pattern.compile("(?:自评|评价|总)?(?:得分|评分|分数)(?:为|是|：|:)?\\s*(\\d+(?:\\.\\d+)?)\\s*分");
    private static final Pattern SELF_SCORE_CONTEXT = Pattern.compile("自评|整体支出绩效|整体绩效|总分|综合得分|综合评分");
    private static final Pattern ITEM_SCORE_BEFORE = Pattern.compile("分值\\s*\\d+(?:\\.\\d+)?\\s*分\\s*[，,]\\s*$");
    private static final Pattern GRADE = Pattern.compile(
            "(?:等级|等次|评价结果|评定为|自评结果)\\s*(?:为|是|：|:)?\\s*[“\"]?(优秀|良好|中等|较差|及格|不及格|优|良|中|差)(?![^”\"，。；]{2})"
                    + "|绩效(?:为|是)\\s*[“\"](优秀|良好|中等|较差|及格|不及格|优|良|中|差)[”\"]");
    private static final Pattern ALIAS = Pattern.compile("([\\p{IsHan}（）()]{4,40}?)[（(]以下简称[“\"]?([\\p{IsHan}]{2,12})[”\"]?[)）]");
    private static final Pattern UNIT_ENDING = Pattern.compile("(?:办公室|局|委员会|中心|委|院|所|站|队|会|部|厅|处|馆|校|政府|办)$");
    private static final int EXCERPT = 36;
    /** Staffing: "共有编制65人" (not 行政编制/事业编制, which are parts), "实有在职人员56人", "实有人数54人". */
    private static final Pattern STAFF_QUOTA = Pattern.compile("(?<![行政事业工勤参公])编制(?:数|人数)?(?:为|共)?\\s*(\\d+)\\s*(?:人|名)");
    private static final Pattern STAFF_ACTUAL = Pattern.compile("(?:实有|实际)?在职(?:人员|人数)?(?:为|共)?\\s*(\\d+)\\s*(?:人|名)|实有人数(?:为)?\\s*(\\d+)\\s*(?:人|名)");
    /** A lead naming an earlier year ("较上年支出", "上年同期"), but not 上年结转/上年结余 funds of this year. */
    private static final Pattern PRIOR_YEAR = Pattern.compile("上年(?!结转|结余)|上一年|去年|同期");
    private static final Pattern LEAD_YEAR = Pattern.compile("(20\\d{2})\\s*年");
    /** A lead ending in a change word: the amount is a difference ("较上年增加10万元", "减少支出5万元"), not a figure. */
    private static final Pattern CHANGE = Pattern.compile("(?:增加|减少|增长|下降|降低|节约|节省|超支|相差|差额|调增|调减)了?(?:支出|经费|资金)?(?:为|了)?\\s*$");

    private final Outline outline;
    private final Recognition rec;
    private int group;

    NarrativeRecognizer(Outline outline, Recognition rec) {
        this.outline = outline;
        this.rec = rec;
    }

    void recognize(List<Paragraph> body) {
        for (Paragraph p : body) {
            String text = Numbers.normalize(p.text());
            List<Placed> paragraphFigures = new ArrayList<>();
            int offset = 0;
            for (String sentence : SENTENCE_END.split(text)) {
                sentence(p, sentence, offset, paragraphFigures);
                offset += sentence.length();
            }
            rates(p, text, paragraphFigures);
            selfScore(p, text);
            staffing(p, text);
            grade(p, text);
            alias(p, text);
        }
    }

    private Location where(Paragraph p, String text, int start, int end) {
        int from = Math.max(0, start - EXCERPT / 2);
        int to = Math.min(text.length(), end + EXCERPT / 2);
        String excerpt = (from > 0 ? "…" : "") + text.substring(from, to).strip() + (to < text.length() ? "…" : "");
        return Sources.of(Location.narrative(outline.topSectionAt(p.line()), p.line(), excerpt), p);
    }

    /** Amounts in one sentence, with the totals and "其中" parts they form. */
    /** A figure and where in its paragraph it was written. */
    private record Placed(Figure figure, int at) {
    }

    private void sentence(Paragraph p, String sentence, int offset, List<Placed> paragraphFigures) {
        String fullText = Numbers.normalize(p.text());
        String g = "正文#" + (++group);
        Matcher m = MONEY.matcher(sentence);
        int pos = 0;
        String sentenceSubject = null;
        Figure lastTotal = null;
        Figure breakdownTotal = null;
        List<Figure> parts = new ArrayList<>();
        while (m.find()) {
            String lead = sentence.substring(pos, m.start());
            pos = m.end();
            if (notThisYearsFigure(lead)) continue;
            Optional<Subjects.Found> found = Subjects.last(lead);
            String measure = measure(Subjects.strip(lead));
            boolean startsParts = lead.contains("其中");
            Amount value = Numbers.money(m.group(1), m.group(2), m.group());
            Location loc = where(p, fullText, offset + m.start(), offset + m.end());
            if (startsParts && lastTotal != null) {
                closeBreakdown(breakdownTotal, parts);
                breakdownTotal = lastTotal;
                parts = new ArrayList<>();
            } else if (breakdownTotal != null && measure != null && !measure.equals(breakdownTotal.getMeasure())) {
                closeBreakdown(breakdownTotal, parts);
                breakdownTotal = null;
                parts = new ArrayList<>();
            }
            if (breakdownTotal != null) {
                String subject = found.map(Subjects.Found::subject).orElse(partLabel(lead));
                if (subject.isEmpty()) continue;
                Figure f = new Figure(subject, breakdownTotal.getMeasure(), Figure.DEPARTMENT, Figure.NARRATIVE, g, value, loc);
                parts.add(f);
                if (found.isPresent()) rec.add(f);
                continue;
            }
            String subject = found.map(Subjects.Found::subject).orElse(null);
            if (subject == null && measure != null) {
                subject = sentenceSubject != null ? sentenceSubject : sectionSubject(p).orElse(Subjects.TOTAL);
            }
            if (subject == null) continue;
            if (found.isPresent()) sentenceSubject = subject;
            Figure f = new Figure(subject, measure == null ? Figure.SPENT : measure, Figure.DEPARTMENT, Figure.NARRATIVE, g, value, loc);
            rec.add(f);
            paragraphFigures.add(new Placed(f, offset + m.start()));
            lastTotal = f;
        }
        closeBreakdown(breakdownTotal, parts);
    }

    /**
     * Whether the amount after this lead is an earlier year's figure or a difference, not one of this year's figures.
     * Only the lead's last clause counts: "较上年有所增长，全年实际支出490万元" is this year's.
     */
    private boolean notThisYearsFigure(String lead) {
        if (CHANGE.matcher(lead).find()) return true;
        String clause = lead.replaceAll(".*[，,；;：:]", "");
        if (PRIOR_YEAR.matcher(clause).find()) return true;
        Integer year = reportYear();
        if (year == null) return false;
        Matcher y = LEAD_YEAR.matcher(clause);
        while (y.find()) {
            if (Integer.parseInt(y.group(1)) < year) return true;
        }
        return false;
    }

    /** The fiscal year of the title, read before the body. */
    private Integer reportYear() {
        return rec.factsOf(Mention.class).stream().filter(m -> m.getKind().equals(Mention.YEAR) && m.getWhere().equals("标题"))
                .map(m -> Integer.valueOf(m.getText())).max(Integer::compare).orElse(null);
    }

    private void closeBreakdown(Figure total, List<Figure> parts) {
        if (total == null || parts.isEmpty()) return;
        rec.add(new Breakdown(total.getSubject(), total, parts, total.getLocation()));
    }

    private Optional<String> sectionSubject(Paragraph p) {
        String heading = outline.nearestHeadingAt(p.line());
        // "二、一般公共预算支出情况" heads the whole spend: amounts under it are totals, not the 一般公共预算 split.
        return heading == null ? Optional.empty()
                : Subjects.last(heading).map(Subjects.Found::subject).filter(s -> !s.equals(Subjects.GENERAL_BUDGET));
    }

    /** The measure a lead names last: 年初预算, 全年预算 or 执行; null when it names none. */
    static String measure(String lead) {
        Matcher m = MEASURE.matcher(lead);
        String measure = null;
        while (m.find()) {
            if (m.group(1) != null) measure = Figure.INITIAL_BUDGET;
            else if (m.group(2) != null || m.group(4) != null) measure = Figure.SPENT;
            else measure = Figure.BUDGET;
        }
        return measure;
    }

    /** The name of an unnamed "其中" part: "、业务工作经费支出" → 业务工作经费. */
    static String partLabel(String lead) {
        String s = lead.replaceAll(".*[，,、；;：:]", "").replaceAll("^其中", "").strip();
        s = s.replaceAll("支出$", "");
        return s.length() > 20 ? "" : s;
    }

    /** A stated rate is checked against the last spent figure before it and that subject's full-year budget. */
    private void rates(Paragraph p, String text, List<Placed> figures) {
        Matcher m = RATE.matcher(text);
        while (m.find()) {
            String pct = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            int at = m.start();
            Figure spent = null;
            for (Placed f : figures) {
                if (f.figure().getMeasure().equals(Figure.SPENT) && f.at() < at) spent = f.figure();
            }
            if (spent == null) continue;
            Figure budget = null;
            for (Placed f : figures) {
                Figure b = f.figure();
                if (b.getMeasure().equals(Figure.BUDGET) && b.getSubject().equals(spent.getSubject()) && f.at() < at) budget = b;
            }
            if (budget == null) continue;
            Amount stated = new Amount(new java.math.BigDecimal(pct), pct + "%", "%");
            rec.add(new RateClaim(RateClaim.EXECUTION, spent.getSubject(), stated, spent.getValue(), budget.getValue(),
                    where(p, text, m.start(), m.end())));
        }
    }

    /** The first 编制 and 在职 head counts of a paragraph, to compare with the 基础数据表. */
    private void staffing(Paragraph p, String text) {
        staffCount(p, text, STAFF_QUOTA, Subjects.STAFF_QUOTA);
        staffCount(p, text, STAFF_ACTUAL, Subjects.STAFF_ACTUAL);
    }

    private void staffCount(Paragraph p, String text, Pattern pattern, String subject) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) return;
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        rec.add(new Figure(subject, Figure.HEADCOUNT, Figure.DEPARTMENT, Figure.NARRATIVE, "正文#staff",
                new Amount(new java.math.BigDecimal(n), n + "人", Amount.PEOPLE), where(p, text, m.start(), m.end())));
    }

    private void selfScore(Paragraph p, String text) {
        for (String sentence : SENTENCE_END.split(text)) {
            if (!SELF_SCORE_CONTEXT.matcher(sentence).find()) continue;
            Matcher m = SELF_SCORE.matcher(sentence);
            while (m.find()) {
                if (ITEM_SCORE_BEFORE.matcher(sentence.substring(0, m.start())).find()) continue;
                Amount score = Amount.of(m.group(1), "分");
                if (score.getValue().compareTo(java.math.BigDecimal.valueOf(100)) > 0) continue;
                int at = text.indexOf(sentence) + m.start();
                rec.add(new Mention(Mention.SELF_SCORE, "正文", m.group(), score, where(p, text, at, at + m.group().length())));
                rec.statedSelfScore(score);
                return;
            }
        }
    }

    private void grade(Paragraph p, String text) {
        Matcher m = GRADE.matcher(text);
        if (m.find()) {
            String grade = m.group(1) != null ? m.group(1) : m.group(2);
            rec.add(new Mention(Mention.GRADE, "正文", grade, null, where(p, text, m.start(), m.end())));
        }
    }

    private void alias(Paragraph p, String text) {
        Matcher m = ALIAS.matcher(text);
        while (m.find()) {
            String full = m.group(1).replaceAll("^.*[，,。：:]", "");
            Location loc = where(p, text, m.start(), m.end());
            rec.add(new Mention(Mention.ALIAS, "正文", m.group(2), null, loc));
            if (UNIT_ENDING.matcher(full).find()) rec.add(new Mention(Mention.UNIT, "正文", full, null, loc));
        }
    }
}
