package io.selfeval.rules;

import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import io.selfeval.bench.TextTable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SCR codes: each is made to fire by breaking one place of the consistent test report (or a small document), and
 * is shown to stay silent on a near miss that a careless rule would report.
 */
class ScoreRulesTest {

    // ---- building blocks -------------------------------------------------------------------------------------

    /** One table row in the seed text format, to find and replace rows of {@link Reports#overall()}. */
    static String row(String... cells) {
        return Reports.row(cells);
    }

    /** Replaces text that must be present (so a changed fixture cannot silently turn a test into a no-op). */
    static String swap(String text, String from, String to) {
        return Reports.swap(text, from, to);
    }

    /** The complete report with its 附件2 replaced. */
    static String reportWithOverall(String overall) {
        return Reports.TITLE + Reports.body() + "\n" + Reports.basicData() + "\n" + overall + "\n" + Reports.project();
    }

    /** The complete report with its 附件2 changed in one place. */
    static String reportWithOverallRow(String from, String to) {
        return reportWithOverall(swap(Reports.overall(), from, to));
    }

    /** The complete report with its body changed in one place. */
    static String reportWithBody(String from, String to) {
        return Reports.TITLE + swap(Reports.body(), from, to) + "\n" + Reports.basicData() + "\n" + Reports.overall()
                + "\n" + Reports.project();
    }

    static final String FUNDS_ROW = row("", "年度资金总额", "480", "500", "490", "10", "98%", "9.8");
    static final String TOTAL_ROW = row("总分", "100", "98.8", "");
    static final String QUALITY_ROW = row("", "", "质量指标", "文稿合格率", "≥98%", "100%", "10", "10", "无偏差");
    static final String TIMELY_ROW = row("", "", "时效指标", "按时完成率", "100%", "100%", "10", "10", "无偏差");
    static final String COST_ROW = row("", "", "成本指标", "支出不超过预算", "≤500万元", "490万元", "10", "10", "无偏差");
    static final String BENEFIT_ROW = row("", "效益指标\n\n（30分）", "社会效益指标", "群众办事满意", "≥90%", "95%", "30", "29",
            "个别事项办理时限偏长，下年压缩办理时间");
    static final String SATISFACTION_ROW = row("", "满意度\n指标\n（10分）", "服务对象满意度指标", "服务对象满意度", "≥90%", "96%", "10", "10", "无偏差");

    /**
     * Only a title and an 附件2 whose funds row and total are given (indicators as in the test report: 50 + 29 + 10
     * besides the execution-rate item), so the table's own total is the self-score and no narrative interferes.
     */
    static String overallOnly(String budget, String spent, String rate, String rateScore, String total) {
        String t = swap(Reports.overall(), FUNDS_ROW, row("", "年度资金总额", budget, budget, spent, "10", rate, rateScore));
        return Reports.TITLE + swap(t, TOTAL_ROW, row("总分", "100", total, ""));
    }

