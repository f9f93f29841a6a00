package io.selfeval.review;

import io.selfeval.testing.RuleFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.check.Checker;
import io.selfeval.model.CheckReport;
import io.selfeval.model.DeductionRule;
import io.selfeval.model.Finding;
import io.selfeval.model.Review;
import io.selfeval.model.SubmissionResult;
import io.selfeval.report.JsonReportWriter;
import io.selfeval.report.TextReportWriter;
import io.selfeval.rules.RuleBase;
import io.selfeval.testing.Checks;
import io.selfeval.testing.DeductionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review score of the real seeds with the project's rubric and deduction table (rules/), as domain.md's rubric
 * asks: −5 per missing material capped at the item's 10, −2 per missing body part; and the same review in the JSON
 * and text reports.
 */
class SeedReviewTest {
    static final String MATERIALS = "完整性/绩效自评材料完整";
    static final String BODY = "完整性/自评报告正文部分内容完整";
    static final String ATTACHED = "完整性/自评报告附件部分内容完整";
    static final String PROBLEMS = "客观性/反映问题、分析原因全面";

    @TempDir
    Path tmp;

    static Path seed(String prefix) {
        try (Stream<Path> s = Files.list(Path.of("fixtures/seeds"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".txt"))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertNum(String expected, Object actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
                () -> "expected " + expected + ", got " + actual);
    }

    static List<Finding> withCode(SubmissionResult r, String code) {
        return r.getFindings().stream().filter(f -> code.equals(f.getCode())).toList();
    }

    static double pointsOf(List<Finding> findings) {
        return findings.stream().mapToDouble(f -> f.getDeduction().points()).sum();
    }

    @Test
    void seed003LosesTheWholeMaterialsItemForThreeMissingTablesAndTwoForTheMissingSelfScore() {
        SubmissionResult r = Checks.file(seed("003_"));
        Review review = r.getReview();
        assertNotNull(review, Checks.dump(r));

        List<Finding> missing = withCode(r, "CMP_MISSING_ATTACHMENT");
        assertEquals(3, missing.size(), () -> Checks.dump(r));
        missing.forEach(f -> assertEquals(MATERIALS, f.getDeduction().item()));
        // 3 × 5 = 15, capped at the item's 10: the third takes nothing.
        assertEquals(List.of(5.0, 5.0, 0.0), missing.stream().map(f -> f.getDeduction().points()).toList());
        Review.Item materials = review.item(MATERIALS);
        assertNum("10", materials.weight());
        assertNum("10", materials.deducted());
        assertNum("0", materials.score());
        assertEquals(3, materials.reasons().size(), materials.reasons()::toString);

        Finding noScore = withCode(r, "CMP_MISSING_SELF_SCORE").get(0);
        assertEquals(BODY, noScore.getDeduction().item());
        assertEquals(2.0, noScore.getDeduction().points());
        assertNum("2", review.item(BODY).deducted());
        assertTrue(review.item(BODY).reasons().get(0).contains("未给出整体自评得分"), review.item(BODY).reasons()::toString);

        // META_UNIT_MISMATCH −1 on the attachments item; 100 − 10 − 2 − 1.
        assertNum("1", review.item(ATTACHED).deducted());
        assertNum("87", review.score());
        assertTrue(withCode(r, "OBJ_TOO_BRIEF").isEmpty(), () -> Checks.dump(r));
    }

    @Test
    void seed002LosesForMissingMaterialsTheMissingResultsPartAndItsBriefProblems() {
        SubmissionResult r = Checks.file(seed("002_"));
        Review review = r.getReview();
        assertNotNull(review, Checks.dump(r));

        assertEquals(3, withCode(r, "CMP_MISSING_ATTACHMENT").size(), () -> Checks.dump(r));
        assertEquals(10.0, pointsOf(withCode(r, "CMP_MISSING_ATTACHMENT")));
        assertNum("10", review.item(MATERIALS).deducted());

        Finding section = withCode(r, "CMP_MISSING_SECTION").get(0);
        assertEquals("结果应用", section.getEvidence().get("missing"));
        assertEquals(BODY, section.getDeduction().item());
        assertEquals(2.0, section.getDeduction().points());
        assertNum("2", review.item(BODY).deducted());

        // 1009% and the 9-of-10 rate score: −1 each on the attachments item.
        assertNum("2", review.item(ATTACHED).deducted());
        // Two unquantified output targets: −1 each on 个性指标.
        assertNum("2", review.item("客观性/个性指标").deducted());
        // The one-paragraph problems part is too brief: −8 of 20.
        Finding brief = withCode(r, "OBJ_TOO_BRIEF").get(0);
        assertEquals(PROBLEMS, brief.getDeduction().item());
        assertEquals(8.0, brief.getDeduction().points());
        assertNum("12", review.item(PROBLEMS).score());

        assertNum("76", review.score());
    }

    @Test
    void timelinessKeepsFullMarksForWantOfData() {
        Review review = Checks.file(seed("000_")).getReview();
        for (String id : List.of("及时性/按时线上报送", "及时性/按时公开")) {
            Review.Item i = review.item(id);
            assertNum("10", i.weight());
            assertNum("0", i.deducted());
            assertFalse(i.assessed(), id + " has no rule that can deduct yet");
        }
        assertTrue(review.item(MATERIALS).assessed());
    }

    @Test
    void everyDeductionOfASeedAddsUpToItsReview() {
        for (String prefix : List.of("000_", "001_", "002_", "003_", "004_")) {
            SubmissionResult r = Checks.file(seed(prefix));
            Review review = r.getReview();
            BigDecimal taken = BigDecimal.ZERO;
            for (Finding f : r.getFindings()) {
                if (f.getDeduction() != null) taken = taken.add(BigDecimal.valueOf(f.getDeduction().points()));
            }
            BigDecimal deducted = review.items().stream().map(Review.Item::deducted).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, taken.compareTo(deducted), prefix);
            assertEquals(0, review.fullMarks().subtract(deducted).compareTo(review.score()), prefix);
            for (Review.Item i : review.items()) {
                assertTrue(i.deducted().compareTo(i.weight()) <= 0, prefix + " " + i);
            }
        }
    }

