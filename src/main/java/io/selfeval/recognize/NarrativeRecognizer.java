package io.selfeval.recognize;

import io.selfeval.document.Cancellation;
import io.selfeval.document.Paragraph;
import io.selfeval.model.Amount;
import io.selfeval.model.Figure;
import io.selfeval.model.Location;
import io.selfeval.model.Mention;
import io.selfeval.model.RateClaim;

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
    private static final Pattern SELF_SCORE = Pattern.compile("(?:自评|评价|总)?(?:得分|评分|分数)(?:为|是|：|:)?\\s*(\\d+(?:\\.\\d+)?)\\s*分");
    private static final Pattern SELF_SCORE_CONTEXT = Pattern.compile("自评|整体支出绩效|整体绩效|总分|综合得分|综合评分");
    private static final Pattern ITEM_SCORE_BEFORE = Pattern.compile("分值\\s*\\d+(?:\\.\\d+)?\\s*分\\s*[，,]\\s*$");
    private static final Pattern GRADE = Pattern.compile(
            "(?:等级|等次|评价结果|评定为|自评结果)\\s*(?:为|是|：|:)?\\s*[“\"]?(优秀|良好|中等|较差|及格|不及格|优|良|中|差)(?![^”\"，。；]{2})"
                    + "|绩效(?:为|是)\\s*[“\"](优秀|良好|中等|较差|及格|不及格|优|良|中|差)[”\"]");
    private static final List<String> GRADE_WORDS = List.of("等级", "等次", "评价结果", "评定为", "自评结果", "绩效");
    private static final Pattern ALIAS = Pattern.compile("([\\p{IsHan}（）()]{4,40}?)[（(]以下简称[“\"]?([\\p{IsHan}]{2,12})[”\"]?[)）]");
    private static final Pattern UNIT_ENDING = Pattern.compile("(?:办公室|局|委员会|中心|委|院|所|站|队|会|部|厅|处|馆|校|政府|办)$");
    private static final int EXCERPT = 36;
    private static final Pattern BODY_YEAR = Pattern.compile("(20\\d{2})\\s*年(?!\\d{1,2}月)");
    /** Headings of the parts about budget and spend, where an unlabelled total is the unit's. */
    private static final Pattern SPEND_HEADING = Pattern.compile("支出|预算|收支|资金|经费|财务");
    /** Staffing: "共有编制65人" (not 行政编制/事业编制, which are parts), "实有在职人员56人", "实有人数54人". */
    private static final Pattern STAFF_QUOTA = Pattern.compile("(?<![行政事业工勤参公])编制(?:数|人数)?(?:为|共)?\\s*(\\d+)\\s*(?:人|名)");
    private static final Pattern STAFF_ACTUAL = Pattern.compile("(?:实有|实际)?在职(?:人员|人数)?(?:为|共)?\\s*(\\d+)\\s*(?:人|名)|实有人数(?:为)?\\s*(\\d+)\\s*(?:人|名)");

    private final Outline outline;
    private final RecognitionDraft rec;
    private int group;

    NarrativeRecognizer(Outline outline, RecognitionDraft rec) {
        this.outline = outline;
        this.rec = rec;
    }

    void recognize(List<Paragraph> body) {
        Integer year = reportYear(body);
        for (Paragraph p : body) {
            Cancellation.checkpoint();
            String text = Numbers.normalize(p.text());
            AmountGrammar.read(text, context(p, text, year), rec);
            selfScore(p, text);
            staffing(p, text);
            grade(p, text);
            alias(p, text);
        }
    }

    private AmountGrammar.Context context(Paragraph p, String text, Integer year) {
        return new AmountGrammar.Context() {
            public Location where(int start, int end) {
                return NarrativeRecognizer.this.where(p, text, start, end);
            }

            public String sectionSubject() {
                return NarrativeRecognizer.this.sectionSubject(p).orElse(null);
            }

            public boolean spendSection() {
                String top = outline.topSectionAt(p.line());
                String near = outline.nearestHeadingAt(p.line());
                return (top != null && SPEND_HEADING.matcher(top).find()) || (near != null && SPEND_HEADING.matcher(near).find());
            }

            public Integer reportYear() {
                return year;
            }

            public String newGroup() {
                return "正文#" + (++group);
            }
        };
    }

    private Location where(Paragraph p, String text, int start, int end) {
        int from = Math.max(0, start - EXCERPT / 2);
        int to = Math.min(text.length(), end + EXCERPT / 2);
        String excerpt = (from > 0 ? "…" : "") + text.substring(from, to).strip() + (to < text.length() ? "…" : "");
        return Sources.of(Location.narrative(outline.topSectionAt(p.line()), p.line(), excerpt), p);
    }

    /** The fiscal year of the title, read before the body. */
    /**
     * The fiscal year of the title, read before the body; without one, the year the body names most often as "20xx年度"
     * or "20xx年" (the report's own year dominates its text), so that an earlier year's figures are still known as such.
     */
    private Integer reportYear(List<Paragraph> body) {
        Integer title = rec.factsOf(Mention.class).stream().filter(m -> m.getKind().equals(Mention.YEAR) && m.getWhere().equals("标题"))
                .map(m -> Integer.valueOf(m.getText())).max(Integer::compare).orElse(null);
        if (title != null) return title;
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (Paragraph p : body) {
            Matcher m = BODY_YEAR.matcher(Numbers.normalize(p.text()));
            while (m.find()) counts.merge(Integer.valueOf(m.group(1)), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(java.util.Map.Entry::getKey)).map(java.util.Map.Entry::getKey).orElse(null);
    }

    private Optional<String> sectionSubject(Paragraph p) {
        String heading = outline.nearestHeadingAt(p.line());
        // "二、一般公共预算支出情况" heads the whole spend: amounts under it are totals, not the 一般公共预算 split.
        return heading == null ? Optional.empty()
                : rec.subjects().last(heading).map(Subjects.Found::subject).filter(s -> !s.equals(Subjects.GENERAL_BUDGET));
    }

    /**
     * The first 编制 and 在职 head counts of a paragraph, to compare with the 基础数据表, and the control rate stated
     * after both ("核定编制53人，实有在职人员52人，编制控制率98.11%").
     */
    private void staffing(Paragraph p, String text) {
        // The words each pattern needs, looked for first: most paragraphs say nothing of staff.
        Counted quota = text.contains("编制") ? staffCount(p, text, STAFF_QUOTA, Subjects.STAFF_QUOTA) : null;
        Counted actual = text.contains("在职") || text.contains("实有人数")
                ? staffCount(p, text, STAFF_ACTUAL, Subjects.STAFF_ACTUAL) : null;
        if (quota == null || actual == null || quota.figure().getValue().isZero()) return;
        Matcher m = NarrativeVocabulary.STAFF_RATE.matcher(text);
        if (!m.find(Math.max(quota.end(), actual.end()))) return;
        Amount stated = new Amount(new java.math.BigDecimal(m.group(1)), m.group(1) + "%", "%");
        rec.add(new RateClaim(RateClaim.STAFF, "财政供养人员", stated, actual.figure().getValue(), quota.figure().getValue(),
                where(p, text, m.start(), m.end())));
    }

    /** A head count and where its mention ends in the paragraph. */
    private record Counted(Figure figure, int end) {
    }

    private Counted staffCount(Paragraph p, String text, Pattern pattern, String subject) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) return null;
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        Figure f = new Figure(subject, Figure.HEADCOUNT, Figure.DEPARTMENT, Figure.NARRATIVE, "正文#staff",
                new Amount(new java.math.BigDecimal(n), n + "人", Amount.PEOPLE), where(p, text, m.start(), m.end()));
        rec.add(f);
        return new Counted(f, m.end());
    }

    private void selfScore(Paragraph p, String text) {
        if (text.indexOf('分') < 0 || !SELF_SCORE_CONTEXT.matcher(text).find()) return; // no score said here
        for (String sentence : SENTENCE_END.split(text)) {
            if (!SELF_SCORE_CONTEXT.matcher(sentence).find()) continue;
            Matcher m = SELF_SCORE.matcher(sentence);
            while (m.find()) {
                if (ITEM_SCORE_BEFORE.matcher(sentence.substring(0, m.start())).find()) continue;
                Amount score = Amount.of(m.group(1), "分");
                if (score.getValue().compareTo(java.math.BigDecimal.valueOf(100)) > 0) continue;
                int at = text.indexOf(sentence) + m.start();
                rec.add(new Mention(Mention.SELF_SCORE, "正文", m.group(), score, where(p, text, at, at + m.group().length())));
                rec.narrativeSelfScore(score);
                return;
            }
        }
    }

    private void grade(Paragraph p, String text) {
        if (GRADE_WORDS.stream().noneMatch(text::contains)) return; // the words GRADE needs; most paragraphs have none
        Matcher m = GRADE.matcher(text);
        if (m.find()) {
            String grade = m.group(1) != null ? m.group(1) : m.group(2);
            rec.add(new Mention(Mention.GRADE, "正文", grade, null, where(p, text, m.start(), m.end())));
        }
    }

    private void alias(Paragraph p, String text) {
        if (!text.contains("以下简称")) return; // the lazy pattern is costly; most paragraphs have no short name
        Matcher m = ALIAS.matcher(text);
        while (m.find()) {
            String full = m.group(1).replaceAll("^.*[，,。：:]", "");
            Location loc = where(p, text, m.start(), m.end());
            rec.add(new Mention(Mention.ALIAS, "正文", m.group(2), null, loc));
            if (UNIT_ENDING.matcher(full).find()) rec.add(new Mention(Mention.UNIT, "正文", full, null, loc));
        }
    }
}
