package io.selfeval.generated;

import io.selfeval.generated.ReportRenderer.Fault;
import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layouts of the genre that a grid-at-a-time, one-file-per-submission reading got wrong (issue patterns 4, 5, 6, 8,
 * 9 and 10), each with a consistent variant (no ERROR) and a broken one (the code fires), on generated reports.
 */
class GenrePatternsTest {
    private static final long SEED = 777;

    @BeforeAll
    static void rules() throws Exception {
        if (GeneratedReportsTest.selfEval == null) GeneratedReportsTest.rules();
    }

    private static SubmissionResult check(Path path) {
        return GeneratedReportsTest.selfEval.check(path);
    }

    private static Path write(long seed, Fault fault, ReportFiles.Format format, Path dir) throws Exception {
        return ReportFiles.write(new ReportRenderer(ReportModel.random(seed), fault).render(), format, dir, "s" + seed + fault);
    }

    private static long seedWithProjects(int n) {
        for (long s = SEED; ; s++) if (ReportModel.random(s).projects.size() >= n) return s;
    }

    private static void assertNoError(SubmissionResult r) {
        List<Finding> errors = GeneratedReportsTest.errors(r);
        assertTrue(errors.isEmpty() && r.getError() == null, () -> errors.stream().map(f -> f.getCode() + " " + f.getMessage()).toList() + " " + r.getError());
    }

    private static boolean has(SubmissionResult r, String code) {
        return r.getFindings().stream().anyMatch(f -> f.getCode().equals(code));
    }

    // —— 4. several project tables stacked in one sheet ——

    @Test
    void projectTablesStackedInOneSheetAreReadAsTablesOfTheirOwn(@TempDir Path dir) throws Exception {
        long seed = seedWithProjects(3);
        SubmissionResult ok = check(write(seed, Fault.NONE, ReportFiles.Format.FOLDER_STACKED_SHEET, dir));
        assertNoError(ok);
        assertEquals(List.of("自评报告.docx", "附表.xlsx"), ok.getFiles().stream().map(f -> Path.of(f).getFileName().toString()).toList());
        SubmissionResult broken = check(write(seed, Fault.PRJ_OVER_CAP, ReportFiles.Format.FOLDER_STACKED_SHEET, dir));
        Finding f = broken.getFindings().stream().filter(x -> x.getCode().equals("PRJ_OVER_CAP")).findFirst().orElseThrow();
        assertEquals(ReportModel.random(seed).projects.get(0).name, f.getEvidence().get("project"));
    }

    // —— 5. the 总分 row: a blank 得分 is a missing self-score ——

    @Test
    void aBlankTotalScoreIsAMissingSelfScoreNotOneHundred(@TempDir Path dir) throws Exception {
        for (ReportFiles.Format format : List.of(ReportFiles.Format.TXT, ReportFiles.Format.DOCX, ReportFiles.Format.FOLDER_WORKBOOK)) {
            SubmissionResult missing = check(write(SEED, Fault.CMP_MISSING_SELF_SCORE, format, dir));
            assertTrue(has(missing, "CMP_MISSING_SELF_SCORE"), () -> format + " " + missing.getFindings());
            assertTrue(!has(missing, "SCR_SUM_MISMATCH"), () -> format + " " + missing.getFindings());
            assertNoError(check(write(SEED, Fault.NONE, format, dir)));
        }
    }

    @Test
    void aNoteRowUnderTheTableIsNotData(@TempDir Path dir) throws Exception {
        ReportRenderer.Parts parts = new ReportRenderer(ReportModel.random(SEED), Fault.NONE).render();
        String note = "\t说明：分值设定100分，其中预算执行率10分、产出指标50分、效益指标30分、满意度指标10分，得分150分。\n\n";
        ReportRenderer.Parts noted = new ReportRenderer.Parts(parts.narrative(), parts.basicData(), parts.overall() + note, parts.projects());
        assertNoError(check(ReportFiles.write(noted, ReportFiles.Format.TXT, dir, "noted")));
        assertNoError(check(ReportFiles.write(noted, ReportFiles.Format.DOCX, dir, "noted")));
    }

