package io.selfeval.read;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Workbooks drawn from a seed, to compare the streaming .xlsx reader with the user model on what forms hold:
 * shared strings (XSSF) or inline strings (SXSSF), rich text, line breaks, numbers under many formats (fixed, thousands,
 * percent, dates, accounting, custom, text), formulas with their results saved, booleans and errors, styled blank
 * cells, column styles, merged regions across rows and columns, hidden sheets, and now and then a sheet past the
 * row or column limit.
 */
final class RandomWorkbooks {
    static final String[] FORMATS = {
            "General", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%", "0.0%", "yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"",
            "m/d/yy", "m/d/yy h:mm", "h:mm:ss", "_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * \"-\"??_ ;_ @_ ", "0.00;[Red]-0.00",
            "[Red]0.00", "#,##0.00\"万元\"", "0.00E+00", "# ?/?", "@", "0.000", "#,##0;(#,##0)", "[$-804]yyyy\"年\"m\"月\"",
    };
    private static final String[] WORDS = {
            "年度资金总额", "预算执行率", "产出指标", "数量指标", "质量指标", "时效指标", "成本指标", "效益指标", "满意度",
            "基本支出", "项目支出", "人员经费", "公用经费", "得分", "备注", "附件2", "2024年度部门整体支出绩效自评表", "  ",
            "说明\n第二行", "≥95%", "达标", "Sheet", "A&B <c>", "_x000D_字面", "回车\r\n换行",
    };

    private final Random random;

    RandomWorkbooks(long seed) {
        this.random = new Random(seed);
    }

    /** The n-th workbook of the draw, written to {@code file}. */
    Path write(Path file) throws IOException {
        boolean inline = random.nextInt(4) == 0; // SXSSF writes inline strings
        try (Workbook wb = inline ? new SXSSFWorkbook(new XSSFWorkbook(), 1000) : new XSSFWorkbook()) {
            List<CellStyle> styles = styles(wb);
            int sheets = 1 + random.nextInt(3);
            for (int s = 0; s < sheets; s++) {
                String name = random.nextInt(3) == 0 ? "Sheet" + (s + 1) : pick(new String[]{"附件1", "附件2", "附表", "自评表", "基础数据"}) + s;
                sheet(wb, wb.createSheet(name), styles, !inline);
                if (sheets > 1 && random.nextInt(4) == 0) {
                    if (random.nextBoolean()) wb.setSheetHidden(s, true);
                    else wb.setSheetVisibility(s, org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN);
                }
            }
            if (!inline) wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            if (wb instanceof SXSSFWorkbook sx) sx.dispose();
        }
        return file;
    }

    private List<CellStyle> styles(Workbook wb) {
        List<CellStyle> out = new ArrayList<>();
        for (String f : FORMATS) {
            CellStyle st = wb.createCellStyle();
            st.setDataFormat(wb.createDataFormat().getFormat(f));
            if (random.nextBoolean()) st.setWrapText(true);
            out.add(st);
        }
        return out;
    }

    private void sheet(Workbook wb, Sheet s, List<CellStyle> styles, boolean formulas) {
        int rows = switch (random.nextInt(60)) {
            case 0 -> SheetLayout.MAX_ROWS + 1 + random.nextInt(30);
            case 1 -> 0;
            default -> 1 + random.nextInt(30);
        };
        int cols = random.nextInt(60) == 0 ? SheetLayout.MAX_COLUMNS + 1 + random.nextInt(10) : 1 + random.nextInt(9);
        boolean sparse = random.nextBoolean();
        if (random.nextInt(4) == 0) s.setDefaultColumnStyle(random.nextInt(cols), pick(styles));
        int top = random.nextInt(5) == 0 ? random.nextInt(4) : 0; // a sheet need not start at A1
        for (int r = top; r < top + rows; r++) {
            if (sparse && random.nextInt(6) == 0) continue; // a missing row
            Row row = s.createRow(r);
            boolean wide = cols > SheetLayout.MAX_COLUMNS;
            int lastCol = wide && r > top + 2 ? 3 : cols;
            if (rows > 1000 && r > top + 50) lastCol = Math.min(lastCol, 2); // long sheets: narrow, to stay small
            if (r == top && random.nextBoolean()) {
                row.createCell(0).setCellValue(pick(WORDS)); // a title row
                continue;
            }
            for (int c = 0; c < lastCol; c++) {
                if (sparse && random.nextInt(4) == 0) continue;
                cell(wb, row.createCell(c), styles, formulas, r, c);
            }
        }
        if (rows < 1000) merges(s, top, rows, Math.min(cols, 12));
    }

