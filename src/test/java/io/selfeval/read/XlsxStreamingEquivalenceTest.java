package io.selfeval.read;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import io.selfeval.fixtures.OfficeRenderings;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming .xlsx reader gives the document POI's user model gives, block for block and cell for cell (text,
 * position, address, sheet, cuts): on every workbook of the project and on a few hundred drawn ones. Where the two
 * differ on purpose the difference has a test of its own here.
 */
class XlsxStreamingEquivalenceTest {
    private static final int DRAWN = 300;

    @TempDir
    Path dir;

    @Test
    void everyWorkbookOfTheProjectReadsTheSame() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("fixtures", "src/test/resources", "rules")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.toString().endsWith(".xlsx") || p.toString().endsWith(".xlsm")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.stream().anyMatch(p -> p.toString().endsWith("relations.drl.xlsx")), "the rule tables are among them: " + files);
        for (String id : OfficeRenderings.seedIds()) {
            if (OfficeRenderings.split(OfficeRenderings.read(id)).parts().isEmpty()) continue; // no attachment table
            files.add(OfficeRenderings.folder(id, dir.resolve("seeds")).resolve(OfficeRenderings.WORKBOOK_NAME));
        }
        XSSFWorkbook form = new XSSFWorkbook();
        WorkbookReaderTest.fill(form, true);
        files.add(save(form, "附表.xlsx"));
        for (Path f : files) assertSame(f);
    }

    /**
     * Drawn workbooks hold computed numbers (26.666666666666668), where the named difference shows (see
     * {@link #aNumberIsRoundedFromTheDigitsExcelShows}): the user model reads a copy whose numbers are held to the 15
     * digits Excel keeps, which is what the streaming reader formats; everything else must be the same.
     */
    @Test
    void drawnWorkbooksReadTheSame() throws Exception {
        RandomWorkbooks draw = new RandomWorkbooks(20261203L);
        int cut = 0;
        for (int i = 0; i < DRAWN; i++) {
            Path file = draw.write(dir.resolve("drawn" + i + ".xlsx"));
            Path excelDigits = excelDigits(file, dir.resolve("drawn" + i + "-digits.xlsx"));
            Document userModel = WorkbookReader.readXlsxUserModel(excelDigits, file.getFileName().toString());
            Document streamed = WorkbookReader.readXlsx(file, file.getFileName().toString());
            assertEquals(dump(userModel), dump(streamed), "drawn workbook " + i);
            assertEquals(userModel, streamed, "drawn workbook " + i);
            if (!streamed.cuts().isEmpty()) cut++;
            Files.delete(file);
            Files.delete(excelDigits);
        }
        assertTrue(cut >= 3, "some drawn sheets go past the row or column limit: " + cut);
    }

    /** A copy of the workbook with every number (formula results too) held to Excel's 15 significant digits. */
    private static Path excelDigits(Path file, Path copy) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            for (Sheet s : wb) {
                for (org.apache.poi.ss.usermodel.Row r : s) {
                    for (org.apache.poi.ss.usermodel.Cell c : r) {
                        boolean number = c.getCellType() == CellType.NUMERIC
                                || c.getCellType() == CellType.FORMULA && c.getCachedFormulaResultType() == CellType.NUMERIC;
                        if (number) c.setCellValue(Double.parseDouble(NumberToTextConverter.toText(c.getNumericCellValue())));
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(copy)) {
                wb.write(out);
            }
        }
        return copy;
    }

    /** A formula saved without its result needs the user model's evaluator: the streaming reader hands it over. */
    @Test
    void aFormulaWithoutItsSavedResultIsLeftToTheUserModel() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        WorkbookReaderTest.fill(wb, false);
        Path file = save(wb, "附表.xlsx");
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            assertNull(StreamingXlsxReader.read(pkg, "附表.xlsx"));
        }
        Document d = Readers.read(file, "附表.xlsx");
        assertEquals("98.49%", d.tables().get(0).rows().get(1).text(4), "evaluated as on opening");
    }

    /**
     * The named difference: a number is shown from the 15 significant digits Excel keeps, as POI's event reader does;
     * the user model formats the full binary value. 1.005 one binary step down (a sum can come out so) shows 1.01 in
     * Excel under "0.00"; the user model said 1.00.
     */
    @Test
    void aNumberIsRoundedFromTheDigitsExcelShows() throws Exception {
        double value = Math.nextDown(1.005);
        assertEquals("1.005", NumberToTextConverter.toText(value), "Excel's 15 digits");
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("附件1");
        var head = s.createRow(0);
        head.createCell(0).setCellValue("项目");
        head.createCell(1).setCellValue("全年执行数");
        CellStyle twoDecimals = wb.createCellStyle();
        twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        var row = s.createRow(1);
        row.createCell(0).setCellValue("基本支出");
        var cell = row.createCell(1);
        cell.setCellValue(value);
        cell.setCellStyle(twoDecimals);
        Path file = save(wb, "附表.xlsx");
        String streamed = Readers.read(file, "附表.xlsx").tables().get(0).rows().get(1).text(1);
        String userModel = WorkbookReader.readXlsxUserModel(file, "附表.xlsx").tables().get(0).rows().get(1).text(1);
        assertEquals("1.01", streamed);
        assertNotEquals(streamed, userModel, "the user model formats the binary digits: " + userModel);
    }

    private Path save(XSSFWorkbook wb, String name) throws Exception {
        Path file = Files.createDirectories(dir.resolve("made")).resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    /** Reads the file both ways; the streamed document, after asserting it is the user model's. */
    static Document assertSame(Path file) throws Exception {
        Document userModel = WorkbookReader.readXlsxUserModel(file, file.getFileName().toString());
        Document streamed = WorkbookReader.readXlsx(file, file.getFileName().toString());
        assertEquals(dump(userModel), dump(streamed), file.toString());
        assertEquals(userModel, streamed, file.toString());
        return streamed;
    }

    /** Everything a document holds, one line per paragraph, row and cell, so a difference shows where it is. */
    static String dump(Document d) {
        StringBuilder sb = new StringBuilder("file ").append(d.file()).append('\n');
        for (String cut : d.cuts()) sb.append("cut ").append(cut).append('\n');
        for (Block b : d.blocks()) {
            if (b instanceof Paragraph p) {
                sb.append("p ").append(p.line()).append(' ').append(p.source()).append(' ').append(p.anchor())
                        .append(" [").append(p.text()).append("]\n");
            } else if (b instanceof Table t) {
                sb.append("table ").append(t.index()).append(' ').append(t.line()).append(' ').append(t.source()).append('\n');
                for (Row r : t.rows()) {
                    sb.append(" row ").append(r.line()).append('\n');
                    for (Cell c : r.cells()) {
                        sb.append("  ").append(c.ref()).append(' ').append(c.line()).append(' ').append(c.anchor())
                                .append(" [").append(c.text()).append("]\n");
                    }
                }
            }
        }
        return sb.toString();
    }
}
