package io.selfeval.recognize;

import io.selfeval.document.Cancellation;
import io.selfeval.document.Paragraph;
import io.selfeval.model.Amount;
import io.selfeval.model.Indicator;
import io.selfeval.model.IndicatorGroup;
import io.selfeval.model.Location;
import io.selfeval.model.RateClaim;
import io.selfeval.model.ScoreSheet;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scoring written in the narrative instead of a table (seed 002): group headings such as
 * "(二)产出指标(分值50分，得50分，未扣分)" and items such as
 * "1、督查工作，年度指标值：…，实际完成值：…，分值10分，得分10分。".
 */
final class NarrativeScores {
    private static final Pattern GROUP = Pattern.compile(
            "^\\s*(?:[（(]?[一二三四五六七八九十\\d]{1,3}[)）、.．]\\s*)?([^（(，,。]{2,12}?)\\s*[（(]\\s*分值\\s*(\\d+(?:\\.\\d+)?)\\s*分\\s*[，,]\\s*得(?:分)?\\s*(\\d+(?:\\.\\d+)?)\\s*分");
    private static final Pattern ITEM = Pattern.compile(
            "^\\s*(?:\\d{1,2}[、.．]\\s*)?([^，,]{1,40})[，,]\\s*(?:年度)?指标值[:：]\\s*(.*?)[，,]\\s*实际完成值?[:：]\\s*(.*?)[，,]\\s*分值\\s*(\\d+(?:\\.\\d+)?)\\s*分[，,]\\s*得分?\\s*(\\d+(?:\\.\\d+)?)\\s*分");

    private static final Pattern BARE_RATE = Pattern.compile("执行率(?:为|达到?|是)?\\s*(\\d+(?:\\.\\d+)?)%");

    private final Outline outline;
    private final RecognitionDraft rec;
    private ScoreSheet sheet;

    NarrativeScores(Outline outline, RecognitionDraft rec) {
        this.outline = outline;
        this.rec = rec;
    }

    void recognize(List<Paragraph> body) {
        String group = "";
        Indicator rateItem = null;
        int rateLine = -1;
        for (int i = 0; i < body.size(); i++) {
            Paragraph p = body.get(i);
            String text = Numbers.normalize(p.text());
            Matcher g = GROUP.matcher(text);
            if (text.contains("分值") && g.find()) { // 分值: the word GROUP needs, looked for first
                group = ScoreTable.canonicalLevel1(rec.vocabulary(), g.group(1));
                ensureSheet(p);
                Amount weight = Amount.of(g.group(2), "分");
                Amount score = Amount.of(g.group(3), "分");
                Location loc = Sources.of(Location.narrative(outline.topSectionAt(p.line()), p.line(), p.text().strip()), p);
                rec.add(new IndicatorGroup(sheet.getId(), group, weight, score, loc));
                if (group.equals(Indicator.RATE_ITEM)) {
                    rateItem = IndicatorValues.indicator(sheet.getId(), Indicator.RATE_ITEM, "", "", "", "", weight, score, "", loc);
                    rec.add(rateItem);
                    rateLine = p.line();
                }
                continue;
            }
            Matcher m = ITEM.matcher(text);
            if (text.contains("指标值") && m.find() && !group.isEmpty()) {
                ensureSheet(p);
                String reason = i + 1 < body.size() && isExplanation(body.get(i + 1)) ? body.get(i + 1).text().strip() : "";
                rec.add(IndicatorValues.indicator(sheet.getId(), group, "", m.group(1).strip(), m.group(2).strip(), m.group(3).strip(),
                        Amount.of(m.group(4), "分"), Amount.of(m.group(5), "分"), reason,
                        Sources.of(Location.narrative(outline.topSectionAt(p.line()), p.line(), p.text().strip()), p)));
            }
        }
        if (sheet != null && rateItem != null) attachRate(rateLine, body);
        if (sheet != null && rec.narrativeSelfScore() != null) {
            sheet.setTotal(null, rec.narrativeSelfScore(), rec.factsOf(io.selfeval.model.Mention.class).stream()
                    .filter(x -> x.getKind().equals(io.selfeval.model.Mention.SELF_SCORE)).map(io.selfeval.model.Mention::getLocation)
                    .findFirst().orElse(sheet.getLocation()));
        }
    }

