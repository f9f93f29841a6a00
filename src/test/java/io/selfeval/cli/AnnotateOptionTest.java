package io.selfeval.cli;

import io.selfeval.fixtures.OfficeRenderings;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** check --annotate DIR: marked-up copies of a folder of reports, folders kept, the checked tree left as it was. */
class AnnotateOptionTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderOfReportsIsSentBackMarkedUp() throws Exception {
        Path in = tmp.resolve("全县");
        OfficeRenderings.folder("000", in.resolve("甲单位"));
        OfficeRenderings.docx("002", in.resolve("乙单位"));
        Map<Path, byte[]> before = snapshot(in);
        Path out = tmp.resolve("批注版");

        CliRun r = CliRun.of("check", in.toString(), "--annotate", out.toString(), "--annotate-author", "财政局绩效科", "--rules", "rules");
        assertTrue(r.err().contains("批注版已写入"), r.err());
        Map<Path, byte[]> after = snapshot(in);
        assertEquals(before.keySet(), after.keySet(), "nothing added to the checked folder");
        before.forEach((p, b) -> assertTrue(java.util.Arrays.equals(b, after.get(p)), p + " changed"));

        Path report = find(out, "自评报告（审核意见）.docx");
        Path book = find(out, "附表（审核意见）.xlsx");
        Path other = find(out, OfficeRenderings.seedName("002") + "（审核意见）.docx");
        assertTrue(report.getParent().endsWith(Path.of("全县", "甲单位", OfficeRenderings.seedName("000"))), report.toString());
        assertTrue(other.getParent().endsWith(Path.of("全县", "乙单位")), other.toString());
        try (InputStream s = Files.newInputStream(report); XWPFDocument doc = new XWPFDocument(s)) {
            assertEquals("财政局绩效科", doc.getDocComments().getComments().get(0).getAuthor());
        }
        try (InputStream s = Files.newInputStream(book); XSSFWorkbook wb = new XSSFWorkbook(s)) {
            assertTrue(wb.getSheetAt(0).getCellComments().size() + wb.getSheetAt(Math.min(1, wb.getNumberOfSheets() - 1)).getCellComments().size() > 0,
                    "the workbook has cell comments");
        }
    }

    @Test
    void aFileAsTheFolderIsAUsageError() throws Exception {
        Path file = Files.writeString(tmp.resolve("x.txt"), "x");
        CliRun r = CliRun.of("check", OfficeRenderings.seedFile("000").toString(), "--annotate", file.toString(), "--rules", "rules");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--annotate 应为文件夹"), r.err());
    }

    @Test
    void aFolderInsideTheCheckedFolderIsAUsageErrorAndNothingIsWritten() throws Exception {
        Path checked = Files.createDirectories(tmp.resolve("报告"));
        Files.copy(OfficeRenderings.seedFile("000"), checked.resolve("自评报告.docx"));
        Path inside = checked.resolve("审核意见");
        CliRun r = CliRun.of("check", checked.toString(), "--annotate", inside.toString(), "--rules", "rules");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--annotate 位于被检查的文件夹"), r.err());
        assertTrue(Files.notExists(inside), "nothing written");
    }

    private static Path find(Path dir, String name) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not written under " + dir));
        }
    }

    private static Map<Path, byte[]> snapshot(Path dir) throws Exception {
        Map<Path, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(p, Files.readAllBytes(p));
        }
        return out;
    }
}
