package io.selfeval.recognize;

import io.selfeval.model.Breakdown;
import io.selfeval.model.Figure;
import io.selfeval.model.Finding;
import io.selfeval.model.RateClaim;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.TextReader;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sentence shapes of the genre that a flat reading gets wrong (issue patterns 1, 2 and 7): nested 其中 lists in
 * brackets, budget and spend in one sentence each with its own list, prior-year comparisons, rates written as
 * "完成预算的…", amounts in 元 and 亿元 with thousands separators. Each shape has a consistent variant (no ERROR) and a
 * broken one (the code fires, with the figures of the fault as evidence).
 */
class NarrativeGrammarTest {
    private static final String SUM = "AMT_SUM_MISMATCH";
    private static final String PART = "AMT_PART_EXCEEDS_TOTAL";
    private static final String RATE = "EXE_RATE_MISMATCH";

    private static String narrative(String... sentences) {
        return Reports.TITLE + "一、部门基本情况\n测试县人民政府办公室是县政府的办事机构。\n二、一般公共预算支出情况\n"
                + String.join("\n", sentences) + "\n";
    }

    private static Recognition facts(String doc) {
        return Recognizer.recognize(TextReader.parse("r.txt", doc), io.selfeval.testing.Checks.rules().vocabulary());
    }

    /** The ERROR codes about money (AMT, EXE, PRJ): what a misread sentence gives; a short report lacks other parts. */
    private static List<String> errors(SubmissionResult r) {
        return r.getFindings().stream().filter(f -> f.getSeverity() == Severity.ERROR).map(Finding::getCode)
                .filter(c -> c.startsWith("AMT_") || c.startsWith("EXE_") || c.startsWith("PRJ_")).toList();
    }

    private static void assertNoError(String doc) {
        SubmissionResult r = Checks.text(doc);
        assertTrue(errors(r).isEmpty(), () -> Checks.dump(r));
    }

    private static Breakdown breakdownOf(Recognition rec, String subject, String measure) {
        return rec.factsOf(Breakdown.class).stream()
                .filter(b -> b.getTotalSubject().equals(subject) && b.getTotal().getMeasure().equals(measure))
                .findFirst().orElseThrow(() -> new AssertionError("no breakdown of " + subject + "/" + measure + " in " + rec.facts()));
    }

    // —— 1. nested 其中 in brackets ——

    private static final String THREE_PUBLIC = "“三公”经费支出12.46万元，其中：公务用车购置及运行维护费10.20万元（其中公车购置0万元、公车运行维护10.20万元），"
            + "出国经费0万元，公务接待2.26万元。";

    @Test
    void aBracketAfterAPartHoldsThePartsOfThatPartNotOfTheTotal() {
        Recognition rec = facts(narrative(THREE_PUBLIC));
        assertEquals(List.of("公务用车", "出国经费", "公务接待"),
                breakdownOf(rec, "三公经费", Figure.SPENT).getPartSubjects());
        assertEquals(List.of("公车购置", "公车运行维护"), breakdownOf(rec, "公务用车", Figure.SPENT).getPartSubjects());
        assertNoError(narrative(THREE_PUBLIC));
    }

    @Test
    void bracketedPartsWithoutQiZhongAreStillPartsOfTheAmountBeforeThem() {
        String s = "“三公”经费支出8.38万元，其中：公务用车购置及运行维护费5.59万元（公务用车购置费0.00万元，公务用车运行维护费5.59万元），"
                + "因公出国（境）费1.81万元，公务接待费0.98万元，控制在年度预算以内。";
        Recognition rec = facts(narrative(s));
        assertEquals(List.of("公务用车", "出国经费", "公务接待"),
                breakdownOf(rec, "三公经费", Figure.SPENT).getPartSubjects());
        assertNoError(narrative(s));
    }

    @Test
    void aNestedPartThatBreaksItsOwnTotalIsReportedOnThatTotal() {
        String broken = THREE_PUBLIC.replace("公车运行维护10.20万元", "公车运行维护11.20万元");
        Finding f = Checks.single(Checks.text(narrative(broken)), SUM);
        assertTrue(f.getMessage().contains("公务用车"), f.getMessage());
        Checks.assertNum("10.20", f.getEvidence().get("total"));
        Checks.assertNum("11.20", f.getEvidence().get("sumOfParts"));
    }

    @Test
    void theOuterTotalIsStillCheckedAgainstItsOwnParts() {
        String broken = THREE_PUBLIC.replace("公务接待2.26万元", "公务接待3.26万元");
        Finding f = Checks.single(Checks.text(narrative(broken)), SUM);
        Checks.assertNum("12.46", f.getEvidence().get("total"));
        Checks.assertNum("13.46", f.getEvidence().get("sumOfParts"));
    }