    private void cell(Workbook wb, org.apache.poi.ss.usermodel.Cell cell, List<CellStyle> styles, boolean formulas, int r, int c) {
        switch (random.nextInt(formulas ? 12 : 9)) {
            case 0, 1 -> cell.setCellValue(pick(WORDS));
            case 2 -> cell.setCellValue(rich(wb, pick(WORDS) + pick(WORDS)));
            case 3, 4 -> {
                cell.setCellValue(number());
                cell.setCellStyle(pick(styles));
            }
            case 5 -> cell.setCellValue(random.nextInt(1000));
            case 6 -> cell.setCellStyle(pick(styles)); // a blank cell that is only formatted
            case 7 -> cell.setCellValue(random.nextBoolean());
            case 8 -> {
                cell.setCellValue(40000 + random.nextInt(8000) + random.nextInt(1440) / 1440.0); // a date serial
                cell.setCellStyle(styles.get(8 + random.nextInt(4)));
            }
            case 9 -> {
                cell.setCellFormula(r > 0 && c > 0 ? cellRef(r - 1, c - 1) + "*1.5+" + random.nextInt(9) : "1+2");
                cell.setCellStyle(pick(styles));
            }
            case 10 -> cell.setCellFormula(random.nextBoolean() ? "\"合计\"&\"" + random.nextInt(99) + "\"" : "1>2");
            default -> cell.setCellFormula(random.nextBoolean() ? "1/0" : "SQRT(-1)");
        }
    }

    private static String cellRef(int r, int c) {
        return new org.apache.poi.ss.util.CellReference(r, c).formatAsString();
    }

    private double number() {
        return switch (random.nextInt(5)) {
            case 0 -> Math.round(random.nextDouble() * 1_000_000) / 100.0; // an amount in 万元 with two decimals
            case 1 -> random.nextDouble(); // a rate
            case 2 -> -random.nextInt(100_000) / 10.0;
            case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(16) - 4); // tiny to huge
            default -> random.nextInt(100) / 10.0 * 3; // with binary noise, as a sum comes out
        };
    }

    private XSSFRichTextString rich(Workbook wb, String text) {
        XSSFRichTextString rt = new XSSFRichTextString(text);
        Font bold = wb.createFont();
        bold.setBold(true);
        int cut = random.nextInt(rt.length() + 1); // length as decoded: "_x000D_" is one character
        if (cut > 0) rt.applyFont(0, cut, bold);
        return rt;
    }

    /** Non-overlapping merged regions: spans across columns, down rows, and both. */
    private void merges(Sheet s, int top, int rows, int cols) {
        boolean[][] used = new boolean[rows + 8][cols + 8];
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            int r = top + random.nextInt(Math.max(1, rows));
            int c = random.nextInt(cols);
            int r2 = r + random.nextInt(3);
            int c2 = c + random.nextInt(3);
            if (r2 == r && c2 == c) c2++;
            boolean free = true;
            for (int y = r; y <= r2; y++) for (int x = c; x <= c2; x++) free &= !used[y - top][x];
            if (!free) continue;
            for (int y = r; y <= r2; y++) for (int x = c; x <= c2; x++) used[y - top][x] = true;
            s.addMergedRegion(new CellRangeAddress(r, r2, c, c2));
        }
    }

    private <T> T pick(T[] from) {
        return from[random.nextInt(from.length)];
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
