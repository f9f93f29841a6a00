package io.selfeval.read;

import io.selfeval.document.Document;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an Excel workbook (.xlsx/.xlsm by streaming, {@link StreamingXlsxReader}; .xls with HSSF). Each visible sheet
 * gives, in order ({@link SheetLayout}):
 * <ul>
 *   <li>a paragraph with the sheet's name ("附件2"), unless it is a default name (Sheet1, 工作表1) or the sheet's
 *   first title row says the same;</li>
 *   <li>the sheet's leading rows that hold a single piece of text (a label "附件2", a title merged across the
 *   table) as paragraphs, so the table's title is found as in a Word report;</li>
 *   <li>the rest as one table. A merged region is one cell, as in Word: its columns after the first are left out,
 *   and the rows below its first show its text in its first column (not a number, which would be counted once per
 *   row). Blank rows are left out.</li>
 * </ul>
 * Values are what Excel shows (DataFormatter: percent formats, fixed decimals, no binary floating-point noise);
 * formula cells give their cached value, or an evaluated one when the file has none. Every cell carries its address
 * ("F12"; for a merged region its first cell). An .xlsx with a formula saved without its result is read with POI's
 * user model (XSSF), the one reader with a formula evaluator.
 */
public final class WorkbookReader implements DocumentReader {
    static final int MAX_ROWS = SheetLayout.MAX_ROWS;
    static final int MAX_COLUMNS = SheetLayout.MAX_COLUMNS;

    static {
        Formats.init();
    }

    @Override
    public boolean accepts(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls") || n.endsWith(".et");
    }

    /** Reads by content: an OLE2 file is .xls, anything else is tried as .xlsx. */
    @Override
    public Document read(Path file, String name) throws IOException, UnreadableException {
        if (Formats.detect(file) == Formats.Kind.XLS) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                return readXls(fs.getRoot(), name);
            }
        }
        return readXlsx(file, name);
    }

    /** Reads an .xlsx by streaming; one with a formula saved without its result through the user model. */
    static Document readXlsx(Path file, String name) throws IOException, UnreadableException {
        return readXlsx(file, name, true);
    }

    /** The user model's reading of an .xlsx: what the streaming reader is compared with. */
    static Document readXlsxUserModel(Path file, String name) throws IOException, UnreadableException {
        return readXlsx(file, name, false);
    }

    private static Document readXlsx(Path file, String name, boolean streaming) throws IOException, UnreadableException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new UnreadableException("Excel 文件已损坏，无法打开（压缩包结构无效）", e);
        }
        try {
            PartSizes.check(pkg, "Excel 文件");
            Document streamed = streaming ? StreamingXlsxReader.read(pkg, name) : null;
            return streamed != null ? streamed : read(new XSSFWorkbook(pkg), name);
        } finally {
            pkg.revert();
        }
    }

    static Document readXls(DirectoryNode root, String name) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(root, true)) {
            return read(wb, name);
        }
    }

    static Document read(Workbook wb, String name) {
        DataFormatter fmt = new DataFormatter(Locale.CHINA);
        fmt.setUseCachedValuesForFormulaCells(true);
        FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        BlockBuilder out = new BlockBuilder();
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            if (wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) continue;
            new SheetLayout(new UserModelSheet(wb.getSheetAt(s), fmt, evaluator), name).read(out);
        }
        return out.build(name);
    }
}
