package io.selfeval.recognize;

import io.selfeval.model.Figure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the amount grammar knows, in one place: measures (年初预算, 全年预算, 执行), the connector that opens a
 * list of parts (其中), words that make an amount an earlier year's figure or a difference, words of a whole
 * (全年, 合计) and the phrases that state an execution or staffing control rate. Subject names are in
 * {@link Subjects}. A new way of writing one of these goes here, not into the grammar.
 */
final class NarrativeVocabulary {
    private NarrativeVocabulary() {
    }

    /** Measures, the last one named wins: 年初预算 | 预算支出/预算执行 (spend) | 预算 | 支出, 执行, 决算 … */
    private static final Pattern MEASURE = Pattern.compile(
            "(年初预算|年初安排|年初批复)|(预算(?:支出|执行))|(预算|预计安排|安排|批复)|(实际支出|支出|执行|决算|使用|共计|合计)");
    /** Opens a list of parts of the amount before it. */
    static final Pattern OF_WHICH = Pattern.compile("其中");
    /** Inside a bracket after an amount, these open its parts too: "（含上年结转20万元）". */
    static final Pattern INCLUDES = Pattern.compile("其中|含|包括|包含");
    /** An earlier year's figure ("上年决算数", "去年同期"), but not 上年结转/上年结余 funds of this year. */
    private static final Pattern PRIOR_YEAR = Pattern.compile("上年(?!结转|结余)|上一年|去年|同期|上年度");
    /** A comparison: "较上年增加12.30万元", "比2023年减少", "同比增长". */
    private static final Pattern COMPARISON = Pattern.compile("[较比](?:上年|去年|上一年|年初|预算|20\\d{2}年)|同比|环比");
    /** A difference, the change word right before the amount: "增加12.30万元", "节约资金5万元", "超支3万元". */
    private static final Pattern CHANGE = Pattern.compile(
            "(?:增加|减少|增长|下降|降低|节约|节省|超支|相差|差额|调增|调减|压减|缩减|增支|减支)了?(?:支出|经费|资金)?(?:为|了|约)?\\s*$");
    /** Funds carried over or left over: within a list of parts they make the list no plain sum of this year's spend. */
    private static final Pattern CARRY = Pattern.compile("结转|结余|上年");
    /** "分别为390万元、100万元": which amount is whose the grammar does not work out, so it reads none of them. */
    private static final Pattern RESPECTIVELY = Pattern.compile("分别");
    /** Not a budget or spend figure: income, funds received, approximate or cumulative amounts. */
    private static final Pattern NOT_A_FIGURE = Pattern.compile("收入|收到|到位|拨入|筹集|争取|约|大约|近|将近|超过|逾|不足|不到|累计|预计(?!安排)|计划|目标|标准|上限|不超过|控制在");
    private static final Pattern APPROXIMATE_AFTER = Pattern.compile("^\\s*(?:以上|以内|以下|左右|多|余|上下)");
    /** Words that name the whole unit, not one of its parts: they override the subject of the heading above. */
    private static final Pattern UNIT_WHOLE = Pattern.compile("部门|单位|整体|总额|总计|合计|全局|全委|全院");
    /** Words of the whole unit's figures: an unlabelled amount with one of them is the unit's total. */
    private static final Pattern WHOLE = Pattern.compile("全年|全部|总额|总计|合计|共计|整体|部门|单位|年度|财政拨款|本年");
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年");

    /** "预算执行率为" | "完成预算的" | "完成全年预算的" | "占全年预算的" | "公用经费控制率" right before a percentage. */
    private static final Pattern EXECUTION_RATE = Pattern.compile(
            "(?:执行率|执行进度|(?:预算|资金|支出)完成率|资金(?:使用|支付|支出)率)(?:为|达到|达|是|约)?\\s*$|完成(?:了)?(?:全年|年度)?(?:预算|预算安排|全年预算|年度预算)(?:数)?的\\s*$"
                    + "|占(?:全年|年度)?预算(?:数)?的\\s*$|经费控制率(?:为|是)?\\s*$");
    /** A staffing control rate: "编制控制率98.11%", "人员控制率为", but not 经费控制率. */
    static final Pattern STAFF_RATE = Pattern.compile("(?<!经费)(?:编制|人员|编制数)?控制率(?:为|是|达)?\\s*(\\d+(?:\\.\\d+)?)%");

    /** The measure a label names last, or null when it names none. */
    static String measure(Subjects subjects, String label) {
        Matcher m = MEASURE.matcher(subjects.strip(label));
        String measure = null;
        while (m.find()) {
            if (m.group(1) != null) measure = Figure.INITIAL_BUDGET;
            else if (m.group(2) != null || m.group(4) != null) measure = Figure.SPENT;
            else measure = Figure.BUDGET;
        }
        return measure;
    }

    private static final Pattern FILLER = Pattern.compile("其中|实际|全年|年度|本年|当年|数额|数|为|是|共|计|达|金额|资金|[\\s，,、；;：:]");

    /** Whether a label says no more than a measure ("，实际支出", "全年预算数为"): it names nothing of its own. */
    static boolean onlyMeasure(String label) {
        String rest = FILLER.matcher(MEASURE.matcher(label).replaceAll("")).replaceAll("");
        return rest.isEmpty();
    }

    static boolean isDifference(String label) {
        return CHANGE.matcher(label).find() || COMPARISON.matcher(label).find();
    }

    /** Whether a label names an earlier year: 上年/去年 words, or a year before the report's. */
    static boolean isPriorYear(String label, Integer reportYear) {
        if (PRIOR_YEAR.matcher(label).find()) return true;
        if (reportYear == null) return false;
        Matcher y = YEAR.matcher(label);
        Integer last = null;
        while (y.find()) last = Integer.valueOf(y.group(1));
        return last != null && last < reportYear;
    }

    static boolean respectively(String label) {
        return RESPECTIVELY.matcher(label).find();
    }

    static boolean isCarryOver(String label) {
        return CARRY.matcher(label).find();
    }

    /** An amount that is not one of the year's budget or spend figures, judged by its label and the text after it. */
    static boolean notAFigure(String label, String after) {
        return NOT_A_FIGURE.matcher(label).find() || APPROXIMATE_AFTER.matcher(after).find();
    }

    static boolean namesUnit(String label) {
        return UNIT_WHOLE.matcher(label).find();
    }

    static boolean namesWhole(String label) {
        return WHOLE.matcher(label).find();
    }

    static boolean isExecutionRate(String label) {
        return EXECUTION_RATE.matcher(label).find();
    }
}
