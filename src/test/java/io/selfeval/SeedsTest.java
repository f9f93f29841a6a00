package io.selfeval;

import io.selfeval.model.Breakdown;
import io.selfeval.model.Figure;
import io.selfeval.model.Finding;
import io.selfeval.model.RateClaim;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.TextReader;
import io.selfeval.recognize.Recognition;
import io.selfeval.recognize.Recognizer;
import io.selfeval.testing.Checks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five real seed reports (fixtures/seeds): every must-find item of the hand-verified list is found with its
 * figures, and nothing the hand check calls consistent is reported as an ERROR.
 */
class SeedsTest {
    private static final Path SEEDS = Path.of("fixtures/seeds");

    /** Copy of ../shared/tools/seed-musts.json (tests do not read outside the project). */
    private static final Map<String, List<String>> MUST = Map.of(
            "000", List.of("EXE_RATE_MISMATCH", "AMT_SUM_MISMATCH", "AMT_CROSS_MISMATCH", "PRJ_OVER_CAP"),
            "001", List.of("CMP_MISSING_ATTACHMENT"),
            "002", List.of("EXE_RATE_MISMATCH", "SCR_RATE_SCORE", "CMP_MISSING_ATTACHMENT", "CMP_MISSING_SECTION"),
            "003", List.of("CMP_MISSING_ATTACHMENT", "CMP_MISSING_SELF_SCORE", "META_UNIT_MISMATCH"),
            "004", List.of("META_STAFF_RATE", "AMT_CROSS_MISMATCH", "SCR_DEVIATION_UNEXPLAINED", "SCR_MET_BUT_DEDUCTED",
                    "EXE_OVER_BUDGET", "EXE_BUDGET_ADJUSTED", "CMP_MISSING_SECTION"));

    /**
     * The exact ERROR codes per seed: the must items with ERROR severity plus the provable 'should' items reported
     * today (000: the project's funds block 80 vs its cost line 90 is a second AMT_CROSS_MISMATCH). Anything else
     * at ERROR level would contradict a figure the hand check found consistent.
     */
    private static final Map<String, Set<String>> ERRORS = Map.of(
            "000", Set.of("EXE_RATE_MISMATCH", "AMT_SUM_MISMATCH", "AMT_CROSS_MISMATCH", "PRJ_OVER_CAP"),
            "001", Set.of("CMP_MISSING_ATTACHMENT"),
            "002", Set.of("EXE_RATE_MISMATCH", "SCR_RATE_SCORE", "CMP_MISSING_ATTACHMENT", "CMP_MISSING_SECTION"),
            "003", Set.of("CMP_MISSING_ATTACHMENT", "CMP_MISSING_SELF_SCORE", "META_UNIT_MISMATCH"),
            "004", Set.of("META_STAFF_RATE", "AMT_CROSS_MISMATCH", "CMP_MISSING_SECTION"));

    private static final Map<String, SubmissionResult> RESULTS = new ConcurrentHashMap<>();

    static Stream<String> seeds() {
        return Stream.of("000", "001", "002", "003", "004");
    }

    // ---- every seed ----

