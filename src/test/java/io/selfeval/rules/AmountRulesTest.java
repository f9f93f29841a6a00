package io.selfeval.rules;

import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import io.selfeval.bench.TextTable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.selfeval.rules.MoneyRuleFixtures.assertAmount;
import static io.selfeval.rules.MoneyRuleFixtures.assertNarrativeAt;
import static io.selfeval.rules.MoneyRuleFixtures.lineOf;
import static io.selfeval.rules.MoneyRuleFixtures.narrative;
import static io.selfeval.rules.MoneyRuleFixtures.only;
import static io.selfeval.rules.MoneyRuleFixtures.replaceRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AMT_SUM_MISMATCH, AMT_PART_EXCEEDS_TOTAL and AMT_CROSS_MISMATCH over narrative sentences and attachment tables. */
class AmountRulesTest {
    private static final String SUM = "AMT_SUM_MISMATCH";
    private static final String PART = "AMT_PART_EXCEEDS_TOTAL";
    private static final String CROSS = "AMT_CROSS_MISMATCH";

    private static final String SPENT_SENTENCE = "全年实际支出490万元，其中：基本支出390万元，项目支出100万元。";
    private static final String PROJECT_SENTENCE = "2024年全年项目支出100万元。";

    // —— AMT_SUM_MISMATCH, narrative ——

    @Test
    void narrativeTotalThatIsNotTheSumOfItsPartsIsReported() {
        String doc = narrative("2024年全年实际支出1253.78万元，其中：基本支出1144.41万元，项目支出90万元。");
        Finding f = only(Checks.text(doc), SUM);
        assertEquals("1253.78万元", f.getMessageArgs().get("total"));
        assertEquals("1234.41万元", f.getMessageArgs().get("sum"));
        assertEquals("19.37万元", f.getMessageArgs().get("difference"));
        assertAmount("1253.78", f.getEvidence().get("total"));
        assertAmount("1234.41", f.getEvidence().get("sumOfParts"));
        assertAmount("19.37", f.getEvidence().get("difference"));
        assertNarrativeAt(f, lineOf(doc, "2024年全年实际支出"));
    }

    @Test
    void narrativeTotalOffByOneCentFromRoundedPartsIsNotReported() {
        // 1144.405 + 109.375 = 1253.78, each part rounded up: 1144.41 + 109.38 = 1253.79.
        SubmissionResult r = Checks.text(narrative("2024年全年实际支出1253.78万元，其中：基本支出1144.41万元，项目支出109.38万元。"));
        assertFalse(Checks.codes(r).contains(SUM), () -> Checks.dump(r));
    }

    @Test
    void narrativeTotalOffByTwoCentsIsBeyondRounding() {
        SubmissionResult r = Checks.text(narrative("2024年全年实际支出1253.78万元，其中：基本支出1144.41万元，项目支出109.39万元。"));
        assertAmount("1253.80", only(r, SUM).getEvidence().get("sumOfParts"));
    }

    @Test
    void brokenSpendSentenceInTheCompleteReportIsReported() {
        String doc = Reports.complete().replace(SPENT_SENTENCE, "全年实际支出490万元，其中：基本支出390万元，项目支出90万元。");
        Finding f = only(Checks.text(doc), SUM);
        assertAmount("490", f.getEvidence().get("total"));
        assertAmount("480", f.getEvidence().get("sumOfParts"));
        assertEquals("基本支出390万元＋项目支出90万元", f.getMessageArgs().get("parts"));
    }

    @Test
    void narrativeAmountsInYuanAreReadAsTenThousands() {
        // 12,345,600元 = 1234.56万元 = 1134.56 + 100.
        SubmissionResult ok = Checks.text(narrative("2024年全年实际支出12,345,600元，其中：基本支出11,345,600元，项目支出1,000,000元。"));
        assertFalse(Checks.codes(ok).contains(SUM), () -> Checks.dump(ok));
        SubmissionResult bad = Checks.text(narrative("2024年全年实际支出12,345,600元，其中：基本支出11,345,600元，项目支出2,000,000元。"));
        Finding f = only(bad, SUM);
        assertAmount("1234.56", f.getEvidence().get("total"));
        assertAmount("1334.56", f.getEvidence().get("sumOfParts"));
    }

    @Test
    void amountInYiYuanKeepsItsWrittenPrecision() {
        // 1.25亿元 stands for 12450–12550万元: 11441.1 + 1060 = 12501.1 rounds to it, 11441.1 + 1200 does not.
        SubmissionResult ok = Checks.text(narrative("2024年全年实际支出1.25亿元，其中：基本支出11441.1万元，项目支出1060万元。"));
        assertFalse(Checks.codes(ok).contains(SUM), () -> Checks.dump(ok));
        SubmissionResult bad = Checks.text(narrative("2024年全年实际支出1.25亿元，其中：基本支出11441.1万元，项目支出1200万元。"));
        assertAmount("12500", only(bad, SUM).getEvidence().get("total"));
    }