    /**
     * When the report has a 整体支出绩效自评表, the narrative's group headings ("（一）预算执行率（分值10分，得9.92分）")
     * only summarise it, often in part (one group, or the groups without their items): the table is the score sheet,
     * so the narrative one is dropped with its groups and items (also when the table could not be read, e.g. flattened).
     * Without a table, a narrative that scores fewer than {@link #MIN_GROUPS} groups is a summary and is dropped too.
     * The narrative self-score is still compared with the table's total (SCR_NARRATIVE_MISMATCH).
     */
    /** The fewest groups (预算执行率, 产出, 效益, 满意度 …) a narrative must score to be a score sheet of its own. */
    private static final int MIN_GROUPS = 3;

    static void yieldToTable(RecognitionDraft rec) {
        boolean table = rec.factsOf(ScoreSheet.class).stream().anyMatch(s -> s.getKind().equals(ScoreSheet.OVERALL))
                || rec.factsOf(io.selfeval.model.Attachment.class).stream().anyMatch(a -> a.getKind().equals(io.selfeval.model.Attachment.OVERALL));
        java.util.Set<String> narrative = new java.util.HashSet<>();
        for (ScoreSheet s : rec.factsOf(ScoreSheet.class)) if (s.getKind().equals(ScoreSheet.NARRATIVE)) narrative.add(s.getId());
        if (narrative.isEmpty()) return;
        // Without a table, a narrative that names only one or two groups gives a summary, not a score sheet.
        long groups = rec.factsOf(IndicatorGroup.class).stream().filter(g -> narrative.contains(g.getSheetId())).count();
        if (!table && groups >= MIN_GROUPS) return;
        rec.facts().removeIf(f -> f instanceof ScoreSheet s && narrative.contains(s.getId())
                || f instanceof Indicator i && narrative.contains(i.getSheetId())
                || f instanceof IndicatorGroup g && narrative.contains(g.getSheetId()));
    }

    /** The paragraph after an item explains it unless it is the next item, group or heading. */
    private static boolean isExplanation(Paragraph next) {
        String t = Numbers.normalize(next.text());
        return !ITEM.matcher(t).find() && !GROUP.matcher(t).find() && Outline.heading(next) == null;
    }

    /**
     * The execution rate stated right under the 预算执行率 heading feeds the rate item: a rate claim with its amounts,
     * else a bare "预算执行率100%" (no amounts beside it) in the paragraphs before the next item or heading.
     */
    private void attachRate(int rateLine, List<Paragraph> body) {
        RateClaim claim = rec.factsOf(RateClaim.class).stream()
                .filter(c -> c.getKind().equals(RateClaim.EXECUTION) && c.getLocation().getPosition() != null
                        && c.getLocation().getPosition() > rateLine && c.getLocation().getPosition() <= rateLine + 3)
                .findFirst().orElse(null);
        if (claim != null) {
            sheet.setFunds(claim.getDenominator(), claim.getNumerator(), claim.getStated(), claim.getLocation());
            return;
        }
        for (Paragraph p : body) {
            Cancellation.checkpoint();
            if (p.line() <= rateLine || p.line() > rateLine + 3) continue;
            String text = Numbers.normalize(p.text());
            if (GROUP.matcher(text).find() || ITEM.matcher(text).find() || Outline.heading(p) != null) return;
            Matcher m = BARE_RATE.matcher(text);
            if (m.find()) {
                Amount stated = new Amount(new java.math.BigDecimal(m.group(1)), m.group(1) + "%", "%");
                sheet.setFunds(null, null, stated, Sources.of(Location.narrative(outline.topSectionAt(p.line()), p.line(), p.text().strip()), p));
                return;
            }
        }
    }

    private void ensureSheet(Paragraph p) {
        if (sheet != null) return;
        sheet = new ScoreSheet("正文评分", ScoreSheet.NARRATIVE, "正文评分",
                Sources.of(Location.narrative(outline.topSectionAt(p.line()), p.line(), p.text().strip()), p));
        rec.add(sheet);
    }
}