    // —— 6. attachments flattened into one cell per line ——

    @Test
    void flattenedAttachmentsAreThereAndTheBasicDataTableIsRebuilt(@TempDir Path dir) throws Exception {
        SubmissionResult ok = check(write(SEED, Fault.NONE, ReportFiles.Format.TXT_FLATTENED, dir));
        assertNoError(ok);
        assertTrue(!has(ok, "CMP_MISSING_ATTACHMENT"), ok::toString);
        // The staffing block is rebuilt, so its rate is checked: a 控制率 computed the wrong way round is found.
        ReportModel m = ReportModel.random(SEED);
        ReportRenderer.Parts parts = new ReportRenderer(m, Fault.NONE).render();
        String wrong = parts.basicData().replace("\t" + ReportModel.pct(java.math.BigDecimal.valueOf(m.staff), java.math.BigDecimal.valueOf(m.quota))
                .stripTrailingZeros().toPlainString() + "%\n", "\t" + ReportModel.pct(java.math.BigDecimal.valueOf(m.quota),
                java.math.BigDecimal.valueOf(m.staff)).toPlainString() + "%\n");
        assertTrue(!wrong.equals(parts.basicData()), "the rate cell was replaced");
        ReportRenderer.Parts broken = new ReportRenderer.Parts(parts.narrative(), wrong, parts.overall(), parts.projects());
        SubmissionResult r = check(ReportFiles.write(broken, ReportFiles.Format.TXT_FLATTENED, dir, "flatbroken"));
        assertTrue(r.getFindings().stream().anyMatch(f -> f.getCode().equals("META_STAFF_RATE") && f.getLocation().getTable() != null),
                r::toString);
    }

    @Test
    void aFlattenedBlockWithADroppedCellIsNotRead(@TempDir Path dir) throws Exception {
        ReportRenderer.Parts parts = new ReportRenderer(ReportModel.random(SEED), Fault.NONE).render();
        // The 公用经费 row loses its prior-year cell: the rows no longer line up, so none of the money block is read.
        String dropped = parts.basicData().replaceFirst("(公用经费\\n)\\t[0-9.]+\\n", "$1");
        assertTrue(!dropped.equals(parts.basicData()));
        ReportRenderer.Parts broken = new ReportRenderer.Parts(parts.narrative(), dropped, parts.overall(), parts.projects());
        assertNoError(check(ReportFiles.write(broken, ReportFiles.Format.TXT_FLATTENED, dir, "dropped")));
    }

    // —— 8. not a report ——

    @Test
    void aMeetingNoticeAboutSelfEvaluationIsNotAReport(@TempDir Path dir) throws Exception {
        Path notice = dir.resolve("通知.txt");
        Files.writeString(notice, """
                关于召开2024年度部门整体支出绩效自评工作培训会的通知
                各预算单位：
                为做好2024年度部门整体支出绩效自评工作，经研究，决定召开绩效自评工作培训会。现将有关事项通知如下：
                一、会议时间
                2025年1月10日上午9:00。
                二、会议地点
                县财政局三楼会议室。
                三、参会人员
                各预算单位分管财务负责人及财务人员各1名。
                四、有关要求
                请各单位于1月8日前报送参会回执。
                县财政局
                2025年1月3日
                """, StandardCharsets.UTF_8);
        SubmissionResult r = check(notice);
        assertEquals(List.of("PARSE_UNRECOGNIZED"), r.getFindings().stream().map(Finding::getCode).toList());
        SubmissionResult report = check(write(SEED, Fault.NONE, ReportFiles.Format.TXT, dir));
        assertTrue(!has(report, "PARSE_UNRECOGNIZED"));
    }