    // —— AMT_SUM_MISMATCH, 基础数据表 ——

    @Test
    void threePublicExpensesTotalThatIsNotTheSumOfItsPartsIsReported() {
        String doc = withBasicData(threePublic("9.91", "8.36", "1.45"));
        Finding f = only(Checks.text(doc), SUM);
        assertAmount("9.91", f.getEvidence().get("total"));
        assertAmount("9.81", f.getEvidence().get("sumOfParts"));
        assertTrue(f.getMessage().contains("三公经费") && f.getMessage().contains("公务接待1.45万元"), f.getMessage());
        assertEquals(Location.TABLE, f.getLocation().getPart());
        assertEquals("附件1 基础数据表", f.getLocation().getTable());
        assertEquals("三公经费", f.getLocation().getRow());
        assertEquals(lineOf(doc, "\t三公经费\n"), f.getLocation().getLine());
    }

    @Test
    void threePublicExpensesOffByOneCentOfRoundingIsNotReported() {
        // 8.355 + 0 + 1.555 = 9.91, written 8.36 + 0.00 + 1.56 = 9.92.
        SubmissionResult r = Checks.text(withBasicData(threePublic("9.91", "8.36", "1.56")));
        assertFalse(Checks.codes(r).contains(SUM), () -> Checks.dump(r));
    }

    @Test
    void consistentThreePublicExpensesAreNotReported() {
        SubmissionResult r = Checks.text(withBasicData(threePublic("9.91", "8.36", "1.55")));
        assertFalse(Checks.codes(r).contains(SUM), () -> Checks.dump(r));
    }

    // —— AMT_PART_EXCEEDS_TOTAL ——

    @Test
    void ofWhichRowsOfPublicFundsAboveTheTotalAreReported() {
        String doc = replaceRow(Reports.complete(),
                new String[]{"    其中：办公经费", "20", "20", "20"}, new String[]{"    其中：办公经费", "20", "20", "80"});
        Finding f = only(Checks.text(doc), PART);
        assertAmount("90", f.getEvidence().get("total"));
        assertAmount("95", f.getEvidence().get("sumOfParts"));
        assertAmount("5", f.getEvidence().get("excess"));
        assertEquals("公用经费", f.getMessageArgs().get("subject"));
        assertTrue(((String) f.getMessageArgs().get("parts")).contains("办公经费80万元"), f::getMessage);
        assertEquals("附件1 基础数据表", f.getLocation().getTable());
        assertEquals("公用经费", f.getLocation().getRow());
    }

    @Test
    void ofWhichRowsAddingUpExactlyToTheTotalAreNotReported() {
        // 75 + 10 + 5 = 90: the listed items may use up the whole of 公用经费.
        String doc = replaceRow(Reports.complete(),
                new String[]{"    其中：办公经费", "20", "20", "20"}, new String[]{"    其中：办公经费", "20", "20", "75"});
        SubmissionResult r = Checks.text(doc);
        assertFalse(Checks.codes(r).contains(PART), () -> Checks.dump(r));
    }

    @Test
    void narrativeOfWhichItemAboveItsTotalIsReported() {
        String doc = narrative("2024年公用经费支出90万元，其中办公经费100万元。");
        Finding f = only(Checks.text(doc), PART);
        assertAmount("10", f.getEvidence().get("excess"));
        assertNarrativeAt(f, lineOf(doc, "2024年公用经费"));
    }

    @Test
    void narrativeOfWhichItemEqualToItsTotalIsNotReported() {
        SubmissionResult r = Checks.text(narrative("2024年公用经费支出90万元，其中办公经费90万元。"));
        assertFalse(Checks.codes(r).contains(PART), () -> Checks.dump(r));
    }

    // —— AMT_CROSS_MISMATCH ——

    @Test
    void basicSpendInTheTextDifferingFromTheOverallTableSplitIsReported() {
        String doc = Reports.complete()
                .replace("\t其中：基本支出：390\n", "\t其中：基本支出：380\n")
                .replace("\t项目支出：100\n", "\t项目支出：110\n");
        SubmissionResult r = Checks.text(doc);
        Finding f = Checks.findings(r, CROSS).stream()
                .filter(x -> "基本支出".equals(x.getEvidence().get("subject"))).findFirst()
                .orElseThrow(() -> new AssertionError(Checks.dump(r)));
        assertAmount("390", f.getEvidence().get("first"));
        assertAmount("380", f.getEvidence().get("second"));
        assertEquals("附件2 整体支出绩效自评表", f.getEvidence().get("secondAt"));
        assertEquals("390万元", f.getMessageArgs().get("first"));
        assertEquals("380万元", f.getMessageArgs().get("second"));
        assertEquals("10万元", f.getMessageArgs().get("difference"));
        assertNarrativeAt(f, lineOf(doc, SPENT_SENTENCE));
        assertFalse(Checks.codes(r).contains(SUM), "the split itself still adds up: " + Checks.dump(r));
    }

