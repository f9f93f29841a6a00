package io.selfeval.report;

import io.selfeval.model.CheckReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReportWriterTest {
    private final CheckReport report = ReportSamples.report();

    private String text() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TextReportWriter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void headerLineNamesFileStatusUnitYearScoreAndCounts() throws IOException {
        assertTrue(text().contains("【fixtures/seeds/000.txt】已检查，有错误；单位：岳阳市君山区人民政府办公室；年度：2024；"
                + "自评得分：报告98.85，复算98.85；错误1条，警告1条，提示0条\n"), text());
    }

    @Test
    void findingShowsSeverityCodeMessageLocationEvidenceAndRule() throws IOException {
        String text = text();
        assertTrue(text.contains("[错误] EXE_RATE_MISMATCH 正文称预算执行率100%"), text);
        assertTrue(text.contains("位置：二、一般公共预算支出情况 (第31行)"), text);
        assertTrue(text.contains("原文：…预算执行率100%。"), text);
        assertTrue(text.contains("依据：写明：100%；计算值：98.49%；全年预算数：1273.05；执行数：1253.78"), text);
        assertTrue(text.contains("规则：执行率与金额不符（rules/execution.drl）"), text);
        assertTrue(text.contains("[警告] EXE_OVER_BUDGET 项目支出超预算"), text);
        assertTrue(text.contains("位置：附件2 整体支出绩效自评表 / 年度资金总额 / 执行率 (第214行)"), text);
        assertTrue(text.contains("建议扣分：完整性/自评报告附件部分内容完整 扣1分"), text);
    }

    @Test
    void unreadableSubmissionSaysWhy() throws IOException {
        String text = text();
        assertTrue(text.contains("【missing.txt】无法读取：文件或文件夹不存在"), text);
        assertTrue(text.contains("[错误] PARSE_UNREADABLE"), text);
        assertTrue(text.contains("依据：原因：文件或文件夹不存在"), "an unreadable file's reason is no 偏差原因: " + text);
        assertFalse(text.contains("偏差原因"), text);
    }

    @Test
    void endsWithTheSummaryLineAndHasNoColourCodes() throws IOException {
        String text = text();
        assertTrue(text.endsWith("\n2份报告，错误2条，警告1条，提示0条，无法读取1份\n"), text);
        assertEquals("2份报告，错误2条，警告1条，提示0条，无法读取1份", TextReportWriter.summaryLine(report.summary()));
        assertFalse(text.contains("\u001b"), text);
        assertFalse(text.contains("\r"), text);
    }
}
