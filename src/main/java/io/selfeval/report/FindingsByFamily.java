package io.selfeval.report;

import io.selfeval.model.Finding;
import io.selfeval.rules.CodeNames;
import io.selfeval.model.Severity;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings counted by code family (金额勾稽 AMT …) and severity as the batch goes, for the table and the bar chart
 * under the 汇总 sheet's totals. Every family of the code table has its row, found or not, so the chart reads the same
 * for every batch.
 */
final class FindingsByFamily {
    /** The severities counted, in the order of their columns and of the chart's series. */
    static final List<Severity> SEVERITIES = List.of(Severity.ERROR, Severity.WARNING, Severity.INFO);
    private static final List<byte[]> COLOURS = List.of(rgb(0xC0, 0x39, 0x2B), rgb(0xE6, 0x9B, 0x22), rgb(0x5B, 0x7D, 0xA8));

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final CodeNames names;

    FindingsByFamily(CodeNames names) {
        this.names = names;
        for (String family : names.families()) counts.put(family, new long[SEVERITIES.size()]);
    }

    void add(List<Finding> findings) {
        for (Finding f : findings) {
            int i = SEVERITIES.indexOf(f.getSeverity());
            if (i >= 0) counts.computeIfAbsent(CodeNames.family(f.getCode()), k -> new long[SEVERITIES.size()])[i]++;
        }
    }

    /** "金额勾稽 AMT", one per row of the table. */
    List<String> names() {
        return counts.keySet().stream().map(f -> names.familyName(f) + " " + f).toList();
    }

    /** The count of each family for one severity, in the order of {@link #names}. */
    Long[] column(int severity) {
        return counts.values().stream().map(c -> c[severity]).toArray(Long[]::new);
    }

    int size() {
        return counts.size();
    }

    /**
     * A bar chart of the table: categories from column {@code nameCol}, one series per severity from columns
     * {@code countCol…}, the header row naming the series; drawn over {@code anchor} (columns and rows, 0-based).
     */
    void chart(XSSFSheet sheet, int headerRow, int nameCol, int countCol, CellRangeAddress anchor) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor at = drawing.createAnchor(0, 0, 0, 0, anchor.getFirstColumn(), anchor.getFirstRow(),
                anchor.getLastColumn() + 1, anchor.getLastRow() + 1);
        XSSFChart chart = drawing.createChart(at);
        chart.setTitleText("问题按类别统计（条）");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setCrossBetween(AxisCrossBetween.BETWEEN);

        int first = headerRow + 1, last = headerRow + size();
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(names().toArray(String[]::new),
                range(sheet, first, last, nameCol));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        // Side by side: stacking needs the overlap attribute, whose schema type poi-ooxml-lite leaves out.
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        for (int i = 0; i < SEVERITIES.size(); i++) {
            XDDFNumericalDataSource<Long> values = XDDFDataSourcesFactory.fromArray(column(i), range(sheet, first, last, countCol + i));
            XDDFBarChartData.Series s = (XDDFBarChartData.Series) data.addSeries(categories, values);
            s.setTitle(SEVERITIES.get(i).chinese(), new CellReference(sheet.getSheetName(), headerRow, countCol + i, true, true));
            s.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(COLOURS.get(i))));
        }
        chart.plot(data);
    }

    private static String range(XSSFSheet sheet, int first, int last, int col) {
        return new CellRangeAddress(first, last, col, col).formatAsString(sheet.getSheetName(), true);
    }

    private static byte[] rgb(int r, int g, int b) {
        return new byte[]{(byte) r, (byte) g, (byte) b};
    }

    static List<String> severityNames() {
        List<String> out = new ArrayList<>();
        for (Severity s : SEVERITIES) out.add(s.chinese());
        return out;
    }
}
