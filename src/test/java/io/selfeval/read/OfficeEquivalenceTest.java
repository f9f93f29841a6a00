package io.selfeval.read;

import io.selfeval.document.Document;
import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same small report as text, as a Word file, and as a folder of Word report + Excel attachments. */
class OfficeEquivalenceTest {
    @TempDir
    Path dir;

    /** Variants of Reports.complete(): consistent, and broken in the narrative, in a table, in a score. */
    private static String variant(String name) {
        return switch (name) {
            case "consistent" -> Reports.complete();
            case "narrative-rate" -> Reports.complete().replace("预算执行率98%", "预算执行率100%");
            case "table-spend" -> Reports.TITLE + Reports.body() + "\n" + Reports.basicData() + "\n"
                    + Reports.overall().replace("\t490\n", "\t480\n") + "\n" + Reports.project();
            case "total-score" -> Reports.complete().replace("98.8", "97.5");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static List<String> codes(SubmissionResult r) {
        return r.getFindings().stream().map(Finding::getCode).sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"consistent", "narrative-rate", "table-spend", "total-score"})
    void wordGivesTheSameCodesAsText(String name) throws Exception {
        String text = variant(name);
        Path txt = dir.resolve(name + ".txt");
        Files.writeString(txt, text);
        Path docx = Word.of(TextReader.parse(txt.toString(), text), dir.resolve(name + ".docx"));

        SubmissionResult fromText = Checks.file(txt);
        SubmissionResult fromWord = Checks.file(docx);
        assertFalse(fromWord.isUnreadable(), fromWord::getError);
        assertFalse(codes(fromWord).contains("PARSE_UNRECOGNIZED"), () -> Checks.dump(fromWord));
        assertEquals(codes(fromText), codes(fromWord), () -> "text:\n" + Checks.dump(fromText) + "\nword:\n" + Checks.dump(fromWord));
        assertEquals(fromText.getUnit(), fromWord.getUnit());
        assertEquals(fromText.getYear(), fromWord.getYear());
        assertEquals(fromText.getSelfScore().stated(), fromWord.getSelfScore().stated());
        for (Finding f : fromWord.getFindings()) {
            assertNull(f.getLocation().getLine(), () -> "Word has no lines: " + f.getCode());
            assertEquals(docx.toString(), f.getLocation().getFile(), f::getCode);
        }
        if (!name.equals("consistent")) assertFalse(fromWord.getFindings().isEmpty(), "the broken variant is found");
    }

    @Test
    void aFolderOfWordReportAndExcelAttachmentsIsOneSubmissionWithTheSameCodes() throws Exception {
        for (String name : List.of("consistent", "narrative-rate", "table-spend", "total-score")) {
            String text = variant(name);
            Path txt = dir.resolve(name + ".txt");
            Files.writeString(txt, text);
            int cut = text.indexOf("附件1\n");
            Path folder = Files.createDirectories(dir.resolve(name));
            Path report = Word.of(TextReader.parse("r", text.substring(0, cut)), folder.resolve("自评报告.docx"));
            List<Document> parts = List.of(TextReader.parse("a", text.substring(cut)));
            Path workbook = Excel.of(parts, folder.resolve("附表.xlsx"));

            SubmissionResult fromText = Checks.file(txt);
            SubmissionResult fromFolder = Checks.file(folder);
            assertEquals(folder.toString(), fromFolder.getFile());
            assertEquals(List.of(report.toString(), workbook.toString()), fromFolder.getFiles(), "report first, then the workbook");
            assertEquals(codes(fromText), codes(fromFolder),
                    () -> name + "\ntext:\n" + Checks.dump(fromText) + "\nfolder:\n" + Checks.dump(fromFolder));
            assertEquals(fromText.getSelfScore().stated(), fromFolder.getSelfScore().stated(), name);
            assertEquals(fromText.getSelfScore().recomputed(), fromFolder.getSelfScore().recomputed(), name);
        }
    }

    @Test
    void excelFindingsNameTheSheetAndCell() throws Exception {
        String text = variant("table-spend");
        int cut = text.indexOf("附件1\n");
        Path folder = Files.createDirectories(dir.resolve("cells"));
        Word.of(TextReader.parse("r", text.substring(0, cut)), folder.resolve("自评报告.docx"));
        Path workbook = Excel.of(List.of(TextReader.parse("a", text.substring(cut))), folder.resolve("附表.xlsx"));
        SubmissionResult r = Checks.file(folder);
        Finding rate = r.getFindings().stream().filter(f -> f.getCode().equals("EXE_RATE_MISMATCH")
                && "附件2 整体支出绩效自评表".equals(f.getLocation().getTable())).findFirst().orElse(null);
        assertNotNull(rate, () -> Checks.dump(r));
        assertEquals(workbook.toString(), rate.getLocation().getFile());
        assertEquals("附件2", rate.getLocation().getSheet());
        assertNull(rate.getLocation().getLine());
        // 附件2 sheet: label, title, name row, header row, funds row (row 5); 执行率 is the 7th column (G).
        assertEquals("G5", rate.getLocation().getCell());
        assertEquals("附件2!G5", rate.getLocation().getSheetCell());
        assertTrue(rate.getLocation().describe().contains("附件2!G5"), rate.getLocation().describe());
    }
}