    // —— 2. budget and spend in one sentence, each with its own list ——

    private static final String BUDGET_AND_SPEND = "全年预算数1862.50万元，其中基本支出预算1420.30万元、项目支出预算442.20万元；"
            + "全年执行数1815.06万元，其中基本支出1398.76万元、项目支出416.30万元，预算执行率为97.45%。";

    @Test
    void eachListBelongsToTheTotalOfItsMeasure() {
        Recognition rec = facts(narrative(BUDGET_AND_SPEND));
        Breakdown budget = breakdownOf(rec, Subjects.TOTAL, Figure.BUDGET);
        Breakdown spent = breakdownOf(rec, Subjects.TOTAL, Figure.SPENT);
        assertEquals(0, new BigDecimal("1862.50").compareTo(budget.getTotal().getValue().getValue()));
        assertEquals(0, new BigDecimal("1815.06").compareTo(spent.getTotal().getValue().getValue()));
        assertEquals(List.of(Subjects.BASIC, Subjects.PROJECT), spent.getPartSubjects());
        RateClaim claim = rec.factsOf(RateClaim.class).get(0);
        assertEquals(Subjects.TOTAL, claim.getSubject());
        assertEquals(0, new BigDecimal("1815.06").compareTo(claim.getNumerator().getValue()));
        assertEquals(0, new BigDecimal("1862.50").compareTo(claim.getDenominator().getValue()));
        assertNoError(narrative(BUDGET_AND_SPEND));
    }

    @Test
    void aRateAfterTheSpendListThatDisagreesWithTheTotalsIsReported() {
        Finding f = Checks.single(Checks.text(narrative(BUDGET_AND_SPEND.replace("97.45%", "100%"))), RATE);
        Checks.assertNum("1815.06", f.getEvidence().get("spent"));
        Checks.assertNum("1862.50", f.getEvidence().get("budget"));
    }

    @Test
    void aPartOfTheSpendListThatBreaksTheTotalIsReportedAgainstTheSpendTotal() {
        Finding f = Checks.single(Checks.text(narrative(BUDGET_AND_SPEND.replace("项目支出416.30万元", "项目支出436.30万元"))), SUM);
        Checks.assertNum("1815.06", f.getEvidence().get("total"));
    }

    @Test
    void spendBeforeBudgetAndEachSubjectsOwnPair() {
        String s = "2024年，县民政局全年执行数1365.57万元，全年预算数1353.06万元，预算执行率100.92%。"
                + "其中，基本支出预算1187.10万元，实际支出1199.61万元；项目支出预算165.96万元，实际支出165.96万元。";
        Recognition rec = facts(narrative(s));
        assertEquals(List.of(Subjects.BASIC, Subjects.PROJECT), breakdownOf(rec, Subjects.TOTAL, Figure.BUDGET).getPartSubjects());
        assertEquals(List.of(Subjects.BASIC, Subjects.PROJECT), breakdownOf(rec, Subjects.TOTAL, Figure.SPENT).getPartSubjects());
        assertNoError(narrative(s));
        assertTrue(errors(Checks.text(narrative(s.replace("100.92%", "100%")))).contains(RATE));
    }

    @Test
    void aRateWrittenAsCompletedShareOfTheBudget() {
        String s = "2024年全年预算资金1273.05万元，全年实际支出1253.78万元，完成预算的98.49%。";
        assertNoError(narrative(s));
        Finding f = Checks.single(Checks.text(narrative(s.replace("98.49%", "100%"))), RATE);
        Checks.assertNum("1253.78", f.getEvidence().get("spent"));
    }

    @Test
    void lastYearsFiguresAndDifferencesAreNotThisYears() {
        String s = "2024年全年预算资金500万元，全年实际支出490万元，预算执行率98%。上年决算数为460万元，其中基本支出400万元、项目支出80万元。"
                + "全年支出较上年增加30.00万元，增长6.5%，预算执行率较上年下降3.1个百分点。";
        Recognition rec = facts(narrative(s));
        assertTrue(rec.factsOf(Figure.class).stream().noneMatch(f -> f.getValue().getValue().compareTo(new BigDecimal("460")) == 0
                || f.getValue().getValue().compareTo(new BigDecimal("30.00")) == 0), () -> rec.facts().toString());
        assertEquals(1, rec.factsOf(RateClaim.class).size());
        assertNoError(narrative(s));
    }

    @Test
    void anAmountOfAnEarlierYearNamedByItsYearIsNotThisYears() {
        String s = "2024年全年实际支出490万元。2023年全年实际支出530万元。";
        Recognition rec = facts(narrative(s));
        assertEquals(List.of("490"), rec.factsOf(Figure.class).stream().map(f -> f.getValue().plain()).toList());
    }

