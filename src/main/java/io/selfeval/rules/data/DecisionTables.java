package io.selfeval.rules.data;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decision tables (*.drl.xlsx, *.drl.xls) compiled with Drools' own spreadsheet compiler, one sheet at a time: every
 * sheet that holds a "RuleTable" becomes DRL. The layout of each sheet is kept (where each table, column and row
 * is), so that a problem found by Drools in the generated DRL, or by the rule-data checks in a value, can be named
 * by file, sheet and cell ("rules/parameters.drl.xlsx 参数!D18") instead of a line of DRL nobody has seen.
 */
public final class DecisionTables {
    private static final Pattern RULE_VALUES = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)\\s*$");
    private static final Pattern RULE_LINE = Pattern.compile("^rule \"(.*)\"\\s*$");
    private static final Pattern PACKAGE_LINE = Pattern.compile("^package\\s+([\\w.]+)\\s*;?\\s*$");
    private static final Pattern COLUMN_NAME = Pattern.compile("TableCell\\s*\\(\\s*kcontext\\s*,\\s*\"([^\"]*)\"");
    private static final Pattern CELL_IN_TEXT = Pattern.compile("\\b(?:cell|Cell)\\s+([A-Z]{1,3}[0-9]+)");

    private DecisionTables() {
    }

    /** Whether Drools would take the file for a decision table (its name must end in .drl.xlsx or .drl.xls). */
    public static boolean isTableFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".drl.xlsx") || n.endsWith(".drl.xls")) && !n.startsWith("~$") && !n.startsWith(".");
    }

    /** The sheets of one file compiled to DRL, or the problems that stopped it (each naming file, sheet, cell). */
    public record Compiled(List<TableSheet> sheets, List<String> problems) {
    }

    /** Reads the file and compiles every sheet that holds a RuleTable. Never throws. */
    public static Compiled compile(Path file, String display) {
        List<TableSheet> sheets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Compiled(sheets, List.of(display + "：无法读取（" + e.getMessage() + "）"));
        }
        List<Layout> layouts;
        Workbook wb;
        try {
            wb = WorkbookFactory.create(new ByteArrayInputStream(bytes));
            layouts = scan(wb);
        } catch (IOException | RuntimeException e) {
            return new Compiled(sheets, List.of(display + "：不是可读取的 Excel 文件（" + e.getMessage() + "）。请用 Excel 或 WPS 另存为 .xlsx"));
        }
        if (layouts.isEmpty()) {
            problems.add(display + "：没有找到“RuleTable”表头，这个文件里没有规则数据表");
            return new Compiled(sheets, problems);
        }
        for (int i = 0; i < layouts.size(); i++) {
            Layout layout = layouts.get(i);
            try {
                // ExcelParser closes the workbook it parsed: the first sheet uses the one scanned, later sheets a new one.
                Workbook book = i == 0 ? wb : WorkbookFactory.create(new ByteArrayInputStream(bytes));
                DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
                Map<String, List<DataListener>> bySheet = new HashMap<>();
                bySheet.put(layout.sheet, List.of(listener));
                new ExcelParser(bySheet).parseWorkbook(book);
                String drl = new SpreadsheetCompiler().listenerToString(listener);
                sheets.add(new TableSheet(display, file.getFileName().toString(), layout, drl));
            } catch (IOException | RuntimeException e) {
                problems.add(parseProblem(display, layout.sheet, e));
            }
        }
        if (layouts.size() > 0 && sheets.isEmpty() && problems.isEmpty()) {
            problems.add(display + "：没有可用的规则数据表");
        }
        return new Compiled(sheets, problems);
    }

    private static String parseProblem(String display, String sheet, Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        Matcher m = CELL_IN_TEXT.matcher(msg);
        String where = display + " " + sheet + (m.find() ? "!" + m.group(1) : "");
        return where + "：" + DroolsText.tableParse(msg);
    }

    // ---- the layout of a sheet ----

    /** Where the parts of one sheet are: its RuleTables and the RuleSet / Import cells. */
    static final class Layout {
        final String sheet;
        final Map<String, Table> tablesByHeader = new LinkedHashMap<>();
        String ruleSetCell;
        String importCell;

        Layout(String sheet) {
            this.sheet = sheet;
        }
    }

    /** One RuleTable: its name, the row of its column names, and for each column its cell letter, snippet and label. */
    record Table(String name, String headerCell, int snippetRow, int labelRow, Map<String, Integer> columnsByName,
                 Map<Integer, String> snippets, Map<Integer, String> labels) {
    }

    private static List<Layout> scan(Workbook wb) {
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        List<Layout> layouts = new ArrayList<>();
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            Sheet sheet = wb.getSheetAt(s);
            Layout layout = new Layout(sheet.getSheetName());
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = fmt.formatCellValue(cell).strip();
                    if (text.isEmpty()) continue;
                    if (text.regionMatches(true, 0, "RuleTable", 0, "RuleTable".length())) {
                        Table t = table(sheet, fmt, row.getRowNum(), cell.getColumnIndex(), text.substring("RuleTable".length()).strip());
                        layout.tablesByHeader.put(t.headerCell(), t);
                    } else if (text.equalsIgnoreCase("RuleSet") && layout.ruleSetCell == null) {
                        layout.ruleSetCell = ref(row.getRowNum(), cell.getColumnIndex() + 1);
                    } else if (text.equalsIgnoreCase("Import") && layout.importCell == null) {
                        layout.importCell = ref(row.getRowNum(), cell.getColumnIndex() + 1);
                    }
                }
            }
            if (!layout.tablesByHeader.isEmpty()) layouts.add(layout);
        }
        return layouts;
    }

    private static Table table(Sheet sheet, DataFormatter fmt, int headerRow, int firstCol, String name) {
        int keywordRow = headerRow + 1;
        int snippetRow = headerRow + 3;
        int labelRow = headerRow + 4;
        Map<String, Integer> byName = new LinkedHashMap<>();
        Map<Integer, String> snippets = new TreeMap<>();
        Map<Integer, String> labels = new TreeMap<>();
        Row keywords = sheet.getRow(keywordRow);
        for (int c = firstCol; keywords != null && c < Math.max(firstCol + 1, keywords.getLastCellNum()); c++) {
            String kw = text(sheet, fmt, keywordRow, c);
            if (kw.isEmpty()) break;
            String snippet = text(sheet, fmt, snippetRow, c);
            snippets.put(c, snippet);
            labels.put(c, text(sheet, fmt, labelRow, c));
            Matcher m = COLUMN_NAME.matcher(snippet);
            if (m.find()) byName.putIfAbsent(m.group(1), c);
        }
        return new Table(name, ref(headerRow, firstCol), snippetRow, labelRow, byName, snippets, labels);
    }

    private static String text(Sheet sheet, DataFormatter fmt, int r, int c) {
        Row row = sheet.getRow(r);
        if (row == null) return "";
        Cell cell = row.getCell(c);
        return cell == null ? "" : fmt.formatCellValue(cell).strip();
    }

    /** "D15" for the 0-based row 14, column 3. */
    static String ref(int row, int col) {
        return CellReference.convertNumToColString(col) + (row + 1);
    }

    // ---- one compiled sheet ----

    /** A sheet compiled to DRL, able to name the cell behind a rule, a column, or a line of the DRL. */
    public static final class TableSheet {
        private final String display;
        private final String fileName;
        private final Layout layout;
        private final String drl;
        private final String packageName;
        private final List<String> lines;
        /** rule name → [row (1-based), header cell] */
        private final Map<String, RuleRow> rules = new LinkedHashMap<>();
        /** DRL line (1-based) of each "rule values" comment → rule name */
        private final TreeMap<Integer, String> ruleAtLine = new TreeMap<>();

        record RuleRow(int row, String headerCell, int line) {
        }

        TableSheet(String display, String fileName, Layout layout, String drl) {
            this.display = display;
            this.fileName = fileName;
            this.layout = layout;
            this.drl = drl;
            this.lines = drl.lines().toList();
            String pkg = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                Matcher p = PACKAGE_LINE.matcher(line);
                if (pkg == null && p.matches()) pkg = p.group(1);
                Matcher m = RULE_VALUES.matcher(line);
                if (m.matches() && i + 1 < lines.size()) {
                    Matcher r = RULE_LINE.matcher(lines.get(i + 1).strip());
                    if (r.matches()) {
                        rules.put(r.group(1), new RuleRow(Integer.parseInt(m.group(2)), m.group(3) + m.group(4), i + 1));
                        ruleAtLine.put(i + 1, r.group(1));
                    }
                }
            }
            this.packageName = pkg == null ? "defaultpkg" : pkg;
        }

        public String display() { return display; }
        public String fileName() { return fileName; }
        public String sheet() { return layout.sheet; }
        public String drl() { return drl; }
        /** The package of the generated DRL (the sheet's RuleSet). */
        public String packageName() { return packageName; }
        public boolean hasRule(String rule) { return rules.containsKey(rule); }

        /** The table (RuleTable name) a rule of this sheet belongs to. */
        public String tableOf(String rule) {
            RuleRow r = rules.get(rule);
            Table t = r == null ? null : layout.tablesByHeader.get(r.headerCell());
            return t == null ? null : t.name();
        }

        /** The spreadsheet row (1-based) a rule was made from. */
        public int rowOf(String rule) {
            RuleRow r = rules.get(rule);
            return r == null ? -1 : r.row();
        }

        /** "rules/relations.drl.xlsx 勾稽关系 第15行". */
        public String whereRow(String rule) {
            return display + " " + layout.sheet + " 第" + rowOf(rule) + "行";
        }

        /** "rules/parameters.drl.xlsx 参数!D18": the cell of the named column in the row of the rule. */
        public String where(String rule, String column) {
            RuleRow r = rules.get(rule);
            Table t = r == null ? null : layout.tablesByHeader.get(r.headerCell());
            Integer c = t == null ? null : t.columnsByName().get(column);
            if (r == null) return display + " " + layout.sheet;
            if (c == null) return whereRow(rule);
            return display + " " + layout.sheet + "!" + ref(r.row() - 1, c);
        }

        /** The cell that declares a column (its action in the table header), for a column that is not understood. */
        public String whereColumn(String rule, String column) {
            RuleRow r = rules.get(rule);
            Table t = r == null ? null : layout.tablesByHeader.get(r.headerCell());
            Integer c = t == null ? null : t.columnsByName().get(column);
            if (t == null || c == null) return display + " " + layout.sheet;
            return display + " " + layout.sheet + "!" + ref(t.snippetRow(), c);
        }

        /** The header label of a column (what the reviewer sees above it), or the column name itself. */
        public String labelOf(String rule, String column) {
            RuleRow r = rules.get(rule);
            Table t = r == null ? null : layout.tablesByHeader.get(r.headerCell());
            Integer c = t == null ? null : t.columnsByName().get(column);
            String label = c == null ? null : t.labels().get(c);
            return label == null || label.isEmpty() ? column : label;
        }

        /**
         * Where a line of the generated DRL came from: the cell of the value when the line is one action of a row,
         * the row when Drools names the rule as a whole, the RuleSet / Import cell for the header lines.
         */
        public String whereLine(int line, String message) {
            Map.Entry<Integer, String> e = line <= 0 ? null : ruleAtLine.floorEntry(line);
            if (e == null) {
                String text = line > 0 && line <= lines.size() ? lines.get(line - 1).strip() : "";
                if (text.startsWith("import") && layout.importCell != null) return display + " " + layout.sheet + "!" + layout.importCell;
                if (text.startsWith("package") && layout.ruleSetCell != null) return display + " " + layout.sheet + "!" + layout.ruleSetCell;
                return display + " " + layout.sheet;
            }
            String rule = e.getValue();
            RuleRow r = rules.get(rule);
            Table t = layout.tablesByHeader.get(r.headerCell());
            if (t == null) return whereRow(rule);
            // The line itself, or (when Drools points at the rule) the line of the row holding a backslash.
            Integer col = columnOfLine(t, line);
            if (col == null && message != null && message.toLowerCase(Locale.ROOT).contains("escape")) {
                for (int l = e.getKey() + 1; l <= lines.size() && !lines.get(l - 1).strip().equals("end"); l++) {
                    if (lines.get(l - 1).contains("\\")) {
                        col = columnOfLine(t, l);
                        if (col != null) break;
                    }
                }
            }
            if (col == null) return display + " " + layout.sheet + " 第" + r.row() + "行";
            return display + " " + layout.sheet + "!" + ref(r.row() - 1, col);
        }

        private Integer columnOfLine(Table t, int line) {
            if (line <= 0 || line > lines.size()) return null;
            String text = lines.get(line - 1).strip();
            for (Map.Entry<Integer, String> s : t.snippets().entrySet()) {
                String snippet = s.getValue();
                int at = snippet.indexOf("$param");
                String prefix = (at < 0 ? snippet : snippet.substring(0, at)).strip();
                if (!prefix.isEmpty() && text.startsWith(prefix)) return s.getKey();
            }
            return null;
        }
    }
}