    /** An 附件2 with the given first-level weights (产出/效益/满意度, one item each) and full scores; rate item 10 of 10. */
    static String overallWeighted(int output, int benefit, int satisfaction) {
        int total = 10 + output + benefit + satisfaction;
        return Reports.TITLE + "附件2\n2024年度部门整体支出绩效自评表\n" + TextTable.table()
                .row("年度预\n算申请\n（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
                .row("", "年度资金总额", "500", "500", "500", "10", "100%", "10")
                .row("年度总体目标", "预期目标", "实际完成情况")
                .row("", "完成年度工作任务", "全面完成")
                .row("绩\n效\n指\n标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
                .row("", "产出指标\n(" + output + "分)", "数量指标", "办理文件", "≥1000件", "1100件", "" + output, "" + output, "")
                .row("", "效益指标\n(" + benefit + "分)", "社会效益指标", "群众办事满意", "≥90%", "95%", "" + benefit, "" + benefit, "")
                .row("", "满意度指标\n(" + satisfaction + "分)", "服务对象满意度指标", "服务对象满意度", "≥90%", "96%", "" + satisfaction, "" + satisfaction, "")
                .row("总分", "" + total, "" + total, "");
    }

    /**
     * Scoring written in the narrative as in seed 002: a self-score sentence, then per first-level heading
     * "(分值N分，得M分)" (full-width brackets for the rate heading, half-width for the others, as both occur) and items
     * "年度指标值：…，实际完成值：…，分值N分，得分M分。". With outputItemScore 20 the items give 50 + 30 + 10.
     */
    static String narrativeScoring(String selfScore, String rateLine, String rateHeadingScore, String outputItemScore) {
        return """
                2023年度测试区委办公室部门整体支出绩效自评报告
                一、基本情况
                测试区委办公室负责区委日常工作。
                二、部门整体支出绩效情况
                根据部门整体支出绩效评价指标，部门整体支出绩效得分%s分，具体情况如下：
                （一）预算执行率（分值10分，得%s分，扣%s分）
                %s
                (二)产出指标(分值50分，得50分，未扣分)
                1、督查工作，年度指标值：≥60件，实际完成值：70件，分值30分，得分30分。
                2、综合文稿，年度指标值：≥200篇，实际完成值：210篇，分值20分，得分%s分。
                (三)效益指标(分值30分，得30分，未扣分)
                1、保密工作，年度指标值：零差错，实际完成值：零差错，分值30分，得分30分。
                (四)满意度指标(分值10分，得10分，未扣分)
                区直部门满意度，年度指标值：≥90%%，实际完成值：95%%，分值10分，得分10分。
                三、存在的问题及原因分析
                年初部门预算编制不够精准，年中调整了部分预算。
                """.formatted(selfScore, rateHeadingScore, new BigDecimal("10").subtract(new BigDecimal(rateHeadingScore)).toPlainString(),
                rateLine, outputItemScore);
    }

    static final String RATE_100 = "财政拨款年初预算数734.03万元，全年预算数866.74万元，全年执行数866.74万元，预算执行率100%。";

    /** A message's arguments without the sheet's name, which every sheet-level wording starts with. */
    static Map<String, Object> withoutSheet(Map<String, Object> args) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(args);
        out.remove("sheet");
        return out;
    }

    static Finding only(SubmissionResult r, String code) {
        return Checks.single(r, code);
    }

    static Finding withMessage(SubmissionResult r, String code, String fragment) {
        return Checks.findings(r, code).stream().filter(f -> f.getMessage().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " saying “" + fragment + "”, got:\n" + Checks.dump(r)));
    }

    static void assertSilent(SubmissionResult r, String code) {
        assertFalse(Checks.codes(r).contains(code), () -> code + " should not fire, got:\n" + Checks.dump(r));
    }

    /** Guards a near miss: the score sheet was read (its item scores add up to itemSum), so silence means something. */
    static void assertSheetRead(SubmissionResult r, String itemSum) {
        BigDecimal read = r.getSelfScore().recomputed();
        assertTrue(read != null && read.compareTo(new BigDecimal(itemSum)) == 0, () -> "score sheet items read as " + read + ", expected " + itemSum);
    }