    // —— 9. one unit, several files ——

    @Test
    void aReportAndItsAttachmentFilesAreOneSubmission(@TempDir Path dir) throws Exception {
        SubmissionResult ok = check(write(SEED, Fault.NONE, ReportFiles.Format.FOLDER_SEPARATE_FILES, dir));
        assertNoError(ok);
        assertEquals(4, ok.getFiles().size(), ok.getFiles()::toString);
        assertTrue(Path.of(ok.getFiles().get(0)).getFileName().toString().contains("报告"), ok.getFiles()::toString);
        SubmissionResult missing = check(write(SEED, Fault.CMP_MISSING_ATTACHMENT, ReportFiles.Format.FOLDER_SEPARATE_FILES, dir));
        assertEquals(3, missing.getFiles().size());
        assertTrue(missing.getFindings().stream().anyMatch(f -> f.getCode().equals("CMP_MISSING_ATTACHMENT")
                && f.getMessage().contains("基础数据表")), missing::toString);
    }

    // —— 10. recall: unit name, control rate, missing self-score ——

    @Test
    void theThreeMissedFaultsAreFound(@TempDir Path dir) throws Exception {
        for (Fault fault : List.of(Fault.META_UNIT_MISMATCH, Fault.META_STAFF_RATE, Fault.CMP_MISSING_SELF_SCORE)) {
            SubmissionResult r = check(write(SEED, fault, ReportFiles.Format.DOCX, dir));
            assertTrue(has(r, fault.name()), () -> fault + " " + r.getFindings());
        }
    }

    // —— 7. a table in 元 ——

    /** The 基础数据表's money cells written in 元 with thousands separators, its title line saying so. */
    private static String inYuan(String basicData, String from, String to) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\t(\\d+\\.\\d{2})$").matcher(basicData);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            java.math.BigDecimal yuan = new java.math.BigDecimal(m.group(1)).movePointRight(4);
            m.appendReplacement(sb, "\t" + String.format("%,.2f", yuan));
        }
        m.appendTail(sb);
        return sb.toString().replace("基础数据表\n", "基础数据表\n（单位：元）\n").replace(from, to);
    }

    @Test
    void aTableInYuanIsComparedInWanYuan(@TempDir Path dir) throws Exception {
        ReportModel m = ReportModel.random(SEED);
        ReportRenderer.Parts parts = new ReportRenderer(m, Fault.NONE).without("YUAN_TABLES", "PRIOR_YEAR").render();
        String yuan = inYuan(parts.basicData(), "x", "x").replace("经费控制情况（万元）", "经费控制情况");
        ReportRenderer.Parts ok = new ReportRenderer.Parts(parts.narrative(), yuan, parts.overall(), parts.projects());
        for (ReportFiles.Format format : List.of(ReportFiles.Format.TXT, ReportFiles.Format.FOLDER_WORKBOOK)) {
            assertNoError(check(ReportFiles.write(ok, format, dir, "yuan" + format)));
        }
        // The same table with the 公用经费 spend 1,000元 off: now a different figure from the narrative's.
        String spent = String.format("%,.2f", m.publicRow[2].movePointRight(4));
        String off = String.format("%,.2f", m.publicRow[2].movePointRight(4).add(new java.math.BigDecimal("10000")));
        String broken = yuan.replace("\t" + spent + "\n\n\t    其中：办公经费", "\t" + off + "\n\n\t    其中：办公经费");
        assertTrue(!broken.equals(yuan));
        SubmissionResult r = check(ReportFiles.write(new ReportRenderer.Parts(parts.narrative(), broken, parts.overall(), parts.projects()),
                ReportFiles.Format.TXT, dir, "yuanbroken"));
        assertTrue(r.getFindings().stream().anyMatch(f -> f.getCode().equals("AMT_CROSS_MISMATCH") && f.getMessage().contains("公用经费")), r::toString);
    }
}