    @Test
    void theInitialBudgetInBracketsIsAnotherMeasureOfTheSameTotal() {
        String s = "2024年度部门全年预算数为838.39万元（年初预算数838.39万元），其中基本支出预算652.79万元、项目支出预算185.60万元；"
                + "全年执行数831.67万元，其中基本支出652.79万元、项目支出178.88万元，预算执行率为99.20%。";
        Recognition rec = facts(narrative(s));
        assertTrue(rec.factsOf(Figure.class).stream().anyMatch(f -> f.getSubject().equals(Subjects.TOTAL)
                && f.getMeasure().equals(Figure.INITIAL_BUDGET)), () -> rec.facts().toString());
        assertNoError(narrative(s));
    }

    @Test
    void anOfWhichItemAboveItsTotalIsReported() {
        String s = "2024年公用经费支出38.40万元，其中：办公经费40.10万元。";
        Finding f = Checks.single(Checks.text(narrative(s)), PART);
        Checks.assertNum("40.10", f.getEvidence().get("sumOfParts"));
    }

    @Test
    void anUnnamedPartGivesNoBreakdownSoNoError() {
        String s = "2024年全年实际支出490万元，其中：390万元用于保障运转，项目支出150万元。";
        Recognition rec = facts(narrative(s));
        assertTrue(rec.factsOf(Breakdown.class).isEmpty(), () -> rec.facts().toString());
    }

    // —— 7. amounts in 元 and 亿元, thousands separators ——

    @Test
    void amountsInYuanWithSeparatorsAddUpAtTheirWrittenPrecision() {
        String s = "2024年全年实际支出12,730,500.00元，其中：基本支出11,830,500.00元，项目支出900,000.00元。";
        Recognition rec = facts(narrative(s));
        Breakdown b = breakdownOf(rec, Subjects.TOTAL, Figure.SPENT);
        assertEquals(0, new BigDecimal("1273.05").compareTo(b.getTotal().getValue().getValue()));
        assertNoError(narrative(s));
        Finding f = Checks.single(Checks.text(narrative(s.replace("900,000.00元", "990,000.00元"))), SUM);
        Checks.assertNum("1282.05", f.getEvidence().get("sumOfParts"));
    }

    @Test
    void mixedUnitsAndThousandsSeparatorsInWanYuan() {
        String s = "2024年全年预算资金1.27亿元，全年实际支出1,253.78万元，其中：基本支出1,163.78万元，项目支出900,000元。";
        assertNoError(narrative(s));
    }

    @Test
    void aUnitCostInYuanPerPersonIsNoAmountOfMoney() {
        String s = "2024年全年实际支出490万元，人均培训支出3000元/人。";
        Recognition rec = facts(narrative(s));
        assertEquals(1, rec.factsOf(Figure.class).size(), () -> rec.facts().toString());
    }

    // —— 10. a staffing control rate in the text ——

    @Test
    void aControlRateInTheTextIsCheckedAgainstItsHeadCounts() {
        String s = "2024年末，县司法局核定编制96人，实有在职人员89人，编制控制率92.71%，离退休人员12人。";
        assertTrue(Checks.findings(Checks.text(narrative(s)), "META_STAFF_RATE").isEmpty());
        Finding f = Checks.single(Checks.text(narrative(s.replace("92.71%", "107.87%"))), "META_STAFF_RATE");
        Checks.assertNum("96", f.getEvidence().get("staffQuota"));
        Checks.assertNum("89", f.getEvidence().get("staffActual"));
    }

    @Test
    void aFundsControlRateIsNoStaffingRate() {
        String s = "2024年末，核定编制96人，实有在职人员89人。公用经费控制率77.73%。";
        Recognition rec = facts(narrative(s));
        assertTrue(rec.factsOf(RateClaim.class).stream().noneMatch(c -> c.getKind().equals(RateClaim.STAFF)), () -> rec.facts().toString());
    }

    // —— when unsure, abstain ——

    private static void assertNoFigureOf(String sentence, String value) {
        Recognition rec = facts(narrative(sentence));
        assertTrue(rec.factsOf(Figure.class).stream().noneMatch(f -> f.getValue().getValue().compareTo(new BigDecimal(value)) == 0),
                () -> sentence + " → " + rec.facts());
    }

    @Test
    void incomeIsNoSpendFigureAndItsPartsAreNotPartsOfTheSpend() {
        String s = "2024年全年实际支出1480万元。全年收入合计1500万元，其中：财政拨款收入1400万元，其他收入100万元。";
        assertNoFigureOf(s, "1500");
        Recognition rec = facts(narrative(s));
        assertTrue(rec.factsOf(Breakdown.class).isEmpty(), () -> rec.facts().toString());
        assertNoError(narrative(s));
    }

