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


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * META codes: unit name, fiscal year and staff control rate, each fired by a report broken in one place and kept
 * silent on a near miss.
 */
class MetaRulesTest {

    // ---- building blocks ----

    private static String report(String title, String body, String basicData, String overall) {
        return title + body + "\n" + basicData + "\n" + overall + "\n" + Reports.project();
    }

    private static final String NAME_ROW = row("市级预算部门名称", "测试县人民政府办公室");

    private static String overallNamed(String name) {
        return swap(Reports.overall(), NAME_ROW, row("市级预算部门名称", name));
    }

    // ---- META_UNIT_MISMATCH ----

    @Test
    void tableNamesAnotherUnit() {
        SubmissionResult r = Checks.text(report(Reports.TITLE, Reports.body(), Reports.basicData(), overallNamed("测试县财政局")));
        Finding f = single(r, "META_UNIT_MISMATCH");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals("测试县财政局", f.getEvidence().get("first"));
        assertEquals("附件2 整体支出绩效自评表", f.getEvidence().get("firstAt"));
        assertEquals("测试县人民政府办公室", f.getEvidence().get("second"));
        assertEquals("标题", f.getEvidence().get("secondAt"));
        assertEquals("单位名称前后不一致：附件2 整体支出绩效自评表为“测试县财政局”，标题为“测试县人民政府办公室”", f.getMessage());
    }

    @Test
    void coverNamesAnotherUnitThanTheTitle() {
        String title = "2024年度测试县机关事务管理局整体支出绩效自评报告\n" + Reports.TITLE;
        SubmissionResult r = Checks.text(report(title, Reports.body(), Reports.basicData(), Reports.overall()));
        Finding f = single(r, "META_UNIT_MISMATCH");
        assertEquals("测试县机关事务管理局", f.getEvidence().get("first"));
        assertEquals("封面", f.getEvidence().get("firstAt"));
        assertEquals("测试县人民政府办公室", f.getEvidence().get("second"));
        assertEquals("测试县人民政府办公室", r.getUnit(), "the title's name is the unit");
    }

    @Test
    void shortNameIntroducedWithYiXiaJianChengIsNotAMismatch() {
        // The body says 测试县人民政府办公室（以下简称县政府办）; the table uses the short name.
        SubmissionResult r = Checks.text(report(Reports.TITLE, Reports.body(), Reports.basicData(), overallNamed("县政府办")));
        assertNone(r, "META_UNIT_MISMATCH");
    }

    @Test
    void shortNameNeverIntroducedIsAMismatch() {
        // Counterpart: without the 以下简称 sentence the same short name is a different name.
        String body = swap(Reports.body(), "测试县人民政府办公室（以下简称县政府办）是县政府的办事机构。", "县政府办是县政府的办事机构。");
        SubmissionResult r = Checks.text(report(Reports.TITLE, body, Reports.basicData(), overallNamed("县政府办")));
        assertEquals("县政府办", single(r, "META_UNIT_MISMATCH").getEvidence().get("first"));
    }

    @Test
    void titleSplitOverTwoLinesAfterACoverLabelGivesOneName() {
        // Seed 000's layout: "附件4", then the year and unit on one line and "整体支出绩效自评报告" on the next.
        String title = "附件4\n\n2024年度测试县人民政府办公室\n整体支出绩效自评报告\n";
        SubmissionResult r = Checks.text(report(title, Reports.body(), Reports.basicData(), Reports.overall()));
        assertEquals("测试县人民政府办公室", r.getUnit());
        assertNone(r, "META_UNIT_MISMATCH");
    }

    @Test
    void unitInBracketsUnderTheTitleIsTheSameUnit() {
        // Seed 004's layout: a title without the unit, the unit in brackets below, then the date.
        String title = "2024年度部门整体支出绩效自评报告\n（测试县人民政府办公室）\n2025年3月31日\n";
        SubmissionResult r = Checks.text(report(title, Reports.body(), Reports.basicData(), Reports.overall()));
        assertEquals("测试县人民政府办公室", r.getUnit());
        assertEquals(2024, r.getYear());
        assertNone(r, "META_UNIT_MISMATCH");
        assertNone(r, "META_YEAR_MISMATCH");
    }

    // ---- META_YEAR_MISMATCH ----

    @Test
    void tableOfAnotherYear() {
        String overall = swap(Reports.overall(), "2024年度部门整体支出绩效自评表", "2023年度部门整体支出绩效自评表");
        SubmissionResult r = Checks.text(report(Reports.TITLE, Reports.body(), Reports.basicData(), overall));
        Finding f = single(r, "META_YEAR_MISMATCH");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals(2024, f.getEvidence().get("title"));
        assertEquals(2023, f.getEvidence().get("other"));
        assertEquals("附件2 整体支出绩效自评表", f.getEvidence().get("otherAt"));
        assertEquals("年度前后不一致：报告标题为2024年度，附件2 整体支出绩效自评表为2023年度", f.getMessage());
    }

