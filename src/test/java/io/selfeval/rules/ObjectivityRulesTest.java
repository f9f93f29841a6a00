package io.selfeval.rules;

import static io.selfeval.testing.Checks.assertNone;
import io.selfeval.model.Finding;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OBJ codes on the 存在问题 and 改进措施 parts: each fires on a report broken in that part and stays silent on the
 * near miss; the seeds give no false alarm, and 002's one-paragraph problems part is too brief.
 */
class ObjectivityRulesTest {
    private static final String PROBLEMS_ITEM = "客观性/反映问题、分析原因全面";
    private static final String MEASURES_ITEM = "客观性/改进措施、工作建议全面";

    private static final String PROBLEMS = "1、预算编制不够精细，部分项目年中调整，原因是项目前期论证不够充分。\n"
            + "2、绩效目标设置不够科学，个别指标难以量化，原因是对指标体系研究不深。\n";
    private static final String MEASURES = "1、提高预算编制质量，细化项目支出预算，做实项目前期论证。\n"
            + "2、完善绩效指标体系，做到可衡量可考核，组织业务人员培训。\n";

    private static String withBody(String from, String to) {
        String body = Reports.body();
        assertTrue(body.contains(from), () -> "fixture does not contain:\n" + from);
        return Reports.TITLE + body.replace(from, to) + "\n" + Reports.basicData() + "\n" + Reports.overall() + "\n"
                + Reports.project();
    }

    private static Finding only(SubmissionResult r, String code) {
        List<Finding> found = Checks.findings(r, code);
        assertEquals(1, found.size(), () -> "one " + code + " expected:\n" + Checks.dump(r));
        return found.get(0);
    }

