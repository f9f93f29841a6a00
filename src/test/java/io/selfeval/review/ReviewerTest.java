package io.selfeval.review;

import io.selfeval.model.Deduction;
import io.selfeval.model.DeductionRule;
import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.Review;
import io.selfeval.model.RubricItem;
import io.selfeval.model.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review arithmetic on a small rubric: points per finding, per-row caps, item weights, item routing. */
class ReviewerTest {
    private static final String MATERIALS = "完整性/绩效自评材料完整";
    private static final String BODY = "完整性/自评报告正文部分内容完整";
    private static final String PROBLEMS = "客观性/反映问题、分析原因全面";
    private static final String MEASURES = "客观性/改进措施、工作建议全面";
    private static final String ON_TIME = "及时性/按时线上报送";

    private static final List<RubricItem> RUBRIC = List.of(
            new RubricItem("及时性", "按时线上报送", new BigDecimal("10"), ""),
            new RubricItem("及时性", "按时公开", new BigDecimal("10"), ""),
            new RubricItem("完整性", "绩效自评材料完整", new BigDecimal("10"), ""),
            new RubricItem("完整性", "自评报告正文部分内容完整", new BigDecimal("10"), ""),
            new RubricItem("完整性", "自评报告附件部分内容完整", new BigDecimal("10"), ""),
            new RubricItem("客观性", "个性指标", new BigDecimal("10"), ""),
            new RubricItem("客观性", "反映问题、分析原因全面", new BigDecimal("20"), ""),
            new RubricItem("客观性", "改进措施、工作建议全面", new BigDecimal("20"), ""));

    private static DeductionRule row(String code, String item, String points, String cap) {
        return new DeductionRule(code, item, new BigDecimal(points), cap == null ? null : new BigDecimal(cap), "test");
    }

    private static final List<DeductionRule> ROWS = List.of(
            row("CMP_MISSING_ATTACHMENT", MATERIALS, "5", null),
            row("CMP_MISSING_SECTION", BODY, "2", null),
            row("CMP_BLANK_CELL", BODY, "1", "3"),
            row("OBJ_TOO_BRIEF", PROBLEMS, "8", null),
            row("OBJ_TOO_BRIEF", MEASURES, "8", null),
            row("OBJ_PROBLEMS_ONLY_FUNDING", PROBLEMS, "20", null),
            row("FREE_CODE", BODY, "0", null),
            row("META_LATE", ON_TIME, "1", null));

    private static final Set<String> EMITTED = Set.of("CMP_MISSING_ATTACHMENT", "CMP_MISSING_SECTION", "CMP_BLANK_CELL",
            "OBJ_TOO_BRIEF", "OBJ_PROBLEMS_ONLY_FUNDING", "FREE_CODE");

    private static Finding finding(String code, String message, Object... evidence) {
        Map<String, Object> ev = new LinkedHashMap<>();
        for (int i = 0; i + 1 < evidence.length; i += 2) ev.put((String) evidence[i], evidence[i + 1]);
        return new Finding(code, Severity.ERROR, "rule", "rules/x.drl", message, Location.narrative("一、", 1, "x"), ev, null);
    }

    private static Reviewer.Outcome review(Finding... findings) {
        return new Reviewer(RUBRIC, ROWS, EMITTED).review(List.of(findings));
    }