    @Test
    void amountsGivenRespectivelyAreNotAssignedByGuess() {
        assertNoFigureOf("2024年基本支出预算数与执行数分别为800万元、790万元。", "800");
        assertNoFigureOf("2024年基本支出预算数与执行数分别为800万元、790万元。", "790");
    }

    @Test
    void anAmountOfTwoSubjectsTogetherIsNeitherSubjects() {
        assertNoFigureOf("2024年基本支出和项目支出合计490万元。", "490");
    }

    @Test
    void approximateAndCumulativeAmountsAreNotFigures() {
        assertNoFigureOf("2024年全年实际支出约490万元。", "490");
        assertNoFigureOf("2024年全年实际支出490万元以上。", "490");
        assertNoFigureOf("项目实施以来累计支出1200万元。", "1200");
    }

    @Test
    void aListWithCarriedOverFundsIsNotCheckedAsASum() {
        String s = "2024年项目支出170万元，其中：业务工作经费50万元，运行维护经费100万元，上年结转资金20万元。";
        Recognition rec = facts(narrative(s));
        assertTrue(rec.factsOf(Breakdown.class).isEmpty(), () -> rec.facts().toString());
    }

    @Test
    void aDifferenceInsideAListIsCommentaryNotAPart() {
        String s = "2024年全年实际支出490万元，其中：基本支出390万元，较上年增加10万元；项目支出100万元。";
        assertEquals(List.of(Subjects.BASIC, Subjects.PROJECT), breakdownOf(facts(narrative(s)), Subjects.TOTAL, Figure.SPENT).getPartSubjects());
        assertNoError(narrative(s));
    }

    @Test
    void thePartsOfAnEarlierYearsTotalAreAnEarlierYearsToo() {
        String s = "2024年全年实际支出490万元，其中：基本支出390万元，项目支出100万元。上年决算数460万元，其中：基本支出380万元，项目支出80万元。";
        Recognition rec = facts(narrative(s));
        assertEquals(1, rec.factsOf(Breakdown.class).size(), () -> rec.facts().toString());
        assertNoFigureOf(s, "380");
    }

    @Test
    void otherProvincesWordingOfBudgetSpendAndRate() {
        String s = "2024年部门年初预算为1000万元，调整预算为1100万元，决算数为1080万元，预算完成率98.18%。";
        assertNoError(narrative(s));
        Finding f = Checks.single(Checks.text(narrative(s.replace("98.18%", "108%"))), RATE);
        Checks.assertNum("1080", f.getEvidence().get("spent"));
        Checks.assertNum("1100", f.getEvidence().get("budget"));
    }

    @Test
    void wanWithoutYuanBeforeAMarkIsWanYuanButNotBeforeAWord() {
        Recognition rec = facts(narrative("2024年全年实际支出1234.56万，服务群众3.8万人次。"));
        assertEquals(List.of("1234.56"), rec.factsOf(Figure.class).stream().map(f -> f.getValue().plain()).toList());
    }

    @Test
    void withoutAYearInTheTitleTheBodysOwnYearTellsEarlierYearsApart() {
        String doc = "测试县人民政府办公室部门整体支出绩效自评报告\n一、部门基本情况\n2024年度，本单位履行职责。\n二、一般公共预算支出情况\n"
                + "2024年全年实际支出490万元。2023年全年实际支出530万元。\n";
        Recognition rec = facts(doc);
        assertEquals(List.of("490"), rec.factsOf(Figure.class).stream().map(f -> f.getValue().plain()).toList());
    }

    @Test
    void aListOfNamedProjectsMayGiveOnlyTheMainOnesButNotMoreThanTheTotal() {
        String partial = "2024年项目支出178.88万元，其中：人民调解以案定补资金83.78万元，法律援助专项经费65.10万元。";
        Recognition rec = facts(narrative(partial));
        assertEquals(AmountGrammar.ENUMERATED, rec.factsOf(Breakdown.class).get(0).getTotalSubject());
        assertNoError(narrative(partial));
        Finding f = Checks.single(Checks.text(narrative(partial.replace("65.10万元", "105.10万元"))), PART);
        Checks.assertNum("188.88", f.getEvidence().get("sumOfParts"));
    }

    @Test
    void aComparisonWithLastYearBetweenATotalAndItsPartsLeavesThePartsToTheTotal() {
        String s = "2024年全年基本支出405.4万元，较上年增加12.30万元，增长3.1%，其中人员经费339.45万元，公用经费65.95万元。";
        assertEquals(List.of("人员经费", "公用经费"), breakdownOf(facts(narrative(s)), Subjects.BASIC, Figure.SPENT).getPartSubjects());
        assertNoError(narrative(s));
        Finding f = Checks.single(Checks.text(narrative(s.replace("339.45", "345.45"))), SUM);
        Checks.assertNum("405.4", f.getEvidence().get("total"));
    }
}
