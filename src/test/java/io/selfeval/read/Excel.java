package io.selfeval.read;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Attachment workbooks built with POI from neutral documents, for the reader tests. */
final class Excel {
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(?:\\.(\\d+))?$");
    private static final Pattern PERCENT = Pattern.compile("^(-?\\d+(?:\\.(\\d+))?)%$");

    private Excel() {
    }

    /**
     * One sheet per table: the paragraphs before it ("附件2", its title) in the first rows, then its rows; the sheet
     * is named after the 附件 label. Plain numbers and percentages are numeric cells formatted to show as written.
     */
    static Path of(List<Document> attachments, Path file) {
        try (Workbook wb = new XSSFWorkbook()) {
            for (Document d : attachments) {
                List<String> titles = new ArrayList<>();
                for (Block b : d.blocks()) {
                    if (b instanceof Paragraph p) {
                        titles.add(p.text());
                    } else if (b instanceof Table t) {
                        sheet(wb, titles, t);
                        titles.clear();
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(Workbook wb, List<String> titles, Table t) {
        Sheet s = wb.createSheet(titles.isEmpty() ? "Sheet" + (wb.getNumberOfSheets() + 1) : titles.get(0));
        int r = 0;
        for (String title : titles) s.createRow(r++).createCell(0).setCellValue(title);
        for (Row row : t.rows()) {
            var xr = s.createRow(r++);
            for (int c = 0; c < row.size(); c++) value(wb, xr.createCell(c), row.cells().get(c));
        }
    }

    private static void value(Workbook wb, org.apache.poi.ss.usermodel.Cell cell, Cell c) {
        String text = c.text();
        Matcher n = NUMBER.matcher(text);
        Matcher p = PERCENT.matcher(text);
        if (n.matches()) {
            cell.setCellValue(Double.parseDouble(text));
            cell.setCellStyle(style(wb, decimals("0", n.group(1))));
        } else if (p.matches()) {
            cell.setCellValue(Double.parseDouble(p.group(1)) / 100);
            cell.setCellStyle(style(wb, decimals("0", p.group(2)) + "%"));
        } else {
            cell.setCellValue(text);
        }
    }

    private static String decimals(String base, String fraction) {
        return fraction == null ? base : base + "." + "0".repeat(fraction.length());
    }

    private static CellStyle style(Workbook wb, String format) {
        for (int i = 0; i < wb.getNumCellStyles(); i++) {
            CellStyle s = wb.getCellStyleAt(i);
            if (s.getDataFormatString().equals(format)) return s;
        }
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.createDataFormat().getFormat(format));
        return s;
    }
}
