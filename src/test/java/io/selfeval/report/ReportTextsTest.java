package io.selfeval.report;

import io.selfeval.check.Checker;
import io.selfeval.model.Finding;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status words and labels every report shares, on real checks of the seeds and of generated reports. */
class ReportTextsTest {

    @Test
    void aSeedWithErrorsIsCheckedWithErrors() {
        SubmissionResult seed = Checks.file(Path.of("fixtures/seeds/000_0c4b3fbed2722708.txt"));
        assertTrue(seed.count(Severity.ERROR) > 0, Checks.dump(seed));
        assertEquals("已检查，有错误", ReportTexts.status(seed).words());
        assertTrue(ReportTexts.status(seed).needsAttention());
    }

    @Test
    void aConsistentReportIsCheckedWithoutErrors() {
        SubmissionResult clean = Checks.text(Reports.complete());
        assertEquals(0, clean.count(Severity.ERROR), Checks.dump(clean));
        assertEquals("已检查，无错误", ReportTexts.status(clean).words());
        assertFalse(ReportTexts.status(clean).needsAttention());
    }

    @Test
    void unreadableAndNotAReport() {
        assertEquals("无法读取", ReportTexts.status(Checker.unreadable("x.docx", "文件已损坏")).words());
        SubmissionResult notice = Checks.text("关于召开2024年度绩效自评培训会议的通知\n各单位：\n会议时间：3月5日。会议地点：三楼会议室。参会人员：财务人员。\n");
        assertTrue(Checks.codes(notice).contains("PARSE_UNRECOGNIZED"), Checks.dump(notice));
        assertEquals("非自评报告", ReportTexts.status(notice).words());
    }

    @Test
    void anUnreadableAttachmentLeavesTheReportChecked() {
        Finding attachment = new Finding("PARSE_UNREADABLE", Severity.ERROR, "文件无法读取", null, "文件 附件1.xls 无法读取：已损坏",
                null, Map.of("reason", "已损坏", "file", "附件1.xls"), null);
        SubmissionResult r = new SubmissionResult("甲单位", List.of("甲单位/报告.docx", "甲单位/附件1.xls"), "甲单位", 2024,
                null, null, List.of(attachment), "附件1.xls：已损坏");
        assertEquals("部分文件无法读取", ReportTexts.status(r).words());
    }

    @Test
    void aTruncatedFileWithoutReviewScoreIsNotCalledANonReport() {
        Finding cut = new Finding("PARSE_TRUNCATED", Severity.WARNING, "文件内容未全部读取", null, "表格超过5000行", null,
                Map.of("reason", "表格超过5000行"), null);
        SubmissionResult r = new SubmissionResult("大.xlsx", List.of("大.xlsx"), "甲单位", 2024, null, null, List.of(cut), null);
        assertEquals("内容未全部读取", ReportTexts.status(r).words());
    }

    @Test
    void anUnreadableFilesReasonIsLabelledReasonNotDeviation() {
        Finding parse = Checker.unreadable("x.docx", "文件已损坏").getFindings().get(0);
        assertEquals("原因：文件已损坏", ReportTexts.evidence(parse));
        Finding deviation = new Finding("SCR_DEVIATION_UNEXPLAINED", Severity.WARNING, "扣分未说明原因", null, "…", null,
                Map.of("reason", "无偏差"), null);
        assertEquals("偏差原因：无偏差", ReportTexts.evidence(deviation), "a score's 偏差原因 keeps its label");
        assertEquals("原因", ReportTexts.evidenceLabels().get("PARSE.reason"), "the web page gets the family's label too");
    }

    @Test
    void aMessageOpeningWithTheCodesNameIsNotGivenItTwice() {
        SubmissionResult seed = Checks.file(Path.of("fixtures/seeds/002_cd1fc01d2edd52c0.txt"));
        Finding missing = seed.getFindings().stream().filter(f -> f.getCode().equals("CMP_MISSING_ATTACHMENT"))
                .filter(f -> f.getMessage().startsWith("缺少附表")).findFirst()
                .orElseThrow(() -> new AssertionError(Checks.dump(seed)));
        String brief = ReportTexts.brief(missing);
        assertTrue(brief.startsWith("[错误] 缺少附表："), brief);
        assertFalse(brief.contains("缺少附表：缺少附表"), brief);
        Finding rate = new Finding("EXE_RATE_MISMATCH", Severity.ERROR, "r", null, "正文称预算执行率100%", null, Map.of(), null);
        assertEquals("[错误] EXE_RATE_MISMATCH：正文称预算执行率100%", ReportTexts.brief(rate), "unnamed: the code");
        Finding named = io.selfeval.rules.CodeNames.of(Checks.rules()).named(rate);
        assertEquals("[错误] 预算执行率计算错误：正文称预算执行率100%", ReportTexts.brief(named), "named by the code table");
    }
}
