package io.selfeval.annotate;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts Excel cell comments (批注) with POI: each finding on the cell its location names (附件2!G5), or on a cell of
 * its row, else on the sheet's first cell; findings on one cell share its comment (Excel has one per cell). The
 * summary, for a workbook that is the report itself, goes on the first sheet's first cell.
 */
final class WorkbookAnnotator {
    private final Workbook wb;
    private final String author;
    private final Map<String, StringBuilder> texts = new LinkedHashMap<>();

    private WorkbookAnnotator(Workbook wb, String author) {
        this.wb = wb;
        this.author = author;
    }

    static void annotate(Workbook wb, Document neutral, List<Finding> findings, List<String> summary, boolean firstFile,
                         String author) {
        WorkbookAnnotator a = new WorkbookAnnotator(wb, author);
        String first = a.firstSheet() + "!A1";
        if (summary != null) a.append(first, summary);
        for (Finding f : findings) {
            String at = a.place(f, neutral, firstFile);
            a.append(at == null ? first : at, CommentTexts.finding(f));
        }
        a.write();
    }

    private String firstSheet() {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (!wb.isSheetHidden(i) && !wb.isSheetVeryHidden(i)) return wb.getSheetName(i);
        }
        return wb.getSheetName(0);
    }

    /** "sheet!cell" of the finding, or null. */
    private String place(Finding f, Document neutral, boolean firstFile) {
        Location loc = f.getLocation();
        if (loc == null) return null;
        if (loc.getSheet() != null && loc.getCell() != null && wb.getSheet(loc.getSheet()) != null) {
            return loc.getSheet() + "!" + loc.getCell();
        }
        Integer own = loc.getAnchor() != null && loc.getAnchor().startsWith("#") ? parse(loc.getAnchor().substring(1))
                : firstFile ? loc.getPosition() : null;
        if (own == null) return null;
        for (Block b : neutral.blocks()) {
            if (!(b instanceof Table t) || t.source() == null || t.source().sheet() == null) continue;
            for (Row r : t.rows()) {
                if (r.line() != own) continue;
                for (String figure : Marks.figures(f)) {
                    for (Cell c : r.cells()) {
                        if (c.ref() != null && c.text().contains(figure)) return t.source().sheet() + "!" + c.ref();
                    }
                }
                for (Cell c : r.cells()) {
                    if (c.ref() != null && !c.isBlank()) return t.source().sheet() + "!" + c.ref();
                }
            }
        }
        return null;
    }

    private void append(String at, List<String> lines) {
        StringBuilder sb = texts.computeIfAbsent(at, k -> new StringBuilder());
        if (sb.length() > 0) sb.append("\n\n");
        sb.append(String.join("\n", lines));
    }

    private void write() {
        CreationHelper helper = wb.getCreationHelper();
        Map<String, Drawing<?>> drawings = new LinkedHashMap<>();
        for (Map.Entry<String, StringBuilder> e : texts.entrySet()) {
            int bang = e.getKey().lastIndexOf('!');
            Sheet sheet = wb.getSheet(e.getKey().substring(0, bang));
            CellReference ref = new CellReference(e.getKey().substring(bang + 1));
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(ref.getRow());
            if (row == null) row = sheet.createRow(ref.getRow());
            org.apache.poi.ss.usermodel.Cell cell = row.getCell(ref.getCol());
            if (cell == null) cell = row.createCell(ref.getCol());
            String text = e.getValue().toString();
            Comment old = cell.getCellComment();
            if (old != null) {
                text = old.getString().getString() + "\n\n" + text;
                cell.removeCellComment();
            }
            Drawing<?> drawing = drawings.computeIfAbsent(sheet.getSheetName(), k -> sheet.createDrawingPatriarch());
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(ref.getCol() + 1);
            anchor.setCol2(ref.getCol() + 6);
            anchor.setRow1(ref.getRow());
            anchor.setRow2(ref.getRow() + 3 + text.length() / 40);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(text));
            comment.setAuthor(author);
            cell.setCellComment(comment);
        }
    }

    private static Integer parse(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
