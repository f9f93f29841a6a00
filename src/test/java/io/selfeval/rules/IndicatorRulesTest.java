package io.selfeval.rules;

import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.selfeval.rules.ScoreRulesTest.BENEFIT_ROW;
import static io.selfeval.rules.ScoreRulesTest.QUALITY_ROW;
import static io.selfeval.rules.ScoreRulesTest.RATE_100;
import static io.selfeval.rules.ScoreRulesTest.SATISFACTION_ROW;
import static io.selfeval.rules.ScoreRulesTest.TIMELY_ROW;
import static io.selfeval.rules.ScoreRulesTest.assertSheetRead;
import static io.selfeval.rules.ScoreRulesTest.assertSilent;
import static io.selfeval.rules.ScoreRulesTest.narrativeScoring;
import static io.selfeval.rules.ScoreRulesTest.only;
import static io.selfeval.rules.ScoreRulesTest.reportWithOverallRow;
import static io.selfeval.rules.ScoreRulesTest.row;
import static io.selfeval.rules.ScoreRulesTest.swap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IND codes over the indicator rows of the test report's 附件2 (and seed-002 style narrative items): each made to
 * fire by changing one row, and kept silent on the near miss.
 */
class IndicatorRulesTest {

    /** The test report with the 效益 row's target and actual replaced (weight 30, score 29, reason kept). */
    static String benefitRow(String target, String actual) {
        return reportWithOverallRow(BENEFIT_ROW, BENEFIT_ROW.replace("\t≥90%\n\t95%\n", "\t" + target + "\n\t" + actual + "\n"));
    }

    // ---- IND_NOT_QUANTIFIED ------------------------------------------------------------------------------------

    @Nested
    class NotQuantified {
        @Test
        void qualityTargetWrittenOnlyAsMarkedImprovementIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW,
                    row("", "", "质量指标", "文稿合格率", "明显提升", "合格率100%", "10", "10", "无偏差")));
            Finding f = only(r, "IND_NOT_QUANTIFIED");
            assertEquals("指标“文稿合格率”的年度指标值“明显提升”只是定性描述，产出指标·质量指标应设定可衡量的数值", f.getMessage());
            assertEquals("文稿合格率", f.getLocation().getRow());
        }

        @Test
        void seed002NarrativeOutputTargetSteadyProgressIsReported() {
            String doc = swap(narrativeScoring("100", RATE_100, "10", "20"),
                    "2、综合文稿，年度指标值：≥200篇，实际完成值：210篇", "2、档案工作，年度指标值：稳步推进，实际完成值：完成");
            Finding f = only(Checks.text(doc), "IND_NOT_QUANTIFIED");
            assertTrue(f.getMessage().contains("指标“档案工作”的年度指标值“稳步推进”只是定性描述，产出指标"), f.getMessage());
            assertEquals("narrative", f.getLocation().getPart());
        }

        @Test
        void obviousEffectTargetOnABenefitIndicatorIsAccepted() {
            SubmissionResult r = Checks.text(benefitRow("效果明显", "群众办事平均时限缩短2天"));
            assertSheetRead(r, "98.8");
            assertSilent(r, "IND_NOT_QUANTIFIED");
            assertSilent(r, "IND_ACTUAL_NOT_VALUE");
        }

        @Test
        void quantityInChineseNumeralsIsQuantified() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW,
                    row("", "", "质量指标", "文稿合格率", "较上年提高两个百分点", "提高2.5个百分点", "10", "10", "无偏差")));
            assertSheetRead(r, "98.8");
            assertSilent(r, "IND_NOT_QUANTIFIED");
        }

        @Test
        void vagueWordWithANumberIsQuantified() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW,
                    row("", "", "质量指标", "文稿合格率", "较上年提升2个百分点", "提升2.5个百分点", "10", "10", "无偏差")));
            assertSheetRead(r, "98.8");
            assertSilent(r, "IND_NOT_QUANTIFIED");
        }
    }

    // ---- IND_ACTUAL_NOT_VALUE ----------------------------------------------------------------------------------

    @Nested
    class ActualNotValue {
        @Test
        void seed001ActualWrittenAsARangeIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(SATISFACTION_ROW, SATISFACTION_ROW.replace("\t96%\n", "\t≧98%\n")));
            Finding f = only(r, "IND_ACTUAL_NOT_VALUE");
            assertEquals("指标“服务对象满意度”的实际完成值“≧98%”是一个范围，应填写实际达到的数值或情况", f.getMessage());
            assertEquals("≥90%", f.getEvidence().get("target"));
        }

        @Test
        void actualCopyingTheTargetWordsIsReported() {
            Finding f = only(Checks.text(benefitRow("效果明显", "效果明显")), "IND_ACTUAL_NOT_VALUE");
            assertTrue(f.getMessage().contains("指标“群众办事满意”的实际完成值“效果明显”照抄了指标值的文字"), f.getMessage());
        }

        @Test
        void measured96PercentAgainstAtLeast95PercentIsAValue() {
            SubmissionResult r = Checks.text(reportWithOverallRow(SATISFACTION_ROW, SATISFACTION_ROW.replace("\t≥90%\n", "\t≥95%\n")));
            assertSheetRead(r, "98.8");
            assertTrue(r.getFindings().isEmpty(), () -> Checks.dump(r));
        }

        @Test
        void actualSayingReached96PercentIsAValue() {
            SubmissionResult r = Checks.text(reportWithOverallRow(SATISFACTION_ROW, SATISFACTION_ROW.replace("\t96%\n", "\t达到96%\n")));
            assertSheetRead(r, "98.8");
            assertTrue(r.getFindings().isEmpty(), () -> Checks.dump(r));
        }

        @Test
        void actualEqualToANumericTargetIsAMeasuredValue() {
            SubmissionResult r = Checks.text(reportWithOverallRow(QUALITY_ROW,
                    row("", "", "质量指标", "文稿合格率", "100%", "100%", "10", "10", "无偏差")));
            assertSheetRead(r, "98.8");
            assertSilent(r, "IND_ACTUAL_NOT_VALUE");
        }
    }

    // ---- IND_EMPTY_ROW -----------------------------------------------------------------------------------------

    @Nested
    class EmptyRow {
        @Test
        void rowWithWeightAndScoreButNothingElseIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(TIMELY_ROW, row("", "", "时效指标", "", "", "", "10", "10", "")));
            Finding f = only(r, "IND_EMPTY_ROW");
            assertEquals("时效指标下有一行指标给了分值10分，但缺少三级指标名称、年度指标值、实际完成值", f.getMessage());
            assertSilent(r, "SCR_WEIGHT_SUM");
        }

        @Test
        void namedRowWithoutTargetAndActualIsReported() {
            SubmissionResult r = Checks.text(reportWithOverallRow(TIMELY_ROW, row("", "", "时效指标", "按时完成率", "", "", "10", "10", "")));
            assertEquals("年度指标值、实际完成值", only(r, "IND_EMPTY_ROW").getEvidence().get("missing"));
        }

        @Test
        void unusedSecondLevelRowWithoutWeightIsAccepted() {
            SubmissionResult r = Checks.text(reportWithOverallRow(BENEFIT_ROW,
                    BENEFIT_ROW + row("", "", "可持续影响指标", "", "", "", "", "", "")));
            assertSheetRead(r, "98.8");
            assertTrue(r.getFindings().isEmpty(), () -> Checks.dump(r));
        }
    }
}
