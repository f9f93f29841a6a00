package io.selfeval.rules;

import static io.selfeval.testing.Checks.assertNum;
import static io.selfeval.testing.Checks.assertNone;
import static io.selfeval.testing.Checks.single;
import static io.selfeval.testing.Reports.swap;
import static io.selfeval.testing.Reports.row;
import io.selfeval.model.Finding;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CMP codes: each fires on a hand-written report broken in one place and stays silent on a near miss that a
 * careless rule would report.
 */
class CompletenessRulesTest {

    // ---- building blocks ----

    private static String report(String body, String basicData, String overall, String project) {
        StringBuilder sb = new StringBuilder(Reports.TITLE).append(body);
        for (String table : new String[]{basicData, overall, project}) {
            if (table != null) sb.append('\n').append(table);
        }
        return sb.toString();
    }

    // ---- CMP_MISSING_ATTACHMENT ----

    @Test
    void missingBasicDataTableIsNamed() {
        SubmissionResult r = Checks.text(report(Reports.body(), null, Reports.overall(), Reports.project()));
        Finding f = single(r, "CMP_MISSING_ATTACHMENT");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals("基础数据表", f.getEvidence().get("missing"));
        assertEquals("缺少附表：基础数据表", f.getMessage());
    }

    @Test
    void missingOverallTableIsNamed() {
        SubmissionResult r = Checks.text(report(Reports.body(), Reports.basicData(), null, Reports.project()));
        Finding f = single(r, "CMP_MISSING_ATTACHMENT");
        assertEquals("整体支出绩效自评表", f.getEvidence().get("missing"));
    }

    @Test
    void projectSpendWithoutProjectTable() {
        SubmissionResult r = Checks.text(report(Reports.body(), Reports.basicData(), Reports.overall(), null));
        Finding f = single(r, "CMP_MISSING_ATTACHMENT");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals("项目支出绩效自评表", f.getEvidence().get("missing"));
        assertNum("100", f.getEvidence().get("projectSpending"));
        assertTrue(f.getMessage().contains("单位有项目支出100万元") && f.getMessage().contains("未附项目支出绩效自评表"),
                f.getMessage());
    }

    /** The same report with no project spend at all: 400 = 400 + 0, spent 390 = 390 + 0, 97.5%. */
    private static String bodyWithoutProjects() {
        String body = swap(Reports.body(), "2024年全年预算资金500万元，其中：基本支出400万元，项目支出100万元。全年实际支出490万元，其中：基本支出390万元，项目支出100万元。预算执行率98%。",
                "2024年全年预算资金400万元，其中：基本支出400万元，项目支出0万元。全年实际支出390万元，其中：基本支出390万元，项目支出0万元。预算执行率97.5%。");
        body = swap(body, "2024年全年项目支出100万元。", "2024年全年项目支出0万元。");
        return swap(body, "自评得分98.8分", "自评得分98.75分");
    }

    private static String basicDataWithoutProjects() {
        String t = swap(Reports.basicData(), row("项目支出：", "90", "100", "100"), row("项目支出：", "90", "0", "0"));
        t = swap(t, row("    1、业务工作经费", "60", "70", "70"), row("    1、业务工作经费", "60", "0", "0"));
        return swap(t, row("    2、运行维护经费", "30", "30", "30"), row("    2、运行维护经费", "30", "0", "0"));
    }

    private static String overallWithoutProjects() {
        String t = swap(Reports.overall(), row("", "年度资金总额", "480", "500", "490", "10", "98%", "9.8"),
                row("", "年度资金总额", "400", "400", "390", "10", "97.5%", "9.75"));
        t = swap(t, row("", "  其中：  一般公共预算：480", "其中：基本支出：390"), row("", "  其中：  一般公共预算：380", "其中：基本支出：390"));
        t = swap(t, row("", "政府性基金拨款：", "项目支出：100"), row("", "政府性基金拨款：", "项目支出：0"));
        t = swap(t, row("", "", "成本指标", "支出不超过预算", "≤500万元", "490万元", "10", "10", "无偏差"),
                row("", "", "成本指标", "支出不超过预算", "≤400万元", "390万元", "10", "10", "无偏差"));
        return swap(t, row("总分", "100", "98.8", ""), row("总分", "100", "98.75", ""));
    }