    @Test
    void tableFigureWithOneDecimalThatRoundsToTheTextIsNotACrossMismatch() {
        // 390.4 is written as 390 in the text, 99.6 as 100; the split still adds up to 490.
        String doc = Reports.complete()
                .replace("\t其中：基本支出：390\n", "\t其中：基本支出：390.4\n")
                .replace("\t项目支出：100\n", "\t项目支出：99.6\n");
        SubmissionResult r = Checks.text(doc);
        assertFalse(Checks.codes(r).contains(CROSS), () -> Checks.dump(r));
    }

    @Test
    void narrativeInYuanAgreeingWithTheTablesIsConsistent() {
        String doc = Reports.complete().replace(SPENT_SENTENCE,
                "全年实际支出4,900,000元，其中：基本支出3,900,000元，项目支出1,000,000元。");
        SubmissionResult r = Checks.text(doc);
        assertTrue(r.getFindings().isEmpty(), () -> Checks.dump(r));
    }

    @Test
    void narrativeInYuanDifferingFromTheTablesIsReported() {
        String doc = Reports.complete().replace(SPENT_SENTENCE,
                "全年实际支出4,900,000元，其中：基本支出3,800,000元，项目支出1,100,000元。");
        SubmissionResult r = Checks.text(doc);
        Finding f = Checks.findings(r, CROSS).stream()
                .filter(x -> "基本支出".equals(x.getEvidence().get("subject"))).findFirst()
                .orElseThrow(() -> new AssertionError(Checks.dump(r)));
        assertAmount("380", f.getEvidence().get("first"));
        assertAmount("390", f.getEvidence().get("second"));
    }

    @Test
    void basicDataTableDifferingFromTheTextIsReported() {
        String doc = replaceRow(Reports.complete(), new String[]{"公用经费", "85", "95", "90"}, new String[]{"公用经费", "85", "95", "92"});
        Finding f = only(Checks.text(doc), CROSS);
        assertEquals("公用经费", f.getEvidence().get("subject"));
        assertAmount("90", f.getEvidence().get("first"));
        assertAmount("92", f.getEvidence().get("second"));
        assertEquals("附件1 基础数据表", f.getEvidence().get("secondAt"));
    }

    @Test
    void priorYearAmountsAndDifferencesInTheTextAreNotThisYearsFigures() {
        for (String sentence : new String[]{
                "2024年全年项目支出100万元，较上年支出90万元增加10万元。",
                "2024年全年项目支出100万元，2023年项目支出90万元。",
                "2024年全年项目支出100万元，比2023年决算数90万元增加10万元。",
                "2024年全年项目支出100万元，同比减少支出10万元。"}) {
            SubmissionResult r = Checks.text(Reports.complete().replace(PROJECT_SENTENCE, sentence));
            assertTrue(r.getFindings().isEmpty(), () -> sentence + "\n" + Checks.dump(r));
        }
    }

    @Test
    void earlierClauseAboutThePriorYearDoesNotHideThisYearsFigure() {
        String doc = Reports.complete().replace(PROJECT_SENTENCE, "项目支出较上年有所增长，2024年全年项目支出90万元。");
        SubmissionResult r = Checks.text(doc);
        assertTrue(Checks.findings(r, CROSS).stream().anyMatch(f -> "项目支出".equals(f.getEvidence().get("subject"))
                && new BigDecimal("90").compareTo((BigDecimal) f.getEvidence().get("first")) == 0), () -> Checks.dump(r));
    }

    // —— helpers ——

    /** The complete report with its 基础数据表 replaced. */
    private static String withBasicData(String basicData) {
        return Reports.complete().replace(Reports.basicData(), basicData);
    }

    /** A 基础数据表 whose 2024 三公经费 block has two decimals: total, 公务用车 (all running cost), 出国 0.00, 公务接待. */
    private static String threePublic(String total, String cars, String reception) {
        return "附件1\n2024年度部门整体支出绩效评价基础数据表\n" + TextTable.table()
                .row("经费控制情况（万元）", "2023年决算数", "2024年预算数", "2024年决算数")
                .row("三公经费", "12.00", "12.00", total)
                .row("   1、公务用车购置和维护经费", "9.00", "9.00", cars)
                .row("       其中：公车购置", "0.00", "0.00", "0.00")
                .row("             公车运行维护", "9.00", "9.00", cars)
                .row("   2、出国经费", "0.00", "0.00", "0.00")
                .row("   3、公务接待", "3.00", "3.00", reception);
    }
}
