package io.selfeval.rules;

import io.selfeval.testing.RuleFolders;
import io.selfeval.model.DeductionRule;
import io.selfeval.model.Finding;
import io.selfeval.model.Relation;
import io.selfeval.model.SubmissionResult;
import io.selfeval.check.Checker;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import io.selfeval.testing.XlsxTables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule data lives in decision tables (rules/*.drl.xlsx) that Drools compiles at run time: editing a cell of a
 * copy of rules/ changes what the checker finds, without a rebuild; a broken cell stops loading with its file, sheet
 * and cell. The real rules/ folder is never touched.
 */
@Tag("slow") // copies and recompiles rules/
class RuleTablesTest {
    private static final Path REAL_RULES = Path.of("rules");
    private static final String SUM = "AMT_SUM_MISMATCH";
    /** 1253.78 ≠ 1144.41 + 90 = 1234.41: the parts miss the total by 19.37. */
    private static final String OFF_BY_1937 = Reports.TITLE + "一、部门基本情况\n测试县人民政府办公室是县政府的办事机构。\n"
            + "二、一般公共预算支出情况\n2024年全年实际支出1253.78万元，其中：基本支出1144.41万元，项目支出90万元。\n";

    @TempDir
    Path tmp;

    // ---- one source of truth ----

    @Test
    void theRuleDataIsOnlyInTheDecisionTables() {
        for (String old : List.of("parameters.properties", "relations.csv", "rubric.csv", "deductions.csv")) {
            assertFalse(Files.exists(REAL_RULES.resolve(old)), "rules/" + old + " was replaced by a decision table");
        }
        for (String table : List.of("parameters", "relations", "rubric", "deductions", "codes")) {
            assertTrue(Files.exists(REAL_RULES.resolve(table + ".drl.xlsx")), table);
        }
        RuleBase rules = Checks.rules();
        assertEquals(0, new BigDecimal("0.20").compareTo(rules.parameters().num("预算调整阈值")));
        assertEquals(List.of("基础数据表", "整体支出绩效自评表"), rules.parameters().list("必备附表"));
        assertTrue(rules.parameters().source("num.预算调整阈值").matches("rules/parameters\\.drl\\.xlsx 参数![A-Z]+\\d+"),
                rules.parameters().source("num.预算调整阈值"));
        assertEquals(List.of("num.标准权重.产出指标", "num.标准权重.效益指标", "num.标准权重.满意度指标", "num.标准权重.预算执行率"),
                rules.parameters().keys("num.标准权重."));
        Relation first = rules.relations().get(0);
        assertEquals("资金总额 = 基本支出 + 项目支出", first.describe());
        assertTrue(first.getSource().startsWith("relations.drl.xlsx 勾稽关系 第"), first.getSource());
        assertEquals(8, rules.rubric().size());
        assertEquals(0, BigDecimal.valueOf(100).compareTo(rules.rubric().stream().map(i -> i.weight()).reduce(BigDecimal.ZERO, BigDecimal::add)));
        DeductionRule blank = rules.deductions().stream().filter(d -> d.code().equals("CMP_BLANK_CELL")).findFirst().orElseThrow();
        assertEquals("完整性/自评报告附件部分内容完整", blank.item());
        assertEquals(0, BigDecimal.ONE.compareTo(blank.points()));
        assertEquals(0, BigDecimal.valueOf(3).compareTo(blank.cap()));
        assertTrue(rules.codes().stream().anyMatch(c -> c.code().equals("AMT_SUM_MISMATCH") && c.name().equals("合计与分项之和不符")));
    }

    @Test
    void theDecisionTableHeaderRowsAreToleratedNotNeeded() throws Exception {
        // The sheets were decision tables once: their grey RuleSet/Import/RuleTable/ACTION rows are left in place and
        // not read. Without them a sheet named after its table is found by its header row, and reads the same.
        Path rules = RuleFolders.copy(tmp, "no-header");
        Path table = rules.resolve("parameters.drl.xlsx");
        for (int row = 7; row <= 13; row++) {
            for (String column : List.of("B", "C", "D", "E", "F")) XlsxTables.setCell(table, "参数", column + row, "");
        }
        RuleParameters shipped = Checks.rules().parameters();
        RuleParameters read = RuleBase.load(rules).parameters();
        assertEquals(shipped.keys(), read.keys());
        for (String key : shipped.keys()) {
            assertEquals(shipped.text(key), read.text(key), key);
            assertEquals(shipped.source(key), read.source(key).replace(rules.toString(), "rules"), key);
        }
    }

    @Test
    void aTableSavedAsExcel97IsReadToo() throws Exception {
        Path rules = RuleFolders.copy(tmp, "xls");
        Path xlsx = rules.resolve("parameters.drl.xlsx");
        XlsxTables.set(xlsx, "参数", "参数名", "预算调整阈值", "参数值", "0.35");
        try (org.apache.poi.ss.usermodel.Workbook from = org.apache.poi.ss.usermodel.WorkbookFactory.create(xlsx.toFile(), null, true);
             org.apache.poi.hssf.usermodel.HSSFWorkbook to = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet in = from.getSheetAt(0);
            org.apache.poi.ss.usermodel.Sheet out = to.createSheet(in.getSheetName());
            for (org.apache.poi.ss.usermodel.Row row : in) {
                org.apache.poi.ss.usermodel.Row r = out.createRow(row.getRowNum());
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    switch (cell.getCellType()) {
                        case NUMERIC -> r.createCell(cell.getColumnIndex()).setCellValue(cell.getNumericCellValue());
                        case STRING -> r.createCell(cell.getColumnIndex()).setCellValue(cell.getStringCellValue());
                        default -> { }
                    }
                }
            }
            try (java.io.OutputStream os = Files.newOutputStream(rules.resolve("parameters.drl.xls"))) {
                to.write(os);
            }
        }
        Files.delete(xlsx);
        RuleBase base = RuleBase.load(rules);
        assertEquals(0, new BigDecimal("0.35").compareTo(base.parameters().num("预算调整阈值")));
        assertEquals(Checks.rules().parameters().keys(), base.parameters().keys());
        assertTrue(base.parameters().source("num.预算调整阈值").contains("parameters.drl.xls 参数!D"), base.parameters().source("num.预算调整阈值"));
    }

    // ---- a tolerance cell ----

    @Test
    void editingTheAmountToleranceCellChangesTheFinding() throws Exception {
        SubmissionResult before = Checks.text(OFF_BY_1937);
        assertEquals(1, Checks.findings(before, SUM).size(), () -> Checks.dump(before));

        Path wider = RuleFolders.copy(tmp, "tolerance-20");
        XlsxTables.set(wider.resolve("parameters.drl.xlsx"), "参数", "参数名", "金额容差", "参数值", "20");
        RuleBase widened = RuleBase.load(wider);
        assertEquals(0, BigDecimal.valueOf(20).compareTo(widened.parameters().num("金额容差")));
        SubmissionResult after = Checks.text(OFF_BY_1937, widened);
        assertTrue(Checks.findings(after, SUM).isEmpty(), () -> Checks.dump(after));

        // A smaller widening (5 on the total and on each part: 15 in all) leaves the finding.
        Path narrower = RuleFolders.copy(tmp, "tolerance-5");
        XlsxTables.set(narrower.resolve("parameters.drl.xlsx"), "参数", "参数名", "金额容差", "参数值", "5");
        assertEquals(1, Checks.findings(Checks.text(OFF_BY_1937, RuleBase.load(narrower)), SUM).size());
        assertNotEquals(Checks.rules().fingerprint(), widened.fingerprint(), "an edited table changes the fingerprint");
    }

    // ---- a relation row ----

    @Test
    void addingARelationRowCreatesANewSumCheck() throws Exception {
        // The complete report's 公用经费 (85 / 95 / 90) lists 办公经费 20, 水电差旅 10 and 会议培训 5 under it: a "其中"
        // split (LE), which is consistent. A row saying they must add up makes three new AMT_SUM_MISMATCH.
        String report = Reports.complete();
        SubmissionResult before = Checks.text(report);
        assertTrue(Checks.findings(before, SUM).isEmpty(), () -> Checks.dump(before));

        Path rules = RuleFolders.copy(tmp, "relation");
        Path table = rules.resolve("relations.drl.xlsx");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("类型", "SUM");
        row.put("合计项", "公用经费");
        row.put("分项", "办公经费+水费、电费、差旅费+会议费、培训费");
        row.put("说明", "测试：公用经费应等于三项之和");
        int rowNumber = XlsxTables.append(table, "勾稽关系", row);
        RuleBase withRow = RuleBase.load(rules);
        assertEquals(Checks.rules().relations().size() + 1, withRow.relations().size());

        List<Finding> found = Checks.findings(Checks.text(report, withRow), SUM);
        assertEquals(3, found.size(), () -> found.toString());
        for (Finding f : found) {
            assertEquals("公用经费 = 办公经费 + 水费、电费、差旅费 + 会议费、培训费（relations.drl.xlsx 勾稽关系 第" + rowNumber + "行）",
                    f.getEvidence().get("relation"));
            assertTrue(f.getRuleFile().endsWith("amounts.drl"), f.getRuleFile());
        }
        Set<BigDecimal> totals = new TreeSet<>();
        for (Finding f : found) totals.add(new BigDecimal(String.valueOf(f.getEvidence().get("total"))));
        assertEquals(Set.of(new BigDecimal("85"), new BigDecimal("95"), new BigDecimal("90")), totals);
    }

    // ---- broken cells ----

    @Test
    void badRelationKindNamesTheCell() throws Exception {
        Path rules = RuleFolders.copy(tmp, "bad-kind");
        Path table = rules.resolve("relations.drl.xlsx");
        String cell = XlsxTables.set(table, "勾稽关系", "合计项", "三公经费", "类型", "相加");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        assertEquals(1, e.getProblems().size(), e::getMessage);
        assertTrue(e.getProblems().get(0).contains("relations.drl.xlsx 勾稽关系!" + cell + "："), e.getMessage());
        assertTrue(e.getProblems().get(0).contains("SUM") && e.getProblems().get(0).contains("相加"), e.getMessage());
    }

    @Test
    void unknownColumnNamesItsHeaderCell() throws Exception {
        Path rules = RuleFolders.copy(tmp, "unknown-column");
        Path table = rules.resolve("parameters.drl.xlsx");
        int row = XlsxTables.rowOf(table, "参数", "参数名", "金额容差");
        // A sixth column "上限" after 取值范围 (column G): its header label and a value.
        XlsxTables.setCell(table, "参数", "G14", "上限");
        XlsxTables.setCell(table, "参数", "G" + row, "5");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        assertEquals(1, e.getProblems().size(), e::getMessage);
        assertTrue(e.getProblems().get(0).contains("parameters.drl.xlsx 参数!G14：未知的列“上限”（参数表的列只能是：参数名、类型"),
                e::getMessage);
    }

    @Test
    void cellRightOfTheTableNamesSheetAndCell() throws Exception {
        Path rules = RuleFolders.copy(tmp, "stray-cell");
        Path table = rules.resolve("rubric.drl.xlsx");
        int row = XlsxTables.rowOf(table, "考核评分表", "二级标准", "按时公开");
        XlsxTables.setCell(table, "考核评分表", "G" + row, "备注：暂不考核");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        assertEquals(1, e.getProblems().size(), e::getMessage);
        assertTrue(e.getProblems().get(0).contains("rubric.drl.xlsx 考核评分表!G" + row + "："), e::getMessage);
        assertTrue(e.getProblems().get(0).contains("没有列名"), e::getMessage);
    }

    @Test
    void aBackslashInACellIsRefusedWithItsCell() throws Exception {
        // The staff guide says no backslashes in the sheets (when they were compiled as decision tables, one broke
        // the generated rule); a value with one still stops the load at its cell.
        Path rules = RuleFolders.copy(tmp, "backslash");
        Path table = rules.resolve("parameters.drl.xlsx");
        String cell = XlsxTables.set(table, "参数", "参数名", "必备部分.结果应用", "参数值", "结果应用|\\d+");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        assertEquals(1, e.getProblems().size(), e::getMessage);
        assertTrue(e.getProblems().get(0).contains("parameters.drl.xlsx 参数!" + cell + "："), e::getMessage);
        assertTrue(e.getProblems().get(0).contains("反斜杠"), e::getMessage);
    }

    @Test
    void blankRowInsideATableIsAnErrorNotASilentEnd() throws Exception {
        // Drools ends a table at its first blank row; the rows below would be dropped without a word.
        Path rules = RuleFolders.copy(tmp, "blank-row");
        Path table = rules.resolve("relations.drl.xlsx");
        int row = XlsxTables.rowOf(table, "勾稽关系", "合计项", "三公经费");
        for (String column : List.of("类型", "分项", "说明", "合计项")) {
            XlsxTables.set(table, "勾稽关系", "合计项", "三公经费", column, "");
        }
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        assertEquals(1, e.getProblems().size(), e::getMessage);
        assertTrue(e.getProblems().get(0).contains("relations.drl.xlsx 勾稽关系!B" + (row + 1) + "：第" + row + "行是空行"), e::getMessage);
    }

    @Test
    void duplicateParameterAndBadTypeAreEachReported() throws Exception {
        Path rules = RuleFolders.copy(tmp, "duplicates");
        Path table = rules.resolve("parameters.drl.xlsx");
        String typeCell = XlsxTables.set(table, "参数", "参数名", "满分", "类型", "整数");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("参数名", "金额容差");
        row.put("类型", "数字");
        row.put("参数值", "1");
        int r = XlsxTables.append(table, "参数", row);
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        assertEquals(2, e.getProblems().size(), e::getMessage);
        assertTrue(e.getMessage().contains("参数!" + typeCell + "：参数“满分”的类型应为 数字、文字 或 列表，实为“整数”"), e::getMessage);
        assertTrue(e.getMessage().contains("参数!B" + r + "：参数“金额容差”重复"), e::getMessage);
    }

    @Test
    void deductionRowsAndRubricItemsAreReadFromTheirTables() throws Exception {
        Path rules = RuleFolders.copy(tmp, "deductions");
        XlsxTables.set(rules.resolve("deductions.drl.xlsx"), "扣分对照", "问题代码", "CMP_MISSING_SECTION", "每条扣分", "3");
        XlsxTables.set(rules.resolve("rubric.drl.xlsx"), "考核评分表", "二级标准", "个性指标", "分值", "12");
        RuleBase base = RuleBase.load(rules);
        DeductionRule d = base.deductions().stream().filter(x -> x.code().equals("CMP_MISSING_SECTION")).findFirst().orElseThrow();
        assertEquals(0, BigDecimal.valueOf(3).compareTo(d.points()));
        assertTrue(d.source().matches(".*deductions\\.drl\\.xlsx 扣分对照 第\\d+行"), d.source());
        assertEquals(0, BigDecimal.valueOf(12).compareTo(base.rubric().stream()
                .filter(i -> i.id().equals("客观性/个性指标")).findFirst().orElseThrow().weight()));
    }

    @Test
    void codeFamiliesAreReadFromTheirSheetAndABadOneNamesItsCell() throws Exception {
        Map<String, String> families = Checks.rules().codeFamilies();
        assertEquals(List.of("AMT", "EXE", "PRJ", "SCR", "IND", "CMP", "OBJ", "META", "PARSE"), List.copyOf(families.keySet()));
        assertEquals("金额勾稽", families.get("AMT"));
        assertEquals("文件", families.get("PARSE"));

        Path rules = RuleFolders.copy(tmp, "bad-family");
        Path table = rules.resolve("codes.drl.xlsx");
        XlsxTables.setCell(table, "代码类别", "B8", "Exe");
        XlsxTables.setCell(table, "代码类别", "C9", "");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        assertEquals(2, e.getProblems().size(), e::getMessage);
        assertTrue(e.getProblems().get(0).contains("codes.drl.xlsx 代码类别!B8：类别“Exe”应为问题代码第一个下划线前的大写字母"), e::getMessage);
        assertTrue(e.getProblems().get(1).contains("codes.drl.xlsx 代码类别!C9：“中文名称”不能为空（"), e::getMessage);
    }

    @Test
    void aCodeWhoseFamilyIsNotInTheFamiliesSheetIsAWarning() throws Exception {
        Path rules = RuleFolders.copy(tmp, "no-family");
        XlsxTables.set(rules.resolve("codes.drl.xlsx"), "代码类别", "类别", "PRJ", "类别", "PRJX");
        List<String> w = RuleBase.load(rules).warnings();
        assertEquals(1, w.size(), () -> String.join("\n", w));
        assertTrue(w.get(0).contains("codes.drl.xlsx 问题代码 第") && w.get(0).contains("问题代码 PRJ_OVER_CAP 的类别 PRJ 不在代码类别表中"), w::toString);
    }

    // ---- verify's warnings ----

    @Test
    void theShippedRulesGiveNoWarning() {
        assertEquals(List.of(), Checks.rules().warnings());
    }

    @Test
    void warningsNameUnknownCodesItemsAndRulesThatCannotFire() throws Exception {
        Path rules = RuleFolders.copy(tmp, "warnings");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("问题代码", "AMT_SUM_MISMACH");
        row.put("考核项", "完整性/自评报告附件部分内容完整");
        row.put("每条扣分", "1");
        int r = XlsxTables.append(rules.resolve("deductions.drl.xlsx"), "扣分对照", row);
        XlsxTables.set(rules.resolve("deductions.drl.xlsx"), "扣分对照", "问题代码", "META_LATE", "考核项", "及时性/按时报送");
        Files.writeString(rules.resolve("zz-extra.drl"), """
                package selfeval.extra;
                import io.selfeval.model.*;
                import io.selfeval.rules.Message;
                global io.selfeval.rules.FindingCollector findings;

                // 等一个识别器从不插入的事实。
                rule "等待不存在的事实"
                    @code(AMT_SUM_MISMATCH) @severity(ERROR)
                when
                    $f : Finding()
                then
                    findings.report(kcontext, null, Message.of("AMT_SUM_MISMATCH.test"));
                end

                rule "代码不在表中"
                    @code(XYZ_UNKNOWN) @severity(INFO)
                when
                    $s : Section()
                    not Finding()
                then
                    findings.report(kcontext, null, Message.of("XYZ_UNKNOWN"));
                end
                """, StandardCharsets.UTF_8);
        Files.writeString(rules.resolve("messages.properties"), "AMT_SUM_MISMATCH.test = 不会出现\nXYZ_UNKNOWN = 测试\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        List<String> w = RuleBase.load(rules).warnings();
        assertEquals(4, w.size(), () -> String.join("\n", w));
        assertTrue(w.stream().anyMatch(s -> s.contains("deductions.drl.xlsx 扣分对照 第" + r + "行") && s.contains("问题代码 AMT_SUM_MISMACH 不在问题代码表中")), w::toString);
        assertTrue(w.stream().anyMatch(s -> s.contains("考核项“及时性/按时报送”不在考核评分表中")), w::toString);
        assertTrue(w.stream().anyMatch(s -> s.contains("规则“等待不存在的事实”") && s.contains("zz-extra.drl") && s.contains("匹配 Finding")
                && s.contains("永远不会触发")), w::toString);
        assertTrue(w.stream().anyMatch(s -> s.contains("规则“代码不在表中”") && s.contains("XYZ_UNKNOWN 不在问题代码表")), w::toString);
    }

    @Test
    void everyKindOfFactTheRecognizerInsertsIsKnownToVerify() throws Exception {
        // A spy rule reports every fact in the session whose class FactTypes does not list.
        Path rules = RuleFolders.copy(tmp, "spy");
        Files.writeString(rules.resolve("zz-spy.drl"), """
                package selfeval.spy;
                import io.selfeval.rules.FactTypes;
                import io.selfeval.rules.Message;
                global io.selfeval.rules.FindingCollector findings;

                rule "未登记的事实"
                    @code(TEST_SPY) @severity(INFO)
                when
                    $o : Object()
                    eval(!FactTypes.KNOWN.contains($o.getClass()) && !FactTypes.DERIVED.contains($o.getClass()))
                then
                    findings.report(kcontext, null, Message.of("TEST_SPY", "fact", $o.getClass().getName()));
                end
                """, StandardCharsets.UTF_8);
        Files.writeString(rules.resolve("messages.properties"), "TEST_SPY = {fact}\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        RuleBase spy = RuleBase.load(rules);
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> s = Files.list(Path.of("fixtures/seeds"))) {
            for (Path seed : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                for (Finding f : new Checker(spy).check(seed).getFindings()) {
                    if (f.getCode().equals("TEST_SPY")) unknown.add(f.getMessage());
                }
            }
        }
        for (Finding f : Checks.text(Reports.complete(), spy).getFindings()) {
            if (f.getCode().equals("TEST_SPY")) unknown.add(f.getMessage());
        }
        assertEquals(Set.of(), unknown, "add these to FactTypes.KNOWN");
    }

    @Test
    void rulesCarryTheirDescriptionFromTheCommentAbove() {
        RuleBase.RuleInfo info = Checks.rules().catalog().stream().filter(r -> r.name().equals("预算调整幅度大")).findFirst().orElseThrow();
        assertEquals("EXE_BUDGET_ADJUSTED", info.code());
        assertTrue(info.file().endsWith("rules/execution.drl"), info.file());
        assertTrue(info.description().startsWith("全年预算数偏离年初预算数超过参数“预算调整阈值”"), info.description());
    }
}