    @Test
    void noProjectTableNeededWhenProjectSpendIsZero() {
        SubmissionResult r = Checks.text(report(bodyWithoutProjects(), basicDataWithoutProjects(), overallWithoutProjects(), null));
        assertNone(r, "CMP_MISSING_ATTACHMENT");
        // The variant is itself consistent, so the silence is not bought with other findings.
        assertTrue(r.getFindings().isEmpty(), () -> Checks.dump(r));
    }

    @Test
    void projectSpendStatedOnlyInTheTablesStillNeedsTheProjectTable() {
        // Counterpart of the zero case: the body says 0, but 附件2 says 项目支出 100 was spent.
        String overall = swap(overallWithoutProjects(), row("", "政府性基金拨款：", "项目支出：0"), row("", "政府性基金拨款：", "项目支出：100"));
        SubmissionResult r = Checks.text(report(bodyWithoutProjects(), basicDataWithoutProjects(), overall, null));
        Finding f = single(r, "CMP_MISSING_ATTACHMENT");
        assertEquals("项目支出绩效自评表", f.getEvidence().get("missing"));
        assertNum("100", f.getEvidence().get("projectSpending"));
    }

    @Test
    void basicDataTableIsKnownByItsHeaderWhateverItsTitle() {
        String basic = swap(Reports.basicData(), "附件1\n2024年度部门整体支出绩效评价基础数据表\n", "附表一\n2024年度部门经费情况\n");
        SubmissionResult r = Checks.text(report(Reports.body(), basic, Reports.overall(), Reports.project()));
        assertNone(r, "CMP_MISSING_ATTACHMENT");
    }

    // ---- CMP_MISSING_SECTION ----

    private static final String RESULTS_PART = "六、绩效自评结果拟应用和公开情况\n自评结果将用于下年度预算安排，并在门户网站公开。\n";

    @Test
    void missingResultsPartIsNamed() {
        SubmissionResult r = Checks.text(report(swap(Reports.body(), RESULTS_PART, ""), Reports.basicData(),
                Reports.overall(), Reports.project()));
        Finding f = single(r, "CMP_MISSING_SECTION");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals("结果应用", f.getEvidence().get("missing"));
        assertTrue(f.getMessage().startsWith("正文缺少“结果应用”部分"), f.getMessage());
    }

    @Test
    void aSentenceAboutResultsIsNotTheResultsPart() {
        // The heading is gone; the sentence now sits in the 改进措施 part. A part is a heading, not a word in the text.
        SubmissionResult r = Checks.text(report(swap(Reports.body(), "六、绩效自评结果拟应用和公开情况\n", ""),
                Reports.basicData(), Reports.overall(), Reports.project()));
        assertEquals("结果应用", single(r, "CMP_MISSING_SECTION").getEvidence().get("missing"));
    }

