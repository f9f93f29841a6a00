package io.selfeval.generated;

import io.selfeval.bench.WordTables;
import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import io.selfeval.read.TextReader;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a rendered report ({@link ReportRenderer.Parts}) in one of the forms units send it: one text file, one Word
 * file with real form tables (merged cells), a folder with the narrative in Word and the attachments as sheets of one
 * workbook (the project tables stacked in one sheet, or one sheet each), or a folder of separate files.
 */
final class ReportFiles {
    enum Format { TXT, DOCX, FOLDER_WORKBOOK, FOLDER_STACKED_SHEET, FOLDER_SEPARATE_FILES, TXT_FLATTENED }

    private static final Pattern NUMBER = Pattern.compile("^\\d+(?:\\.(\\d+))?$");

    private ReportFiles() {
    }

    /** Writes the report under dir and returns the path to check (a file or a folder). */
    static Path write(ReportRenderer.Parts parts, Format format, Path dir, String name) throws IOException {
        switch (format) {
            case TXT -> {
                Path f = dir.resolve(name + ".txt");
                Files.writeString(f, parts.whole(), StandardCharsets.UTF_8);
                return f;
            }
            case TXT_FLATTENED -> {
                // As a web page or a PDF's text gives it: every table cell a line of its own, blank cells dropped.
                Path f = dir.resolve(name + ".txt");
                StringBuilder sb = new StringBuilder(parts.narrative());
                for (String a : attachments(parts)) {
                    sb.append('\n');
                    for (String line : a.split("\n")) {
                        String cell = line.startsWith("\t") ? line.substring(1) : line;
                        if (!cell.isBlank()) sb.append(cell.strip()).append('\n');
                    }
                }
                Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
                return f;
            }
            case DOCX -> {
                Path f = dir.resolve(name + ".docx");
                docx(blocks(parts.whole()), f);
                return f;
            }
            default -> {
                Path folder = Files.createDirectories(dir.resolve(name));
                docx(blocks(parts.narrative()), folder.resolve("自评报告.docx"));
                List<String> attachments = new ArrayList<>();
                if (parts.basicData() != null) attachments.add(parts.basicData());
                if (parts.overall() != null) attachments.add(parts.overall());
                if (format == Format.FOLDER_SEPARATE_FILES) {
                    if (parts.basicData() != null) xlsx(List.of(List.of(parts.basicData())), folder.resolve("附件1 基础数据表.xlsx"));
                    if (parts.overall() != null) docx(blocks(parts.overall()), folder.resolve("附件2 整体支出绩效自评表.docx"));
                    if (!parts.projects().isEmpty()) docx(blocks(String.join("\n", parts.projects())), folder.resolve("附件3 项目支出绩效自评表.docx"));
                    return folder;
                }
                List<List<String>> sheets = new ArrayList<>();
                for (String a : attachments) sheets.add(List.of(a));
                if (format == Format.FOLDER_STACKED_SHEET && !parts.projects().isEmpty()) sheets.add(parts.projects());
                else for (String p : parts.projects()) sheets.add(List.of(p));
                xlsx(sheets, folder.resolve("附表.xlsx"));
                return folder;
            }
        }
    }

    private static List<String> attachments(ReportRenderer.Parts parts) {
        List<String> out = new ArrayList<>();
        if (parts.basicData() != null) out.add(parts.basicData());
        if (parts.overall() != null) out.add(parts.overall());
        out.addAll(parts.projects());
        return out;
    }

    private static List<Block> blocks(String text) {
        return TextReader.parse("r.txt", text).blocks();
    }

    private static void docx(List<Block> blocks, Path file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (Block b : blocks) {
                if (b instanceof Paragraph p) WordTables.text(doc.createParagraph(), p.text());
                else if (b instanceof Table t) WordTables.table(doc, t);
            }
            doc.write(out);
        }
    }

    /**
     * One sheet per entry; an entry of several attachments puts them one below the other with a blank row between,
     * as units do with several project tables. Titles are one-cell rows; plain numbers are numeric cells shown with
     * the decimals written.
     */
    private static void xlsx(List<List<String>> sheets, Path file) {
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (List<String> attachments : sheets) {
                String first = attachments.get(0);
                String label = first.substring(0, first.indexOf('\n')).strip();
                Sheet s = wb.createSheet(sheetName(wb, label));
                int r = 0;
                for (String a : attachments) {
                    for (Block b : blocks(a)) {
                        if (b instanceof Paragraph p) {
                            s.createRow(r++).createCell(0).setCellValue(p.text());
                        } else if (b instanceof Table t) {
                            for (Row row : t.rows()) {
                                org.apache.poi.ss.usermodel.Row xr = s.createRow(r++);
                                for (int c = 0; c < row.size(); c++) value(wb, xr.createCell(c), row.cells().get(c));
                            }
                        }
                    }
                    r++; // a blank row before the next table
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sheetName(Workbook wb, String label) {
        String name = label.replaceAll("[\\\\/?*\\[\\]:]", "");
        String unique = name;
        for (int i = 2; wb.getSheet(unique) != null; i++) unique = name + "(" + i + ")";
        return unique;
    }

    private static void value(Workbook wb, org.apache.poi.ss.usermodel.Cell cell, Cell c) {
        String text = c.text().strip();
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            cell.setCellValue(c.text());
            return;
        }
        cell.setCellValue(Double.parseDouble(text));
        int decimals = m.group(1) == null ? 0 : m.group(1).length();
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals)));
        cell.setCellStyle(style);
    }
}