    private static void assertNum(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void eachFindingTakesItsPointsOffItsItem() {
        Reviewer.Outcome o = review(finding("CMP_MISSING_ATTACHMENT", "缺少附表：基础数据表"),
                finding("CMP_MISSING_SECTION", "正文缺少“结果应用”部分"));
        assertNum("93", o.review().score());
        Review.Item materials = o.review().item(MATERIALS);
        assertNum("10", materials.weight());
        assertNum("5", materials.deducted());
        assertNum("5", materials.score());
        assertEquals(List.of("缺少附表：基础数据表（扣5分）"), materials.reasons());
        assertEquals(new Deduction(MATERIALS, 5.0), o.findings().get(0).getDeduction());
        assertEquals(new Deduction(BODY, 2.0), o.findings().get(1).getDeduction());
    }

    @Test
    void itemWeightCapsWhatItsFindingsTakeAndLaterFindingsTakeNothing() {
        Reviewer.Outcome o = review(finding("CMP_MISSING_ATTACHMENT", "缺少附表：项目支出绩效自评表"),
                finding("CMP_MISSING_ATTACHMENT", "缺少附表：基础数据表"),
                finding("CMP_MISSING_ATTACHMENT", "缺少附表：整体支出绩效自评表"));
        assertNum("10", o.review().item(MATERIALS).deducted());
        assertNum("90", o.review().score());
        assertEquals(List.of(5.0, 5.0, 0.0), o.findings().stream().map(f -> f.getDeduction().points()).toList());
        assertTrue(o.review().item(MATERIALS).reasons().get(2).endsWith("（已达扣分上限，不再扣分）"),
                o.review().item(MATERIALS).reasons()::toString);
    }

    @Test
    void rowCapLimitsOneCodeBelowTheItemWeight() {
        Finding[] blanks = new Finding[5];
        for (int i = 0; i < 5; i++) blanks[i] = finding("CMP_BLANK_CELL", "空白" + i);
        Reviewer.Outcome o = review(blanks);
        assertNum("3", o.review().item(BODY).deducted());
        assertEquals(List.of(1.0, 1.0, 1.0, 0.0, 0.0), o.findings().stream().map(f -> f.getDeduction().points()).toList());
    }

    @Test
    void findingNamingItsRubricItemUsesThatRowOfItsCode() {
        Reviewer.Outcome o = review(
                finding("OBJ_TOO_BRIEF", "措施过于简单", Reviewer.ITEM_EVIDENCE, MEASURES),
                finding("OBJ_TOO_BRIEF", "问题过于简单", Reviewer.ITEM_EVIDENCE, PROBLEMS));
        assertEquals(MEASURES, o.findings().get(0).getDeduction().item());
        assertEquals(PROBLEMS, o.findings().get(1).getDeduction().item());
        assertNum("8", o.review().item(MEASURES).deducted());
        assertNum("8", o.review().item(PROBLEMS).deducted());
        assertNum("84", o.review().score());
    }

    @Test
    void findingWithoutAnItemOrWithAnUnknownOneUsesTheFirstRowOfItsCode() {
        Reviewer.Outcome o = review(finding("OBJ_TOO_BRIEF", "过于简单"),
                finding("OBJ_TOO_BRIEF", "过于简单", Reviewer.ITEM_EVIDENCE, "客观性/不存在的项"));
        assertEquals(PROBLEMS, o.findings().get(0).getDeduction().item());
        assertEquals(PROBLEMS, o.findings().get(1).getDeduction().item());
        assertNum("16", o.review().item(PROBLEMS).deducted());
    }

    @Test
    void onlyFundingAndTooBriefOnOneItemTakeNoMoreThanItsWeight() {
        Reviewer.Outcome o = review(finding("OBJ_PROBLEMS_ONLY_FUNDING", "只讲经费不足"),
                finding("OBJ_TOO_BRIEF", "过于简单", Reviewer.ITEM_EVIDENCE, PROBLEMS));
        assertNum("20", o.review().item(PROBLEMS).deducted());
        assertNum("0", o.review().item(PROBLEMS).score());
        assertEquals(0.0, o.findings().get(1).getDeduction().points());
    }

    @Test
    void codeWithoutARowOrWithZeroPointsCarriesNoDeduction() {
        Reviewer.Outcome o = review(finding("EXE_OVER_BUDGET", "超预算"), finding("FREE_CODE", "只提示"));
        assertNull(o.findings().get(0).getDeduction());
        assertNull(o.findings().get(1).getDeduction());
        assertNum("100", o.review().score());
        assertTrue(o.review().items().stream().allMatch(i -> i.reasons().isEmpty()));
    }

    @Test
    void itemNoEmittedCodeReachesIsNotAssessed() {
        Review r = review().review();
        assertFalse(r.item(ON_TIME).assessed(), "META_LATE has a row but no rule reports it yet");
        assertTrue(r.item(MATERIALS).assessed());
        assertNum("100", r.score());
        assertNum("100", r.fullMarks());
        assertEquals(RUBRIC.size(), r.items().size());
    }

    @Test
    void unreadableOrUnrecognizedSubmissionHasNoReview() {
        Reviewer.Outcome o = review(finding("PARSE_UNREADABLE", "文件无法读取"));
        assertNull(o.review());
        assertNull(o.findings().get(0).getDeduction());
        assertNull(review(finding("PARSE_UNRECOGNIZED", "不是自评报告")).review());
    }

    @Test
    void scoreIsOnTheRubricsOwnWeights() {
        List<RubricItem> small = List.of(new RubricItem("完整性", "绩效自评材料完整", new BigDecimal("30"), ""));
        Reviewer.Outcome o = new Reviewer(small, ROWS, EMITTED).review(List.of(finding("CMP_MISSING_ATTACHMENT", "缺少附表")));
        assertNum("25", o.review().score());
        assertNum("30", o.review().fullMarks());
    }
}