    @ParameterizedTest
    @CsvSource({
            "四、存在的问题及原因分析, 四、其他事项, 存在问题",
            "五、下一步改进措施, 五、工作打算, 改进措施",
            "三、部门整体支出绩效情况, 三、部门履职情况, 绩效情况",
    })
    void eachRequiredPartIsNamedWhenItsHeadingSaysSomethingElse(String heading, String renamed, String part) {
        SubmissionResult r = Checks.text(report(swap(Reports.body(), heading + "\n", renamed + "\n"),
                Reports.basicData(), Reports.overall(), Reports.project()));
        Finding f = single(r, "CMP_MISSING_SECTION");
        assertEquals(part, f.getEvidence().get("missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "8、绩效自评结果拟应用和公开情况",
            "（六）绩效自评结果应用情况",
            "八、部门整体支出绩效自评结果拟应用和公开情况",
            "第六部分 自评结果应用及公开",
    })
    void resultsHeadingCountsWhateverItsNumbering(String heading) {
        SubmissionResult r = Checks.text(report(swap(Reports.body(), "六、绩效自评结果拟应用和公开情况\n", heading + "\n"),
                Reports.basicData(), Reports.overall(), Reports.project()));
        assertNone(r, "CMP_MISSING_SECTION");
    }

    // ---- CMP_BLANK_CELL ----

    @Test
    void blankSpendBesideABudgetIsReported() {
        String basic = swap(Reports.basicData(), row("    2、运行维护经费", "30", "30", "30"), row("    2、运行维护经费", "30", "30", ""));
        SubmissionResult r = Checks.text(report(Reports.body(), basic, Reports.overall(), Reports.project()));
        Finding f = single(r, "CMP_BLANK_CELL");
        assertEquals(Severity.WARNING, f.getSeverity());
        assertEquals("运行维护经费", f.getEvidence().get("row"));
        assertEquals("本年决算数", f.getEvidence().get("column"));
        assertEquals("本年预算数", f.getEvidence().get("besideColumn"));
        assertNum("30", f.getEvidence().get("besideValue"));
        assertTrue(((String) f.getEvidence().get("table")).contains("基础数据表"), f.getEvidence()::toString);
        assertTrue(f.getMessage().contains("“运行维护经费”的本年决算数未填写（本年预算数为30万元）"), f.getMessage());
    }

    @Test
    void blankSpendBesideAZeroOrBlankBudgetIsNotReported() {
        String basic = swap(Reports.basicData(), row("   2、出国经费", "0", "0", "0"), row("   2、出国经费", "0", "0", ""));
        basic = swap(basic, row("       其中：公车购置", "0", "0", "0"), row("       其中：公车购置", "", "", ""));
        SubmissionResult r = Checks.text(report(Reports.body(), basic, Reports.overall(), Reports.project()));
        assertNone(r, "CMP_BLANK_CELL");
    }

    @Test
    void blankPriorYearSpendIsNotAMissingCell() {
        // Only this year's 决算数 is required beside this year's budget; a new row may have no 上年决算数.
        String basic = swap(Reports.basicData(), row("    2、运行维护经费", "30", "30", "30"), row("    2、运行维护经费", "", "30", "30"));
        basic = swap(basic, row("项目支出：", "90", "100", "100"), row("项目支出：", "60", "100", "100"));
        SubmissionResult r = Checks.text(report(Reports.body(), basic, Reports.overall(), Reports.project()));
        assertNone(r, "CMP_BLANK_CELL");
    }

    // ---- CMP_MISSING_SELF_SCORE ----

    private static final String SCORE_SENTENCE = "2024年，县政府办部门整体支出绩效自评得分98.8分，评价等级为“优秀”。";
    private static final String NO_SCORE_SENTENCE = "2024年，县政府办圆满完成年度各项工作任务。";
    private static final String TOTAL_ROW = row("总分", "100", "98.8", "");

    @Test
    void noSelfScoreAnywhere() {
        SubmissionResult r = Checks.text(report(swap(Reports.body(), SCORE_SENTENCE, NO_SCORE_SENTENCE),
                Reports.basicData(), swap(Reports.overall(), TOTAL_ROW, ""), Reports.project()));
        Finding f = single(r, "CMP_MISSING_SELF_SCORE");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals("正文和整体支出绩效自评表均未给出整体自评得分", f.getMessage());
        assertEquals("未找到", f.getEvidence().get("selfScore"));
    }

    @Test
    void projectTableTotalIsNotTheSelfScore() {
        // 附件3 still says 总分 100, but that is one project's score, not the unit's.
        SubmissionResult r = Checks.text(report(swap(Reports.body(), SCORE_SENTENCE, NO_SCORE_SENTENCE),
                Reports.basicData(), swap(Reports.overall(), TOTAL_ROW, ""), Reports.project()));
        assertTrue(Reports.project().contains(row("总分", "100", "100", "")));
        single(r, "CMP_MISSING_SELF_SCORE");
    }

    @Test
    void selfScoreInTheTableOnlyIsEnough() {
        SubmissionResult r = Checks.text(report(swap(Reports.body(), SCORE_SENTENCE, NO_SCORE_SENTENCE),
                Reports.basicData(), Reports.overall(), Reports.project()));
        assertNone(r, "CMP_MISSING_SELF_SCORE");
    }

    @Test
    void selfScoreInTheNarrativeOnlyIsEnough() {
        SubmissionResult r = Checks.text(report(Reports.body(), Reports.basicData(),
                swap(Reports.overall(), TOTAL_ROW, ""), Reports.project()));
        assertNone(r, "CMP_MISSING_SELF_SCORE");
    }

    @Test
    void anItemScoreInTheNarrativeIsNotTheSelfScore() {
        String body = swap(Reports.body(), SCORE_SENTENCE, NO_SCORE_SENTENCE + "其中预算执行率分值10分，得分9.8分。");
        SubmissionResult r = Checks.text(report(body, Reports.basicData(), swap(Reports.overall(), TOTAL_ROW, ""),
                Reports.project()));
        single(r, "CMP_MISSING_SELF_SCORE");
    }
}
