package io.selfeval.report;

import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How the workbook's sheets print and what they highlight: A4 landscape, fitted to one page wide (as many pages
 * tall as the rows need), the header row on every page, page numbers in the footer; and the conditional formats
 * that mark rows a reviewer should look at first.
 */
final class SheetPrint {
    private SheetPrint() {
    }

    static void setUp(Sheet sh) {
        PrintSetup ps = sh.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0); // 0: as many pages tall as needed
        sh.setFitToPage(true);
        sh.setAutobreaks(true);
        sh.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        sh.setMargin(Sheet.LeftMargin, 0.4);
        sh.setMargin(Sheet.RightMargin, 0.4);
        sh.setMargin(Sheet.TopMargin, 0.6);
        sh.setMargin(Sheet.BottomMargin, 0.6);
        sh.setMargin(Sheet.HeaderMargin, 0.3);
        sh.setMargin(Sheet.FooterMargin, 0.3);
        sh.getHeader().setCenter("&A"); // the sheet's name
        sh.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    /** Cells of {@code range} filled light red where {@code formula} (written for the range's first row) holds. */
    static void fillWhere(Sheet sh, String range, String formula) {
        SheetConditionalFormatting cf = sh.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = cf.createConditionalFormattingRule(formula);
        PatternFormatting fill = rule.createPatternFormatting();
        fill.setFillBackgroundColor(IndexedColors.ROSE.getIndex());
        fill.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
        cf.addConditionalFormatting(new CellRangeAddress[]{CellRangeAddress.valueOf(range)}, rule);
    }

    /** Cells of {@code range} whose number is above zero in bold dark red. */
    static void boldRedAboveZero(Sheet sh, String range) {
        SheetConditionalFormatting cf = sh.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = cf.createConditionalFormattingRule(ComparisonOperator.GT, "0");
        FontFormatting font = rule.createFontFormatting();
        font.setFontStyle(false, true);
        font.setFontColorIndex(IndexedColors.DARK_RED.getIndex());
        cf.addConditionalFormatting(new CellRangeAddress[]{CellRangeAddress.valueOf(range)}, rule);
    }
}