    @ParameterizedTest
    @MethodSource("seeds")
    void everyMustFindCodeIsFound(String seed) {
        SubmissionResult r = check(seed);
        assertFalse(r.isUnreadable(), () -> Checks.dump(r));
        Set<String> missing = new TreeSet<>(MUST.get(seed));
        missing.removeAll(Checks.codes(r));
        assertTrue(missing.isEmpty(), () -> seed + " misses " + missing + "; found:\n" + Checks.dump(r));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void errorCodesAreExactlyTheExpectedOnes(String seed) {
        SubmissionResult r = check(seed);
        Set<String> errors = r.getFindings().stream().filter(f -> f.getSeverity() == Severity.ERROR)
                .map(Finding::getCode).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(ERRORS.get(seed)), errors, () -> seed + ":\n" + Checks.dump(r));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noFindingIsAParseFinding(String seed) {
        SubmissionResult r = check(seed);
        assertTrue(r.getFindings().stream().noneMatch(f -> f.getCode().startsWith("PARSE_")), () -> Checks.dump(r));
    }

    @Test
    void unitAndYearPerSeed() {
        assertEquals("岳阳市君山区人民政府办公室", check("000").getUnit());
        assertEquals(2024, check("000").getYear());
        assertEquals("中国人民政治协商会议岳阳市君山区委员会", check("001").getUnit());
        assertEquals(2024, check("001").getYear());
        // 002's title is only "2023年度部门整体支出绩效自评报告" and it has no table with a name row: the header falls
        // back to the organisation the body names most often (中共雁峰区委办公室, twice), not to a guess from one line.
        assertEquals("中共雁峰区委办公室", check("002").getUnit());
        assertTrue(recognize("002").factsOf(io.selfeval.model.Mention.class).stream()
                        .noneMatch(m -> m.getKind().equals(io.selfeval.model.Mention.UNIT)),
                "the fallback name is for the header only, not a unit mention the META rules compare");
        assertEquals(2023, check("002").getYear());
        // 003: the title's unit wins over the cover's (the cover names the supervising bureau).
        assertEquals("岳阳市岳阳楼区机关事务服务中心", check("003").getUnit());
        assertEquals(2024, check("003").getYear());
        // 004: the unit comes from the bracketed line under the title.
        assertEquals("绥宁县人民政府办公室", check("004").getUnit());
        assertEquals(2024, check("004").getYear());
    }

    @Test
    void selfScoresAsStatedAndRecomputed() {
        assertSelfScore("000", "98.85", "98.85");
        assertSelfScore("001", "98.98", "98.98");
        assertSelfScore("002", "99", "99");
        assertNull(check("003").getSelfScore().stated(), "003 gives no self-score anywhere");
        assertSelfScore("004", "93", "93");
    }

    // ---- 000 君山区人民政府办公室 ----

    @Test
    void seed000ExecutionRate100PercentIsReallyRate98_49() {
        Finding f = single(check("000"), "EXE_RATE_MISMATCH");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals("100%", f.getEvidence().get("stated"));
        assertEquals("98.49%", f.getEvidence().get("computed"));
        assertNum("1273.05", f, "budget");
        assertNum("1253.78", f, "spent");
        assertTrue(f.getMessage().contains("98.49%"), f.getMessage());
    }

    @Test
    void seed000SpendTotalIsNotBasicPlusProject() {
        Finding f = single(check("000"), "AMT_SUM_MISMATCH");
        assertNum("1253.78", f, "total");
        assertNum("1234.41", f, "sumOfParts");
        assertNum("19.37", f, "difference");
        String parts = (String) f.getEvidence().get("parts");
        assertTrue(parts.contains("1144.41") && parts.contains("90"), parts);
    }

    @Test
    void seed000CrossMismatchesBasicSpendAndProjectFunds() {
        List<Finding> cross = Checks.findings(check("000"), "AMT_CROSS_MISMATCH");
        assertEquals(2, cross.size(), () -> Checks.dump(check("000")));
        Finding basic = cross.stream().filter(f -> "基本支出".equals(f.getEvidence().get("subject"))).findFirst()
                .orElseThrow(() -> new AssertionError(Checks.dump(check("000"))));
        assertNum("1144.41", basic, "first");
        assertNum("1163.78", basic, "second");
        assertTrue(((String) basic.getEvidence().get("secondAt")).contains("整体支出绩效自评表"), basic.getEvidence()::toString);
        // The 'should' item: funds block says 80 executed, the cost line (and the text) say 90.
        Finding project = cross.stream().filter(f -> f != basic).findFirst().orElseThrow();
        assertNum("90", project, "indicatorActual");
        assertNum("80", project, "fundsSpent");
    }

    @Test
    void seed000ProjectCostAboveItsCap() {
        Finding f = single(check("000"), "PRJ_OVER_CAP");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertNum("80", f, "cap");
        assertNum("90", f, "value");
        assertNum("10", f, "over");
        assertTrue(f.getMessage().contains("政府办专项"), f.getMessage());
    }

    @Test
    void seed000RoundedSumsAreNotMismatches() {
        Recognition rec = recognize("000");
        // 1144.41 = 760.28 + 384.12 (sum 1144.40, within rounding) is read as a breakdown ...
        assertTrue(hasBreakdown(rec, "1144.41", "760.28", "384.12"), "1144.41 = 760.28 + 384.12 is recognized");
        // ... and 按收入性质 1253.78 = 1224.79 + 28.99 as well ...
        assertTrue(hasBreakdown(rec, "1253.78", "1224.79", "28.99"), "1253.78 = 1224.79 + 28.99 is recognized");
        // ... yet the only sum finding is the real one, 1253.78 ≠ 1144.41 + 90.
        for (Finding f : Checks.findings(check("000"), "AMT_SUM_MISMATCH")) {
            assertEquals(0, new BigDecimal("1253.78").compareTo(num(f, "total")), f.getMessage());
            assertFalse(f.getMessage().contains("760.28") || f.getMessage().contains("1224.79"), f.getMessage());
        }
        assertTrue(Checks.findings(check("000"), "AMT_PART_EXCEEDS_TOTAL").isEmpty(), () -> Checks.dump(check("000")));
    }

    @Test
    void seed000TableExecutionRateAgreesWithItsAmounts() {
        // 附件2 states 98.49% for 1253.78 ÷ 1273.05: only the narrative's 100% is wrong.
        assertTrue(recognize("000").factsOf(RateClaim.class).stream()
                .anyMatch(c -> c.getStated().getValue().compareTo(new BigDecimal("98.49")) == 0), "98.49% is read");
        for (Finding f : Checks.findings(check("000"), "EXE_RATE_MISMATCH")) {
            assertEquals("100%", f.getEvidence().get("stated"), f.getMessage());
        }
    }

    // ---- 001 君山区政协 ----

    @Test
    void seed001ProjectSpendWithoutProjectTable() {
        Finding f = single(check("001"), "CMP_MISSING_ATTACHMENT");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals("项目支出绩效自评表", f.getEvidence().get("missing"));
        assertNum("165.29", f, "projectSpending");
    }

    @Test
    void seed001ConsistentFiguresRaiseNothing() {
        Recognition rec = recognize("001");
        assertTrue(hasBreakdown(rec, "571.69", "406.40", "165.29"));
        assertTrue(hasBreakdown(rec, "570.69", "405.4", "165.29"));
        assertTrue(hasBreakdown(rec, "405.4", "339.45", "65.95"));
        assertTrue(rec.factsOf(RateClaim.class).stream()
                .anyMatch(c -> c.getStated().getValue().compareTo(new BigDecimal("99.83")) == 0), "99.83% is read");
        Set<String> codes = Checks.codes(check("001"));
        for (String code : List.of("EXE_RATE_MISMATCH", "AMT_SUM_MISMATCH", "AMT_PART_EXCEEDS_TOTAL",
                "META_STAFF_RATE", "META_UNIT_MISMATCH", "META_YEAR_MISMATCH")) {
            assertFalse(codes.contains(code), code + " on 001:\n" + Checks.dump(check("001")));
        }
    }

    // ---- 002 雁峰区委办公室 ----

    @Test
    void seed002Rate1009PercentIsATypo() {
        Finding f = single(check("002"), "EXE_RATE_MISMATCH");
        assertEquals("1009%", f.getEvidence().get("stated"));
        assertEquals("100.00%", f.getEvidence().get("computed"));
        assertNum("305.65", f, "budget");
        assertNum("305.65", f, "spent");
    }

    @Test
    void seed002FullExecutionScoredNineOfTen() {
        Finding f = single(check("002"), "SCR_RATE_SCORE");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals("100%", f.getEvidence().get("rate"));
        assertNum("10", f, "weight");
        assertNum("10", f, "expected");
        assertNum("9", f, "score");
    }

    @Test
    void seed002MissesAllThreeTablesAndTheResultsPart() {
        SubmissionResult r = check("002");
        assertEquals(Set.of("基础数据表", "整体支出绩效自评表", "项目支出绩效自评表"), missing(r, "CMP_MISSING_ATTACHMENT"));
        assertEquals(Set.of("结果应用"), missing(r, "CMP_MISSING_SECTION"));
    }

    @Test
    void seed002NarrativeScoresAreConsistent() {
        // total 99 = 9 + 50 + 30 + 10, and 77.73% = 29.85 ÷ 38.4: no score sum or rate finding beyond the must items.
        Set<String> codes = Checks.codes(check("002"));
        for (String code : List.of("SCR_SUM_MISMATCH", "SCR_WEIGHT_SUM", "SCR_NARRATIVE_MISMATCH", "AMT_SUM_MISMATCH")) {
            assertFalse(codes.contains(code), code + " on 002:\n" + Checks.dump(check("002")));
        }
        for (Finding f : Checks.findings(check("002"), "EXE_RATE_MISMATCH")) {
            assertFalse(f.getMessage().contains("77.73"), f.getMessage());
        }
    }

    // ---- 003 岳阳楼区机关事务服务中心 ----

    @Test
    void seed003MissingTablesAndSelfScore() {
        SubmissionResult r = check("003");
        assertEquals(Set.of("基础数据表", "整体支出绩效自评表", "项目支出绩效自评表"), missing(r, "CMP_MISSING_ATTACHMENT"));
        Finding score = single(r, "CMP_MISSING_SELF_SCORE");
        assertEquals(Severity.ERROR, score.getSeverity());
    }

    @Test
    void seed003CoverAndTitleNameDifferentUnits() {
        Finding f = single(check("003"), "META_UNIT_MISMATCH");
        assertEquals("岳阳市机关事务管理局", f.getEvidence().get("first"));
        assertEquals("封面", f.getEvidence().get("firstAt"));
        assertEquals("岳阳市岳阳楼区机关事务服务中心", f.getEvidence().get("second"));
    }

    @Test
    void seed003SumsAreConsistent() {
        Recognition rec = recognize("003");
        assertTrue(hasBreakdown(rec, "991.08", "888.84", "102.24"));
        assertTrue(hasBreakdown(rec, "5633.59", "207.02", "255.15", "121.37", "106.49", "4943.56"));
        SubmissionResult r = check("003");
        assertTrue(r.getFindings().stream().noneMatch(f -> f.getCode().startsWith("AMT_")), () -> Checks.dump(r));
    }

    @Test
    void seed003SpendAboveInitialBudgetIsAWarning() {
        List<Finding> over = Checks.findings(check("003"), "EXE_OVER_BUDGET");
        assertTrue(over.stream().allMatch(f -> f.getSeverity() == Severity.WARNING), () -> Checks.dump(check("003")));
        assertTrue(over.stream().anyMatch(f -> num(f, "spent").compareTo(new BigDecimal("5633.59")) == 0
                && num(f, "initialBudget").compareTo(new BigDecimal("754.00")) == 0), () -> Checks.dump(check("003")));
    }

    // ---- 004 绥宁县人民政府办公室 ----

    @Test
    void seed004StaffControlRate() {
        Finding f = single(check("004"), "META_STAFF_RATE");
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals("100%", f.getEvidence().get("stated"));
        assertEquals("86.15%", f.getEvidence().get("computed"));
        assertNum("65", f, "staffQuota");
        assertNum("56", f, "staffActual");
    }

    @Test
    void seed004BasicSpendTextVersusTable() {
        Finding f = single(check("004"), "AMT_CROSS_MISMATCH");
        assertEquals("基本支出", f.getEvidence().get("subject"));
        assertNum("1524", f, "first");
        assertNum("1537", f, "second");
    }

    @Test
    void seed004ScoreItems() {
        SubmissionResult r = check("004");
        Finding dev = single(r, "SCR_DEVIATION_UNEXPLAINED");
        assertEquals(Severity.WARNING, dev.getSeverity());
        assertEquals("验收合格率", dev.getEvidence().get("indicator"));
        assertEquals("100%", dev.getEvidence().get("target"));
        assertEquals("95%", dev.getEvidence().get("actual"));
        assertNum("10", dev, "weight");
        assertNum("8", dev, "score");

        Finding met = Checks.findings(r, "SCR_MET_BUT_DEDUCTED").stream()
                .filter(f -> "全县人民受益度".equals(f.getEvidence().get("indicator"))).findFirst()
                .orElseThrow(() -> new AssertionError(Checks.dump(r)));
        assertEquals(Severity.WARNING, met.getSeverity());
        assertEquals("38.5万人口", met.getEvidence().get("target"));
        assertEquals("38.5万人口", met.getEvidence().get("actual"));
        assertNum("15", met, "weight");
        assertNum("13", met, "score");
    }

    @Test
    void seed004OverBudgetAndBudgetAdjusted() {
        SubmissionResult r = check("004");
        Finding over = Checks.findings(r, "EXE_OVER_BUDGET").stream()
                .filter(f -> "公用经费".equals(f.getEvidence().get("subject"))).findFirst()
                .orElseThrow(() -> new AssertionError(Checks.dump(r)));
        assertEquals(Severity.WARNING, over.getSeverity());
        assertNum("187", over, "budget");
        assertNum("552", over, "spent");

        Finding adjusted = single(r, "EXE_BUDGET_ADJUSTED");
        assertEquals(Severity.WARNING, adjusted.getSeverity());
        assertNum("1070", adjusted, "initialBudget");
        assertNum("1538", adjusted, "budget");
        assertTrue(adjusted.getMessage().contains("43.7%"), adjusted.getMessage());
    }

    @Test
    void seed004MissesTheResultsPartAndHasABlankSpendCell() {
        SubmissionResult r = check("004");
        assertEquals(Set.of("结果应用"), missing(r, "CMP_MISSING_SECTION"));
        // 'should': 项目支出 2024 budget 220, 2024 决算 left blank.
        assertTrue(Checks.findings(r, "CMP_BLANK_CELL").stream().anyMatch(f -> "项目支出".equals(f.getEvidence().get("row"))
                && num(f, "besideValue").compareTo(new BigDecimal("220")) == 0), () -> Checks.dump(r));
    }

    @Test
    void seed004ConsistentFiguresRaiseNothing() {
        Recognition rec = recognize("004");
        assertTrue(hasBreakdown(rec, "1524", "972", "552"));
        assertTrue(hasBreakdown(rec, "1537", "1524", "9", "4"));
        assertTrue(hasBreakdown(rec, "9.91", "8.36", "0", "1.55"));
        SubmissionResult r = check("004");
        assertTrue(Checks.findings(r, "AMT_SUM_MISMATCH").isEmpty(), () -> Checks.dump(r));
        // 99.9% of 10 points is 9.99; scored 10 lies within the 得分容差 parameter, so not an error.
        assertTrue(Checks.findings(r, "SCR_RATE_SCORE").isEmpty(), () -> Checks.dump(r));
        assertTrue(Checks.findings(r, "SCR_GRADE_MISMATCH").isEmpty(), () -> "93 is 优:\n" + Checks.dump(r));
    }

    // ---- across seeds ----

    @ParameterizedTest
    @MethodSource("scoredSeeds")
    void scoreTablesAddUpWhereTheHandCheckSaysSo(String seed) {
        // 000: 98.85 = 9.85 + 50 + 29 + 10 and 9.85 = 98.49% × 10; 附件3 98 = 10 + 48 + 30 + 10;
        // 001: 98.98 = 9.98 + 50 + 29 + 10; 004: 93 = 10 + 47 + 26 + 10.
        SubmissionResult r = check(seed);
        for (String code : List.of("SCR_SUM_MISMATCH", "SCR_WEIGHT_SUM", "SCR_NARRATIVE_MISMATCH", "SCR_RATE_SCORE",
                "SCR_EXCEEDS_WEIGHT", "SCR_STANDARD_WEIGHTS")) {
            assertTrue(Checks.findings(r, code).isEmpty(), () -> code + " on " + seed + ":\n" + Checks.dump(r));
        }
    }

    static Stream<String> scoredSeeds() {
        return Stream.of("000", "001", "004");
    }

    @ParameterizedTest
    @MethodSource("scoredSeeds")
    void unitNameIsConsistentWhereTheHandCheckSaysSo(String seed) {
        // 000 and 001 introduce a short name with 以下简称 and repeat the full name in 附件2; 004 names it in 附件1-2.
        SubmissionResult r = check(seed);
        assertTrue(Checks.findings(r, "META_UNIT_MISMATCH").isEmpty(), () -> Checks.dump(r));
        assertTrue(Checks.findings(r, "META_YEAR_MISMATCH").isEmpty(), () -> Checks.dump(r));
    }

    // ---- helpers ----

    private static SubmissionResult check(String seed) {
        return RESULTS.computeIfAbsent(seed, s -> Checks.file(seedFile(s)));
    }

    private static Recognition recognize(String seed) {
        try {
            return Recognizer.recognize(new TextReader().read(seedFile(seed)), io.selfeval.testing.Checks.rules().vocabulary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (io.selfeval.read.UnreadableException e) {
            throw new AssertionError(e);
        }
    }

    private static Path seedFile(String seed) {
        try (Stream<Path> s = Files.list(SEEDS)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().startsWith(seed + "_")).toList();
            assertEquals(1, files.size(), "one seed file " + seed + "_*.txt in " + SEEDS);
            return files.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Finding single(SubmissionResult r, String code) {
        List<Finding> found = Checks.findings(r, code);
        assertEquals(1, found.size(), () -> "one " + code + " expected:\n" + Checks.dump(r));
        return found.get(0);
    }

    private static Set<String> missing(SubmissionResult r, String code) {
        return Checks.findings(r, code).stream().map(f -> (String) f.getEvidence().get("missing"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static BigDecimal num(Finding f, String key) {
        Object v = f.getEvidence().get(key);
        assertNotNull(v, () -> "evidence " + key + " of " + f.getCode() + ": " + f.getEvidence());
        return new BigDecimal(v.toString());
    }

    private static void assertNum(String expected, Finding f, String key) {
        assertEquals(0, new BigDecimal(expected).compareTo(num(f, key)),
                () -> f.getCode() + " evidence " + key + " = " + f.getEvidence().get(key) + ", expected " + expected);
    }

    private static void assertSelfScore(String seed, String stated, String recomputed) {
        SubmissionResult.SelfScore s = check(seed).getSelfScore();
        assertNotNull(s.stated(), seed);
        assertEquals(0, new BigDecimal(stated).compareTo(s.stated()), seed + " stated " + s.stated());
        assertNotNull(s.recomputed(), seed);
        assertEquals(0, new BigDecimal(recomputed).compareTo(s.recomputed()), seed + " recomputed " + s.recomputed());
    }

    /** Whether the recognizer read this total with exactly these parts (in any order). */
    private static boolean hasBreakdown(Recognition rec, String total, String... parts) {
        List<BigDecimal> want = Stream.of(parts).map(BigDecimal::new).sorted().toList();
        for (Breakdown b : rec.factsOf(Breakdown.class)) {
            if (b.getTotal().getValue().getValue().compareTo(new BigDecimal(total)) != 0) continue;
            List<BigDecimal> got = b.getParts().stream().map(Figure::getValue).map(a -> a.getValue()).sorted().toList();
            if (got.size() != want.size()) continue;
            boolean same = true;
            for (int i = 0; i < got.size(); i++) same &= got.get(i).compareTo(want.get(i)) == 0;
            if (same) return true;
        }
        return false;
    }
}