    static void assertNum(String expected, Object actual) {
        assertTrue(actual instanceof BigDecimal, () -> "not a number: " + actual);
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), () -> "expected " + expected + ", got " + actual);
    }

    // ---- SCR_SUM_MISMATCH --------------------------------------------------------------------------------------

    @Nested
    class SumMismatch {
        @Test
        void itemScoreLoweredUnderUnchangedTotalIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(BENEFIT_ROW, BENEFIT_ROW.replace("\t29\n", "\t28\n")));
            Finding f = only(r, "SCR_SUM_MISMATCH");
            assertEquals("98.8", f.getMessageArgs().get("stated"));
            assertEquals("97.8", f.getMessageArgs().get("sum"));
            assertNum("1", f.getEvidence().get("difference"));
            assertTrue(f.getLocation().getTable().startsWith("附件2"), f.getLocation().getTable());
        }

        @Test
        void projectSheetTotalDifferingFromItsItemsIsReported() {
            String project = swap(Reports.project(), row("总分", "100", "100", ""), row("总分", "100", "99", ""));
            SubmissionResult r = Checks.text(Reports.TITLE + Reports.body() + "\n" + Reports.basicData() + "\n" + Reports.overall() + "\n" + project);
            assertEquals("业务工作经费总分为99分，但各项得分之和为100分", only(r, "SCR_SUM_MISMATCH").getMessage());
        }

        @Test
        void seed000TotalOf98Point85EqualsItsItemsWithRateScore9Point85() {
            SubmissionResult r = Checks.text(overallOnly("1273.05", "1253.78", "98.49%", "9.85", "98.85"));
            assertSheetRead(r, "98.85");
            assertSilent(r, "SCR_SUM_MISMATCH");
            assertSilent(r, "SCR_RATE_SCORE");
        }

        @Test
        void narrativeSelfScoreDifferingFromNarrativeItemsIsReported() {
            SubmissionResult r = Checks.text(narrativeScoring("98", RATE_100, "10", "20"));
            Finding f = only(r, "SCR_SUM_MISMATCH");
            assertEquals("98", f.getMessageArgs().get("stated"));
            assertEquals("100", f.getMessageArgs().get("sum"));
            assertEquals("narrative", f.getLocation().getPart());
        }

        @Test
        void narrativeSelfScoreEqualToNarrativeItemsIsAccepted() {
            SubmissionResult r = Checks.text(narrativeScoring("100", RATE_100, "10", "20"));
            assertSheetRead(r, "100");
            assertSilent(r, "SCR_SUM_MISMATCH");
        }

        @Test
        void narrativeGroupHeadingScoreDifferingFromItsItemsIsReported() {
            SubmissionResult r = Checks.text(narrativeScoring("98", RATE_100, "10", "18"));
            Finding f = withMessage(r, "SCR_SUM_MISMATCH", "产出指标标明得分50分，但其下各项得分之和为48分");
            assertEquals("产出指标", f.getEvidence().get("group"));
            assertTrue(f.getLocation().getExcerpt().contains("(二)产出指标"), f.getLocation().getExcerpt());
        }
    }

    // ---- SCR_WEIGHT_SUM ----------------------------------------------------------------------------------------

    @Nested
    class WeightSum {
        @Test
        void groupHeadingWeightDifferingFromItsItemsIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(
                    row("", "产出指标\n\n(50分)", "数量指标", "办理文件", "≥1000件", "1100件", "20", "20", "无偏差"),
                    row("", "产出指标\n\n(40分)", "数量指标", "办理文件", "≥1000件", "1100件", "20", "20", "无偏差")));
            Finding f = only(r, "SCR_WEIGHT_SUM");
            assertTrue(f.getMessage().contains("产出指标标明40分，但其下各项分值之和为50分"), f.getMessage());
            assertNum("50", f.getEvidence().get("sumOfWeights"));
        }

        @Test
        void itemWeightsAddingUpTo105AreReportedAgainstFullMarks() {
            SubmissionResult r = Checks.text(reportWithOverallRow(SATISFACTION_ROW, SATISFACTION_ROW.replace("\t10\n\t10\n", "\t15\n\t10\n")));
            Finding f = withMessage(r, "SCR_WEIGHT_SUM", "各项分值之和为105分，不等于满分100分");
            assertNum("100", f.getEvidence().get("expected"));
            withMessage(r, "SCR_WEIGHT_SUM", "满意度指标标明10分，但其下各项分值之和为15分");
        }

        @Test
        void blankWeightCellLeavesTheSumUntold() {
            SubmissionResult r = Checks.text(reportWithOverallRow(TIMELY_ROW, TIMELY_ROW.replace("\t10\n\t10\n", "\t\n\t10\n")));
            assertSheetRead(r, "98.8");
            assertSilent(r, "SCR_WEIGHT_SUM");
            assertSilent(r, "SCR_STANDARD_WEIGHTS");
        }

        @Test
        void decimalItemWeightsThatAddUpAreAccepted() {
            SubmissionResult r = Checks.text(reportWithOverallRow(BENEFIT_ROW,
                    row("", "效益指标\n\n（30分）", "社会效益指标", "群众办事满意", "≥90%", "95%", "15.5", "15", "个别事项办理时限偏长")
                            + row("", "", "可持续影响指标", "制度建设", "≥3项", "3项", "14.5", "14", "一项制度尚在试行")));
            assertSheetRead(r, "98.8");
            assertSilent(r, "SCR_WEIGHT_SUM");
            assertSilent(r, "SCR_SUM_MISMATCH");
        }
    }

    // ---- SCR_STANDARD_WEIGHTS ----------------------------------------------------------------------------------

    @Nested
    class StandardWeights {
        @Test
        void outputAndBenefitWeightsMovedAwayFromStandardAreReportedEach() {
            SubmissionResult r = Checks.text(overallWeighted(40, 40, 10));
            List<Finding> f = Checks.findings(r, "SCR_STANDARD_WEIGHTS");
            assertEquals(2, f.size(), () -> Checks.dump(r));
            withMessage(r, "SCR_STANDARD_WEIGHTS", "产出指标的权重为40分，规定为50分");
            withMessage(r, "SCR_STANDARD_WEIGHTS", "效益指标的权重为40分，规定为30分");
            assertSilent(r, "SCR_WEIGHT_SUM");
        }

        @Test
        void standardGroupWeightsWithItemsRedistributedInsideAGroupAreAccepted() {
            String overall = swap(swap(Reports.overall(),
                    row("", "产出指标\n\n(50分)", "数量指标", "办理文件", "≥1000件", "1100件", "20", "20", "无偏差"),
                    row("", "产出指标\n\n(50分)", "数量指标", "办理文件", "≥1000件", "1100件", "25", "25", "无偏差")),
                    QUALITY_ROW, row("", "", "质量指标", "文稿合格率", "≥98%", "100%", "5", "5", "无偏差"));
            SubmissionResult r = Checks.text(reportWithOverall(overall));
            assertSheetRead(r, "98.8");
            assertSilent(r, "SCR_STANDARD_WEIGHTS");
            assertSilent(r, "SCR_WEIGHT_SUM");
        }
    }

    // ---- SCR_EXCEEDS_WEIGHT ------------------------------------------------------------------------------------

    @Nested
    class ExceedsWeight {
        @Test
        void scoreAboveItsWeightIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW, QUALITY_ROW.replace("\t10\n\t无偏差", "\t12\n\t无偏差")));
            Finding f = only(r, "SCR_EXCEEDS_WEIGHT");
            assertEquals("指标“文稿合格率”得分12分，超过其分值10分", f.getMessage());
            assertEquals("文稿合格率", f.getEvidence().get("indicator"));
        }

        @Test
        void negativeScoreIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW, QUALITY_ROW.replace("\t10\n\t无偏差", "\t-1\n\t无偏差")));
            Finding f = only(r, "SCR_EXCEEDS_WEIGHT");
            assertEquals("SCR_EXCEEDS_WEIGHT.negative", f.getMessageKey(), Checks.dump(r));
            assertEquals("-1", f.getMessageArgs().get("score"));
        }

        @Test
        void score9Point5OfWeight10IsNotAboveIt() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW,
                    row("", "", "质量指标", "文稿合格率", "≥98%", "97.5%", "10", "9.5", "个别文稿退回修改")));
            assertSheetRead(r, "98.3");
            assertSilent(r, "SCR_EXCEEDS_WEIGHT");
        }
    }

    // ---- SCR_RATE_SCORE ----------------------------------------------------------------------------------------

    @Nested
    class RateScore {
        @Test
        void rate98PercentScoredFullTenIsReported() {
            SubmissionResult r = Checks.text(overallOnly("500", "490", "98%", "10", "99"));
            Finding f = only(r, "SCR_RATE_SCORE");
            assertEquals(Map.of("rate", "98%", "weight", "10", "expected", "9.8", "score", "10"),
                    withoutSheet(f.getMessageArgs()), f.getMessage());
            assertNum("9.8", f.getEvidence().get("expected"));
        }

        @Test
        void rateComputedFromAmountsWhenTheRateCellIsBlank() {
            SubmissionResult r = Checks.text(overallOnly("500", "490", "", "10", "99"));
            assertNum("9.8", only(r, "SCR_RATE_SCORE").getEvidence().get("expected"));
        }

        @Test
        void seed002NarrativeFullExecutionScored9Of10IsReported() {
            SubmissionResult r = Checks.text(narrativeScoring("99", RATE_100, "9", "20"));
            Finding f = only(r, "SCR_RATE_SCORE");
            assertEquals(Map.of("rate", "100%", "weight", "10", "expected", "10", "score", "9"),
                    withoutSheet(f.getMessageArgs()), f.getMessage());
            assertTrue(f.getLocation().getExcerpt().contains("预算执行率（分值10分，得9分"), f.getLocation().getExcerpt());
        }

        @Test
        void narrativeBareRateWithoutAmountsScored9Of10IsReported() {
            SubmissionResult r = Checks.text(narrativeScoring("99", "2023年度预算执行率100%。", "9", "20"));
            assertTrue(only(r, "SCR_RATE_SCORE").getMessage().contains("预算执行率为100%，分值10分，应得10分，实际评9分"), Checks.dump(r));
        }

        @Test
        void narrativeFullExecutionScoredFullTenIsAccepted() {
            SubmissionResult r = Checks.text(narrativeScoring("100", RATE_100, "10", "20"));
            assertSheetRead(r, "100");
            assertSilent(r, "SCR_RATE_SCORE");
        }

        @Test
        void rate99Point9PercentScored9Point99IsAccepted() {
            SubmissionResult r = Checks.text(overallOnly("1000", "999", "99.9%", "9.99", "98.99"));
            assertSheetRead(r, "98.99");
            assertSilent(r, "SCR_RATE_SCORE");
            assertSilent(r, "SCR_SUM_MISMATCH");
        }

        @Test
        void rateAbove100PercentIsCappedAtTheWeight() {
            SubmissionResult r = Checks.text(overallOnly("500", "505", "101%", "10", "99"));
            assertSheetRead(r, "99");
            assertSilent(r, "SCR_RATE_SCORE");
        }
    }

    // ---- SCR_MET_BUT_DEDUCTED ----------------------------------------------------------------------------------

    @Nested
    class MetButDeducted {
        @Test
        void metTargetDeductedWithOnlyNoDeviationSaidIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(BENEFIT_ROW,
                    BENEFIT_ROW.replace("个别事项办理时限偏长，下年压缩办理时间", "无偏差")));
            Finding f = only(r, "SCR_MET_BUT_DEDUCTED");
            assertTrue(f.getMessage().contains("指标“群众办事满意”指标值≥90%，实际完成95%，已完成却只得29分（分值30分）"), f.getMessage());
        }

        @Test
        void seed004ActualEqualToTargetScored13Of15WithoutReasonIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(BENEFIT_ROW,
                    row("", "效益指标\n\n（30分）", "社会效益指标", "全县人民受益度", "38.5万人口", "38.5万人口", "15", "13", "")
                            + row("", "", "社会效益指标", "政务公开", "≥95%", "100%", "15", "15", "")));
            Finding f = only(r, "SCR_MET_BUT_DEDUCTED");
            assertEquals("全县人民受益度", f.getEvidence().get("indicator"));
            assertNum("13", f.getEvidence().get("score"));
        }

        @Test
        void incidentAgainstAZeroTargetIsNotCalledMet() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW, row("", "", "质量指标", "安全事故", "0起", "1起", "10", "8", "")));
            assertSheetRead(r, "96.8");
            assertSilent(r, "SCR_MET_BUT_DEDUCTED");
            assertEquals("安全事故", only(r, "SCR_DEVIATION_UNEXPLAINED").getEvidence().get("indicator"));
        }

        @Test
        void metTargetDeductedWithAReasonIsAccepted() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW,
                    row("", "", "质量指标", "文稿合格率", "≥98%", "100%", "10", "9", "两篇文稿格式不规范退回重印，扣1分")));
            assertSheetRead(r, "97.8");
            assertSilent(r, "SCR_MET_BUT_DEDUCTED");
            assertSilent(r, "SCR_DEVIATION_UNEXPLAINED");
        }
    }

    // ---- SCR_MISSED_FULL_SCORE ---------------------------------------------------------------------------------

    @Nested
    class MissedFullScore {
        @Test
        void missedTargetWithFullScoreIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(TIMELY_ROW, TIMELY_ROW.replace("\t100%\n\t10\n", "\t95%\n\t10\n")));
            Finding f = only(r, "SCR_MISSED_FULL_SCORE");
            assertEquals("指标“按时完成率”指标值100%，实际完成95%，未完成却得满分10分", f.getMessage());
        }

        @Test
        void errorRateAboveAZeroTargetWithFullScoreIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW, row("", "", "质量指标", "差错率", "0%", "2%", "10", "10", "")));
            assertEquals("指标“差错率”指标值0%，实际完成2%，未完成却得满分10分", only(r, "SCR_MISSED_FULL_SCORE").getMessage());
        }

        @Test
        void measured96PercentAgainstAtLeast95PercentIsMet() {
            SubmissionResult r = Checks.text(reportWithOverallRow(SATISFACTION_ROW,
                    row("", "满意度\n指标\n（10分）", "服务对象满意度指标", "服务对象满意度", "≥95%", "96%", "10", "10", "无偏差")));
            assertSheetRead(r, "98.8");
            assertSilent(r, "SCR_MISSED_FULL_SCORE");
        }

        @Test
        void timeLimitWrittenWithoutOperatorIsACeiling() {
            // "5个工作日" under 时效 means within five days: three days meets it, eight days misses it.
            SubmissionResult met = Checks.text(reportWithOverallRow(TIMELY_ROW,
                    row("", "", "时效指标", "审批办结时限", "5个工作日", "3个工作日", "10", "10", "无偏差")));
            assertSheetRead(met, "98.8");
            assertSilent(met, "SCR_MISSED_FULL_SCORE");
            SubmissionResult missed = Checks.text(reportWithOverallRow(TIMELY_ROW,
                    row("", "", "时效指标", "审批办结时限", "5个工作日", "8个工作日", "10", "10", "无偏差")));
            assertEquals("指标“审批办结时限”指标值5个工作日，实际完成8个工作日，未完成却得满分10分",
                    only(missed, "SCR_MISSED_FULL_SCORE").getMessage());
        }

        @Test
        void costBelowACapWrittenWithoutOperatorIsMet() {
            SubmissionResult r = Checks.text(reportWithOverallRow(COST_ROW,
                    row("", "", "成本指标", "支出不超过预算", "500万元", "490万元", "10", "10", "无偏差")));
            assertSheetRead(r, "98.8");
            assertSilent(r, "SCR_MISSED_FULL_SCORE");
        }
    }

    // ---- SCR_DEVIATION_UNEXPLAINED -----------------------------------------------------------------------------

    @Nested
    class DeviationUnexplained {
        static final String SEED004_ROW = row("", "", "质量指标", "验收合格率", "100%", "95%", "10", "8", "");

        @Test
        void seed004MissedTargetScored8Of10WithEmptyReasonIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW, SEED004_ROW));
            Finding f = only(r, "SCR_DEVIATION_UNEXPLAINED");
            assertTrue(f.getMessage().contains("指标“验收合格率”指标值100%，实际完成95%，得8分（分值10分），偏差原因分析未填写"), f.getMessage());
            assertEquals("指标值 100% ｜ 实际 95% ｜ 分值 10 ｜ 得分 8", f.getLocation().getExcerpt(), "the excerpt shows the row");
        }

        @Test
        void reasonSayingOnlyNoDeviationIsNoExplanation() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW, SEED004_ROW.replace("\t8\n\t\n", "\t8\n\t无偏差\n")));
            assertTrue(only(r, "SCR_DEVIATION_UNEXPLAINED").getMessage().endsWith("只写“无偏差”"), Checks.dump(r));
        }

        @Test
        void missedTargetWithAReasonIsAccepted() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW,
                    SEED004_ROW.replace("\t8\n\t\n", "\t8\n\t2个项目首次验收未通过，已督促整改\n")));
            assertSheetRead(r, "96.8");
            assertSilent(r, "SCR_DEVIATION_UNEXPLAINED");
        }

        @Test
        void metTargetDeductedIsLeftToMetButDeducted() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW, QUALITY_ROW.replace("\t10\n\t无偏差", "\t9\n\t无偏差")));
            assertSheetRead(r, "97.8");
            assertSilent(r, "SCR_DEVIATION_UNEXPLAINED");
            only(r, "SCR_MET_BUT_DEDUCTED");
        }
    }

    // ---- SCR_NARRATIVE_MISMATCH --------------------------------------------------------------------------------

    @Nested
    class NarrativeMismatch {
        @Test
        void narrativeSelfScoreDifferingFromTheTableTotalIsReported() {
            SubmissionResult r = Checks.text(reportWithBody("自评得分98.8分", "自评得分97.8分"));
            Finding f = only(r, "SCR_NARRATIVE_MISMATCH");
            assertTrue(f.getMessage().startsWith("正文称自评得分97.8分，但"), f.getMessage());
            assertTrue(f.getMessage().endsWith("总分为98.8分"), f.getMessage());
            assertEquals("narrative", f.getLocation().getPart());
        }

        @Test
        void sameScoreWrittenWithATrailingZeroIsAccepted() {
            SubmissionResult r = Checks.text(reportWithBody("自评得分98.8分", "自评得分98.80分"));
            assertEquals("98.80", r.getSelfScore().stated().toPlainString(), "the narrative score must have been read");
            assertSilent(r, "SCR_NARRATIVE_MISMATCH");
        }

        @Test
        void projectTableTotalIsNotComparedWithTheSelfScore() {
            // 附件3 totals 100 while the body says 98.8: only 附件2 is the self-evaluation of the whole department.
            SubmissionResult r = Checks.text(Reports.complete());
            assertSheetRead(r, "98.8");
            assertTrue(Reports.project().contains(row("总分", "100", "100", "")));
            assertSilent(r, "SCR_NARRATIVE_MISMATCH");
        }
    }

    // ---- SCR_GRADE_MISMATCH ------------------------------------------------------------------------------------

    @Nested
    class GradeMismatch {
        /** The body alone, with the self-score and grade sentence given. */
        String bodyWith(String score, String grade) {
            return Reports.TITLE + swap(Reports.body(), "自评得分98.8分，评价等级为“优秀”", "自评得分" + score + "分，评价等级为“" + grade + "”");
        }

        @ParameterizedTest(name = "{0}分 graded {1} is reported, should be {2}")
        @CsvSource({"85, 优秀, 良好", "89.5, 优秀, 良好", "91, 良好, 优秀", "75, 良好, 较差", "95, 良, 优秀"})
        void gradeOutsideTheScoreBandIsReported(String score, String grade, String expected) {
            SubmissionResult r = Checks.text(bodyWith(score, grade));
            Finding f = only(r, "SCR_GRADE_MISMATCH");
            assertTrue(f.getMessage().contains("评价等级为“" + grade + "”，但自评得分" + score + "分按等级标准应为“" + expected + "”"), f.getMessage());
        }

        @Test
        void gradeWithoutANarrativeScoreIsCheckedAgainstTheTableTotal() {
            SubmissionResult r = Checks.text(reportWithBody("自评得分98.8分，评价等级为“优秀”", "评价等级为“良好”"));
            Finding f = only(r, "SCR_GRADE_MISMATCH");
            assertTrue(f.getMessage().endsWith("总分98.8分按等级标准应为“优秀”"), f.getMessage());
        }

        @Test
        void gradeWithoutANarrativeScoreAgreeingWithTheTableTotalIsAccepted() {
            SubmissionResult r = Checks.text(reportWithBody("自评得分98.8分，评价等级为“优秀”", "评价等级为“优秀”"));
            assertTrue(r.getFindings().isEmpty(), () -> Checks.dump(r));
        }

        @ParameterizedTest(name = "{0}分 graded {1} is accepted")
        @CsvSource({"95, 优秀", "90, 优秀", "90, 良好", "85, 良好", "80, 良好", "80, 较差", "96, 优", "88, 良"})
        void gradeWithinTheScoreBandIsAccepted(String score, String grade) {
            SubmissionResult r = Checks.text(bodyWith(score, grade));
            assertSilent(r, "SCR_GRADE_MISMATCH");
            assertEquals(0, new BigDecimal(score).compareTo(r.getSelfScore().stated()), "self-score must have been read");
        }
    }

    // ---- SCR_OUTPUT_BENEFIT_SHARE ------------------------------------------------------------------------------

    @Nested
    class OutputBenefitShare {
        @Test
        void outputAndBenefitAt50PercentAreReported() {
            SubmissionResult r = Checks.text(overallWeighted(30, 20, 40));
            Finding f = only(r, "SCR_OUTPUT_BENEFIT_SHARE");
            assertTrue(f.getMessage().contains("产出指标30分与效益指标20分合计50分，低于总分100分的60%"), f.getMessage());
        }

        @Test
        void outputAndBenefitAtExactly60PercentAreAccepted() {
            SubmissionResult r = Checks.text(overallWeighted(40, 20, 30));
            assertSilent(r, "SCR_OUTPUT_BENEFIT_SHARE");
            assertTrue(Checks.codes(r).contains("SCR_STANDARD_WEIGHTS"), "the sheet must have been read: " + Checks.dump(r));
        }
    }

    // ---- a score outside every grade band; narrative group headings summarising the table ----

    @Nested
    class ScoreOutsideBandsAndNarrativeSummary {
        @Test
        void scoreAboveFullMarksGivesNoGradeMismatch() {
            String body = Reports.TITLE + swap(Reports.body(), "自评得分98.8分，评价等级为“优秀”", "自评得分100.5分，评价等级为“优秀”");
            assertSilent(Checks.text(body), "SCR_GRADE_MISMATCH");
            // Within the bands a wrong grade is still reported.
            String wrong = Reports.TITLE + swap(Reports.body(), "自评得分98.8分，评价等级为“优秀”", "自评得分98.8分，评价等级为“良好”");
            only(Checks.text(wrong), "SCR_GRADE_MISMATCH");
        }

        /** The body with narrative group headings that summarise 附件2 (9.8 + 50 + 29 + 10 = 98.8). */
        String summarised(String selfScore) {
            String groups = """
                    （一）预算执行率（分值10分，得9.8分）
                    全年预算执行情况良好。
                    （二）产出指标（分值50分，得50分）
                    各项产出任务全面完成。
                    （三）效益指标（分值30分，得29分）
                    社会效益较好。
                    （四）满意度指标（分值10分，得10分）
                    服务对象满意。
                    """;
            String body = swap(Reports.body(), "2024年，县政府办部门整体支出绩效自评得分98.8分，评价等级为“优秀”。",
                    "2024年，县政府办部门整体支出绩效自评得分" + selfScore + "分，评价等级为“优秀”。\n" + groups.strip());
            return Reports.TITLE + body + "\n" + Reports.basicData() + "\n" + Reports.overall() + "\n" + Reports.project();
        }

        @Test
        void narrativeSummaryAgreeingWithTheTableGivesNoFinding() {
            SubmissionResult r = Checks.text(summarised("98.8"));
            assertTrue(r.getFindings().stream().noneMatch(f -> f.getSeverity() == io.selfeval.model.Severity.ERROR), () -> Checks.dump(r));
        }

        @Test
        void narrativeScoreDifferingFromTheTableIsANarrativeMismatchNotASumMismatch() {
            SubmissionResult r = Checks.text(summarised("97.8"));
            only(r, "SCR_NARRATIVE_MISMATCH");
            assertSilent(r, "SCR_SUM_MISMATCH");
        }
    }
}