    @Test
    void jsonCarriesTheReviewAndEachFindingsDeductionAsTheContractSays() throws IOException {
        SubmissionResult r = Checks.file(seed("003_"));
        CheckReport report = new CheckReport(new CheckReport.Tool("selfeval", "test"),
                new CheckReport.RulesInfo("rules", "ab".repeat(32), 1), List.of(r), CheckReport.Summary.of(List.of(r)));
        JsonNode sub = new ObjectMapper().readTree(new JsonReportWriter().toJson(report)).get("submissions").get(0);
        JsonNode review = sub.get("review");
        assertEquals(List.of("score", "items"), names(review));
        assertTrue(review.get("score").isNumber(), review::toString);
        assertNum("87", review.get("score").decimalValue());
        assertEquals(8, review.get("items").size());
        JsonNode materials = null;
        for (JsonNode item : review.get("items")) {
            assertEquals(List.of("item", "weight", "deducted", "reasons"), names(item), item::toString);
            assertTrue(item.get("weight").isNumber() && item.get("deducted").isNumber() && item.get("reasons").isArray());
            if (item.get("item").asText().equals(MATERIALS)) materials = item;
        }
        assertNotNull(materials);
        assertNum("10", materials.get("weight").decimalValue());
        assertNum("10", materials.get("deducted").decimalValue());
        assertEquals(3, materials.get("reasons").size());
        boolean seen = false;
        for (JsonNode f : sub.get("findings")) {
            if (f.get("code").asText().equals("CMP_MISSING_SELF_SCORE")) {
                assertEquals(List.of("item", "points"), names(f.get("deduction")));
                assertEquals(BODY, f.get("deduction").get("item").asText());
                assertNum("2", f.get("deduction").get("points").decimalValue());
                seen = true;
            }
            if (f.get("code").asText().startsWith("EXE_OVER_BUDGET")) {
                assertFalse(f.has("deduction"), "no row for EXE_OVER_BUDGET: deduction absent");
            }
        }
        assertTrue(seen);
    }

    @Test
    void unreadableSubmissionHasNullReviewInJson() throws IOException {
        SubmissionResult bad = Checker.unreadable("missing.txt", "文件不存在");
        assertNull(bad.getReview());
        SubmissionResult missing = new Checker(Checks.rules()).check(tmp.resolve("nope.txt"));
        assertNull(missing.getReview());
        CheckReport report = new CheckReport(new CheckReport.Tool("selfeval", "test"),
                new CheckReport.RulesInfo("rules", "ab".repeat(32), 1), List.of(missing), CheckReport.Summary.of(List.of(missing)));
        JsonNode sub = new ObjectMapper().readTree(new JsonReportWriter().toJson(report)).get("submissions").get(0);
        assertTrue(sub.get("review").isNull(), sub::toString);
    }

    @Test
    void textReportPrintsTheFilledRubric() {
        SubmissionResult r = Checks.file(seed("003_"));
        CheckReport report = new CheckReport(new CheckReport.Tool("selfeval", "test"),
                new CheckReport.RulesInfo("rules", "ab".repeat(32), 1), List.of(r), CheckReport.Summary.of(List.of(r)));
        String text = new TextReportWriter().toText(report);
        assertTrue(text.contains("考核评分表：建议得分87分（满分100分）"), text);
        assertTrue(text.matches("(?s).*完整性/绩效自评材料完整 +分值10  得分0  扣10分\n.*"), text);
        assertTrue(text.matches("(?s).*及时性/按时线上报送 +分值10  得分10  暂无数据，按满分计\n.*"), text);
        assertTrue(text.contains("      - 正文和整体支出绩效自评表均未给出整体自评得分（扣2分）"), text);
        assertTrue(text.contains("建议扣分：完整性/绩效自评材料完整 扣0分"), text);
    }

    // ---- the deduction table is rule data ----

    @Test
    void changingADeductionRowInACopyOfTheRulesChangesTheScore() throws Exception {
        Path rules = RuleFolders.copy(tmp, "rules");
        RuleBase before = RuleBase.load(rules);
        assertNum("87", new Checker(before).check(seed("003_")).getReview().score());

        DeductionTable.setPoints(rules, "CMP_MISSING_SELF_SCORE", "5");
        RuleBase after = RuleBase.load(rules);
        DeductionRule row = after.deductions().stream().filter(d -> d.code().equals("CMP_MISSING_SELF_SCORE")).findFirst().orElseThrow();
        assertNum("5", row.points());
        SubmissionResult r = new Checker(after).check(seed("003_"));
        assertNum("84", r.getReview().score());
        assertEquals(5.0, withCode(r, "CMP_MISSING_SELF_SCORE").get(0).getDeduction().points());
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }
}