    private static Path seed(String prefix) {
        try (Stream<Path> s = Files.list(Path.of("fixtures/seeds"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".txt"))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theTestReportItselfIsObjective() {
        SubmissionResult r = Checks.text(Reports.complete());
        assertTrue(r.getFindings().isEmpty(), () -> Checks.dump(r));
    }

    // ---- OBJ_PROBLEMS_ONLY_FUNDING ----

    @Test
    void problemsThatOnlySayFundsWereShortAreReported() {
        SubmissionResult r = Checks.text(withBody(PROBLEMS,
                "1、经费不足，临聘人员工资未纳入财政预算，造成年底资金缺口较大。\n2、地方财政资金紧张，部分经费拨付不能及时到位，影响工作开展。\n"));
        Finding f = only(r, "OBJ_PROBLEMS_ONLY_FUNDING");
        assertEquals(Severity.WARNING, f.getSeverity());
        assertEquals("四、存在的问题及原因分析", f.getEvidence().get("section"));
        assertEquals(2, f.getEvidence().get("points"));
        assertEquals("经费不足、资金紧张、资金缺口", f.getEvidence().get("words"));
        assertEquals("“四、存在的问题及原因分析”部分列出的2条问题都只讲经费不足（“经费不足”“资金紧张”“资金缺口”），"
                + "没有从管理、制度、执行等方面分析问题和原因", f.getMessage());
        assertEquals("四、存在的问题及原因分析", f.getLocation().getSection());
        assertEquals(PROBLEMS_ITEM, f.getDeduction().item());
        assertEquals(20.0, f.getDeduction().points());
        assertEquals(0, r.getReview().item(PROBLEMS_ITEM).score().signum(), "只提经费不足不得分");
    }

    @Test
    void problemsMentioningFundsAmongOtherCausesAreNotOnlyFunding() {
        // Seed 004's shape: one point about management, two about funds.
        SubmissionResult r = Checks.text(withBody(PROBLEMS,
                "1、资金绩效管理体制不够健全，绩效目标与预算编制衔接不紧。\n2、预算经费不足，临聘人员未纳入财政预算，造成年底资金缺口大。\n"
                        + "3、由于地方财政资金紧张，经费拨付不能及时到位。\n"));
        assertNone(r, "OBJ_PROBLEMS_ONLY_FUNDING");
        assertNone(r, "OBJ_TOO_BRIEF");
    }

    // ---- OBJ_MEASURES_ONLY_FUNDING ----

    @Test
    void measuresThatOnlyAskForMoneyAreReported() {
        SubmissionResult r = Checks.text(withBody(MEASURES,
                "1、积极争取上级资金支持，弥补日常运转经费缺口。\n2、请求县财政加大财政投入，追加预算保障重点工作顺利开展。\n"));
        Finding f = only(r, "OBJ_MEASURES_ONLY_FUNDING");
        assertEquals("五、下一步改进措施", f.getEvidence().get("section"));
        assertEquals("加大财政投入、追加预算、争取上级资金", f.getEvidence().get("words"));
        assertTrue(f.getMessage().startsWith("“五、下一步改进措施”部分的2条措施都只是要求增加投入（"), f.getMessage());
        assertEquals(MEASURES_ITEM, f.getDeduction().item());
        assertEquals(20.0, f.getDeduction().points());
        assertNone(r, "OBJ_PROBLEMS_ONLY_FUNDING");
    }

    @Test
    void measuresAskingForMoneyAndChangingManagementAreNotOnlyFunding() {
        SubmissionResult r = Checks.text(withBody(MEASURES,
                "1、积极争取上级资金支持，弥补日常运转经费缺口。\n2、完善预算编制和绩效目标管理制度，加强项目前期论证和执行监控。\n"));
        assertNone(r, "OBJ_MEASURES_ONLY_FUNDING");
        assertTrue(r.getFindings().isEmpty(), () -> Checks.dump(r));
    }

    // ---- OBJ_TOO_BRIEF ----

    @Test
    void oneShortParagraphOfProblemsIsTooBriefAndCostsTheProblemsItem() {
        // Seed 002's problems part, two sentences in 40 characters.
        SubmissionResult r = Checks.text(withBody(PROBLEMS, "年初部门预算前瞻性有待进一步加强。年初部门预算编制不够精准，年中调整了部分预算。\n"));
        Finding f = only(r, "OBJ_TOO_BRIEF");
        assertEquals("四、存在的问题及原因分析", f.getEvidence().get("section"));
        assertEquals(2, f.getEvidence().get("points"));
        assertEquals(40, f.getEvidence().get("length"));
        assertEquals(50, f.getEvidence().get("minLength"));
        assertEquals("“四、存在的问题及原因分析”部分过于简单：只有40字（少于50字），不足以反映问题、分析原因", f.getMessage());
        assertEquals(PROBLEMS_ITEM, f.getDeduction().item());
        assertEquals(8.0, f.getDeduction().points());
        assertEquals(0, r.getReview().score().compareTo(new java.math.BigDecimal("92")), () -> r.getReview().toString());
    }

    @Test
    void aSingleMeasureIsTooBriefAndCostsTheMeasuresItem() {
        SubmissionResult r = Checks.text(withBody(MEASURES, "1、进一步加强预算管理，提高资金使用效益，确保各项工作任务全面完成，切实做到专款专用。\n"));
        Finding f = only(r, "OBJ_TOO_BRIEF");
        assertEquals("五、下一步改进措施", f.getEvidence().get("section"));
        assertEquals(1, f.getEvidence().get("points"));
        assertEquals(2, f.getEvidence().get("minPoints"));
        assertTrue(f.getMessage().contains("只有1条（少于2条）"), f.getMessage());
        assertEquals(MEASURES_ITEM, f.getDeduction().item(), "the measures item, not the first row of the code");
        assertEquals(8.0, f.getDeduction().points());
        assertEquals(0, r.getReview().item(PROBLEMS_ITEM).deducted().signum());
    }

    @Test
    void twoInlinePointsOfFiftyCharactersAreNotTooBrief() {
        SubmissionResult r = Checks.text(withBody(MEASURES,
                "一是提高预算编制质量，细化项目支出预算，做实项目前期论证；二是完善绩效指标体系，做到可衡量可考核，组织业务培训。\n"));
        assertNone(r, "OBJ_TOO_BRIEF");
    }

    @Test
    void combinedHeadingYieldsToItsOwnSubsections() {
        String body = Reports.body().replace("四、存在的问题及原因分析\n" + PROBLEMS + "五、下一步改进措施\n" + MEASURES,
                "四、存在的问题及改进措施\n（一）存在的问题\n" + PROBLEMS + "（二）改进措施\n"
                        + "1、积极争取上级资金支持，弥补日常运转经费缺口。\n2、请求县财政加大财政投入，追加预算保障重点工作顺利开展。\n");
        assertTrue(body.contains("（二）改进措施"));
        SubmissionResult r = Checks.text(Reports.TITLE + body + "\n" + Reports.basicData() + "\n" + Reports.overall() + "\n" + Reports.project());
        Finding f = only(r, "OBJ_MEASURES_ONLY_FUNDING");
        assertEquals("（二）改进措施", f.getEvidence().get("section"));
        assertNone(r, "OBJ_PROBLEMS_ONLY_FUNDING");
        assertNone(r, "OBJ_TOO_BRIEF");
    }

    // ---- seeds ----

    @ParameterizedTest
    @ValueSource(strings = {"000_", "001_", "003_", "004_"})
    void seedsWithRealAnalysisGiveNoObjectivityFinding(String prefix) {
        SubmissionResult r = Checks.file(seed(prefix));
        assertTrue(r.getFindings().stream().noneMatch(f -> f.getCode().startsWith("OBJ_")), () -> Checks.dump(r));
    }

    @Test
    void seed002sOneParagraphProblemsPartIsTooBrief() {
        SubmissionResult r = Checks.file(seed("002_"));
        Finding f = only(r, "OBJ_TOO_BRIEF");
        assertEquals("六、存在的问题及原因分析", f.getEvidence().get("section"));
        assertEquals(PROBLEMS_ITEM, f.getDeduction().item());
        assertNone(r, "OBJ_PROBLEMS_ONLY_FUNDING");
        assertNone(r, "OBJ_MEASURES_ONLY_FUNDING");
    }
}
