package io.selfeval.read;

import io.selfeval.check.Checker;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.model.Finding;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits on what is read: what is cut is said in a finding, what would not fit in memory is refused with a reason. */
class ReadingLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aSheetBeyondTheRowLimitIsCutAndAFindingSaysSo() throws Exception {
        Path file = sheet(dir.resolve("附件1 基础数据表.xlsx"), WorkbookReader.MAX_ROWS + 100);
        Document d = Readers.read(file, "附件1 基础数据表.xlsx");
        assertEquals(List.of("工作表“附件1”超过5000行，其后100行有内容的行未读取"), d.cuts());

        SubmissionResult r = new Checker(Checks.rules()).check(file);
        Finding cut = only(r, "PARSE_TRUNCATED");
        assertEquals(Severity.WARNING, cut.getSeverity());
        assertTrue(cut.getMessage().contains("其后100行"), cut.getMessage());
    }

    @Test
    void emptyFormattedRowsBeyondTheLimitAreNoCut() throws Exception {
        Path file = dir.resolve("附件1.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("附件1");
            for (int r = 0; r < 10; r++) s.createRow(r).createCell(0).setCellValue("项目" + r);
            s.createRow(WorkbookReader.MAX_ROWS + 50).createCell(2); // a blank cell far below, as formatting leaves
            wb.write(out);
        }
        assertEquals(List.of(), Readers.read(file, "附件1.xlsx").cuts());
    }

    @Test
    void aSheetTooBigToParseInBoundedMemoryIsRefusedBeforeItIsParsed() throws Exception {
        // about 12 MB of sheet XML per 36,000 rows of eight cells
        Path file = sheet(dir.resolve("大表.xlsx"), 45_000);
        SubmissionResult r = new Checker(Checks.rules()).check(file);
        Finding refused = only(r, "PARSE_UNREADABLE");
        assertTrue(refused.getMessage().contains("Excel 文件内容过多") && refused.getMessage().contains("sheet1.xml"),
                refused.getMessage());
    }

    @Test
    void aParagraphBeyondTheLimitIsReadUpToItInWordAndText() throws Exception {
        // varied text (a seeded draw), so the Word file does not look like a zip bomb
        java.util.Random random = new java.util.Random(15);
        String words = "本部门严格执行预算资金使用规范绩效目标完成情况良好项目支出基本支出人员经费公用经费。";
        StringBuilder sb = new StringBuilder();
        while (sb.length() < BlockBuilder.MAX_PARAGRAPH_CHARS + 5000) sb.append(words.charAt(random.nextInt(words.length())));
        String huge = sb.toString();
        XWPFDocument doc = new XWPFDocument();
        Word.paragraph(doc, Reports.TITLE);
        Word.paragraph(doc, huge);
        Path docx = dir.resolve("报告.docx");
        Word.save(doc, docx);
        Path txt = dir.resolve("报告.txt");
        Files.writeString(txt, Reports.TITLE + "\n" + huge + "\n", StandardCharsets.UTF_8);

        for (Path file : List.of(docx, txt)) {
            Document d = Readers.read(file, file.getFileName().toString());
            int longest = d.paragraphs().stream().map(Paragraph::text).mapToInt(String::length).max().orElse(0);
            assertEquals(BlockBuilder.MAX_PARAGRAPH_CHARS, longest, file.toString());
            assertEquals(List.of("有一段文字长达" + huge.length() + "字，只读取了前100000字"), d.cuts(), file.toString());
            Finding cut = only(new Checker(Checks.rules()).check(file), "PARSE_TRUNCATED");
            assertEquals(Severity.WARNING, cut.getSeverity());
        }
    }

    @Test
    void withPartOfTheFileUnreadTheRulesFindingsAreWarningsNotErrors() throws Exception {
        Path seed = Path.of("fixtures/seeds/000_0c4b3fbed2722708.txt");
        SubmissionResult whole = new Checker(Checks.rules()).check(seed);
        List<String> errors = whole.getFindings().stream().filter(f -> f.getSeverity() == Severity.ERROR)
                .map(Finding::getCode).toList();
        assertTrue(!errors.isEmpty(), "the seed has ERRORs to begin with");

        Path cut = dir.resolve("报告.txt");
        Files.writeString(cut, Files.readString(seed, StandardCharsets.UTF_8) + "\n"
                + "附注".repeat(BlockBuilder.MAX_PARAGRAPH_CHARS) + "\n", StandardCharsets.UTF_8);
        SubmissionResult r = new Checker(Checks.rules()).check(cut);
        assertEquals(Severity.WARNING, only(r, "PARSE_TRUNCATED").getSeverity());
        assertTrue(r.getFindings().stream().noneMatch(f -> f.getSeverity() == Severity.ERROR), "no ERROR from an incomplete reading");
        List<String> demoted = r.getFindings().stream().filter(f -> f.getMessage().contains("文件未全部读取，此项可能出自未读取的部分"))
                .map(Finding::getCode).toList();
        assertEquals(errors, demoted, "each ERROR of the whole file is still listed, as a warning");
    }

    @Test
    void aConsistentReportHasNoCut() throws Exception {
        Path txt = dir.resolve("报告.txt");
        Files.writeString(txt, Reports.complete(), StandardCharsets.UTF_8);
        assertEquals(List.of(), Readers.read(txt, "报告.txt").cuts());
        assertTrue(new Checker(Checks.rules()).check(txt).getFindings().stream().noneMatch(f -> f.getCode().startsWith("PARSE_")));
    }

    private static Finding only(SubmissionResult r, String code) {
        List<Finding> found = r.getFindings().stream().filter(f -> f.getCode().equals(code)).toList();
        assertEquals(1, found.size(), code + " in " + r.getFindings());
        return found.get(0);
    }

    private static Path sheet(Path file, int rows) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("附件1");
            for (int r = 0; r < rows; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue("项目" + r);
                for (int c = 1; c < 8; c++) row.createCell(c).setCellValue(r * 1.25 + c);
            }
            wb.write(out);
        }
        return file;
    }
}
