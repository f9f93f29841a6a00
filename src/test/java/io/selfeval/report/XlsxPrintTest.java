package io.selfeval.report;

import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbook of fixtures/seeds as LibreOffice prints it (converted to PDF, read back with PDFBox): 汇总 is one page
 * wide — every page of it carries the whole header row, first column to last, and every unit's row is on them, with
 * the totals and the chart.
 */
@Tag("slow") // LibreOffice
class XlsxPrintTest {
    private static final Path SOFFICE = Path.of("/usr/bin/soffice");
    /** LibreOffice Calc's import filters; soffice without them cannot open a workbook. */
    private static final Path CALC = Path.of("/usr/lib/libreoffice/program/libscfiltlo.so");
    /** 汇总's one-line header labels (the others wrap over two lines in print). */
    private static final List<String> SUMMARY_HEADS = List.of("单位", "年度", "文件", "状态", "审核得分", "错误", "警告", "提示",
            "主要问题1", "主要问题2", "主要问题3");

    @TempDir
    Path dir;

    @Test
    void libreOfficePrintsTheSummaryOnePageWide() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SOFFICE) && Files.exists(CALC),
                "LibreOffice Calc (libreoffice-calc-nogui) is not installed; .ci/run installs it");
        List<SubmissionResult> results = new ArrayList<>();
        try (DirectoryStream<Path> seeds = Files.newDirectoryStream(Path.of("fixtures/seeds"), "*.txt")) {
            for (Path p : seeds) results.add(Checks.file(p));
        }
        Path xlsx = dir.resolve("审核结果.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            ReportSink sink = ReportSinks.create("xlsx", out, Checks.rules());
            sink.begin(null, null);
            for (SubmissionResult r : results) sink.submission(r);
            sink.end(io.selfeval.model.CheckReport.Summary.of(results));
        }

        Path pdf = convert(xlsx);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) pages.add(text(doc, i));
            // 汇总 is the first sheet; its pages end where 问题清单's header (问题说明) begins.
            int summaryPages = 0;
            while (summaryPages < pages.size() && !pages.get(summaryPages).contains("问题说明")) summaryPages++;
            assertTrue(summaryPages >= 1 && summaryPages < pages.size(), "汇总 then the other sheets: " + pages.size() + " pages");
            String summary = String.join("\n", pages.subList(0, summaryPages));
            for (int i = 0; i < summaryPages; i++) {
                String page = pages.get(i);
                for (String head : SUMMARY_HEADS) {
                    assertTrue(page.contains(head), "page " + (i + 1) + " of 汇总 lacks column " + head + ": split across width?\n" + page);
                }
                PDRectangle box = doc.getPage(i).getMediaBox();
                assertTrue(box.getWidth() > box.getHeight(), "landscape");
                assertEquals(PDRectangle.A4.getHeight(), box.getWidth(), 2, "A4");
            }
            for (SubmissionResult r : results) {
                assertTrue(flat(summary).contains(flat(r.getUnit())), "unit row on 汇总's pages: " + r.getUnit());
            }
            assertTrue(summary.contains("合计") && summary.contains("平均审核得分"), "totals printed");
            assertTrue(flat(summary).contains("问题按类别统计"), "the chart is printed with 汇总");
        }
    }

    private Path convert(Path xlsx) throws IOException, InterruptedException {
        Path out = Files.createDirectories(dir.resolve("pdf"));
        Process p = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", out.toString(), xlsx.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "soffice finished");
        assertEquals(0, p.exitValue(), output);
        Path pdf = out.resolve("审核结果.pdf");
        assertTrue(Files.isRegularFile(pdf), () -> "no PDF: " + output);
        return pdf;
    }

    private static String text(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    /** Without white space: a unit's name may wrap in its cell. */
    private static String flat(String s) {
        assertFalse(s == null || s.isBlank(), "a unit name");
        return s.replaceAll("\\s+", "");
    }
}