    @Test
    void otherYearsInTextAndColumnHeadersAreNotTheFiscalYear() {
        // The date of the report (2025), last year's comparison in the text and the 2023年决算数 column are not
        // statements of the fiscal year.
        String title = Reports.TITLE + "2025年3月31日\n";
        String body = swap(Reports.body(), "县政府的办事机构。", "县政府的办事机构。与2023年度相比，机构设置未发生变化。");
        SubmissionResult r = Checks.text(report(title, body, Reports.basicData(), Reports.overall()));
        assertTrue(Reports.basicData().contains("2023年决算数"));
        assertEquals(2024, r.getYear());
        assertNone(r, "META_YEAR_MISMATCH");
    }

    // ---- META_STAFF_RATE ----

    private static String basicDataWithStaff(String quota, String actual, String rate) {
        return swap(Reports.basicData(), row("", "50", "45", "90%"), row("", quota, actual, rate));
    }

    @Test
    void staffRateStatedAsFullWhenItIsNot() {
        SubmissionResult r = Checks.text(report(Reports.TITLE, Reports.body(), basicDataWithStaff("50", "45", "100%"), Reports.overall()));
        Finding f = single(r, "META_STAFF_RATE");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals("100%", f.getEvidence().get("stated"));
        assertEquals("90.00%", f.getEvidence().get("computed"));
        assertNum("50", f.getEvidence().get("staffQuota"));
        assertNum("45", f.getEvidence().get("staffActual"));
        assertEquals("人员控制率填100%，但实际在职45人÷编制50人＝90.00%", f.getMessage());
    }

    /** Head counts are whole people: 45 of 50 is exactly 90%, so 91% is wrong however the rate is rounded. */
    @ParameterizedTest
    @CsvSource({
            "50, 45, 91%, 90.00%",
            "50, 45, 89%, 90.00%",
            "65, 56, 86.1%, 86.15%",
            "65, 56, 87%, 86.15%",
    })
    void staffRateOffByLessThanHalfAPersonIsStillWrong(String quota, String actual, String stated, String computed) {
        SubmissionResult r = Checks.text(report(Reports.TITLE, Reports.body(), basicDataWithStaff(quota, actual, stated), Reports.overall()));
        Finding f = single(r, "META_STAFF_RATE");
        assertEquals(stated, f.getEvidence().get("stated"));
        assertEquals(computed, f.getEvidence().get("computed"));
    }

    @ParameterizedTest
    @CsvSource({
            "50, 45, 90%",
            "50, 45, 90.0%",
            "65, 56, 86.15%",
            "65, 56, 86.2%",
            "65, 56, 86%",
            "47, 47, 100%",
    })
    void staffRateThatAgreesAtItsWrittenPrecisionIsNotReported(String quota, String actual, String stated) {
        SubmissionResult r = Checks.text(report(Reports.TITLE, Reports.body(), basicDataWithStaff(quota, actual, stated), Reports.overall()));
        assertNone(r, "META_STAFF_RATE");
    }

    // ---- the unit named before the year in the title ----

    @Test
    void unitBeforeTheYearInTheTitleIsCompared() {
        String ok = "测试县人民政府办公室2024年度部门整体支出绩效自评报告\n";
        SubmissionResult same = Checks.text(report(ok, Reports.body(), Reports.basicData(), Reports.overall()));
        assertNone(same, "META_UNIT_MISMATCH");
        assertEquals("测试县人民政府办公室", same.getUnit());
        String other = "丰岭县人民政府办公室2024年度部门整体支出绩效自评报告\n";
        SubmissionResult r = Checks.text(report(other, Reports.body(), Reports.basicData(), Reports.overall()));
        Finding f = single(r, "META_UNIT_MISMATCH");
        assertEquals("丰岭县人民政府办公室", f.getEvidence().get("second"));
        assertEquals("测试县人民政府办公室", f.getEvidence().get("first"));
    }

    @Test
    void unitInBracketsUnderAYearTitleIsCompared() {
        String ok = "2024年度部门整体支出绩效自评报告\n（测试县人民政府办公室）\n";
        assertNone(Checks.text(report(ok, Reports.body(), Reports.basicData(), Reports.overall())), "META_UNIT_MISMATCH");
        String other = "2024年度部门整体支出绩效自评报告\n（丰岭县人民政府办公室）\n";
        Finding f = single(Checks.text(report(other, Reports.body(), Reports.basicData(), Reports.overall())), "META_UNIT_MISMATCH");
        assertEquals("丰岭县人民政府办公室", f.getEvidence().get("second"));
    }

    @Test
    void unitOnTheLineAboveAYearTitleIsCompared() {
        String ok = "测试县人民政府办公室\n2024年度部门整体支出绩效自评报告\n";
        SubmissionResult same = Checks.text(report(ok, Reports.body(), Reports.basicData(), Reports.overall()));
        assertNone(same, "META_UNIT_MISMATCH");
        assertEquals("测试县人民政府办公室", same.getUnit());
        String other = "丰岭县司法局\n2024年度部门整体支出绩效自评报告\n";
        Finding f = single(Checks.text(report(other, Reports.body(), Reports.basicData(), Reports.overall())), "META_UNIT_MISMATCH");
        assertEquals("丰岭县司法局", f.getEvidence().get("second"));
        // A cover line that is not an organisation's name is not taken for the unit.
        String cover = "绩效自评材料\n2024年度部门整体支出绩效自评报告\n";
        assertNone(Checks.text(report(cover, Reports.body(), Reports.basicData(), Reports.overall())), "META_UNIT_MISMATCH");
    }
}
