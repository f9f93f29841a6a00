package io.selfeval.rules.data;

import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decision tables (*.drl.xlsx, *.drl.xls) compiled to DRL by Drools' decision-table code, one sheet at a time: every
 * sheet that holds a "RuleTable" is fed, cell by cell, to Drools' {@link DefaultRuleSheetListener} and rendered by its
 * {@link SpreadsheetCompiler}, giving the same DRL as Drools' own loader (its ExcelParser). The cells are read by
 * {@link SheetGrid} (zip + StAX) rather than POI's XSSF model, which would add most of a second to every start.
 * The layout of each sheet is kept (where each table, column and row is), so that a problem found by Drools in the
 * generated DRL, or by the rule-data checks in a value, is named by file, sheet and cell
 * ("rules/parameters.drl.xlsx 参数!D18") instead of a line of DRL nobody has seen.
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Compiled(new ArrayList<>(), List.of(display + "：无法读取（" + e.getMessage() + "）"));
        }
        return compile(bytes, file, display);
    }

    /** Compiles the table from bytes already read ({@code file} names it). Never throws. */
    public static Compiled compile(byte[] bytes, Path file, String display) {
        List<TableSheet> sheets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<SheetGrid> grids;
        List<Layout> layouts;
        try {
            grids = SheetGrid.isZip(bytes) ? SheetGrid.readXlsx(bytes) : PoiSheets.read(bytes);
            layouts = scan(grids);
        } catch (IOException | RuntimeException e) {
            return new Compiled(sheets, List.of(display + "：不是可读取的 Excel 文件（" + e.getMessage() + "）。请用 Excel 或 WPS 另存为 .xlsx"));
        }
        if (layouts.isEmpty()) {
            problems.add(display + "：没有找到“RuleTable”表头，这个文件里没有规则数据表");
            return new Compiled(sheets, problems);
        }
        for (Layout layout : layouts) {
            for (String stray : layout.strayRows) problems.add(display + " " + layout.sheet + "!" + stray);
        }
        if (!problems.isEmpty()) return new Compiled(sheets, problems);
        for (Layout layout : layouts) {
            try {
                // Drools' own listener turns the cells into rules, exactly as its ExcelParser would feed it.
                DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
                layout.grid.feed(listener);
                String drl = new SpreadsheetCompiler().listenerToString(listener);
                TableSheet sheet = new TableSheet(display, file.getFileName().toString(), layout, drl);
                String notData = sheet.notDataTable();
                if (notData != null) problems.add(notData);
                else sheets.add(sheet);
            } catch (RuntimeException e) {
                problems.add(parseProblem(display, layout.sheet, e));
            }
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
        final SheetGrid grid;
        final String sheet;
        final Map<String, Table> tablesByHeader = new LinkedHashMap<>();
        String ruleSetCell;
        String importCell;
        /** Rows below a blank row that ends a table: Drools would silently drop them. */
        final List<String> strayRows = new ArrayList<>();

        Layout(SheetGrid grid) {
            this.grid = grid;
            this.sheet = grid.name();
        }
    }

    /** One RuleTable: its name, the row of its column names, and for each column its cell letter, snippet and label. */
    record Table(String name, String headerCell, int snippetRow, int labelRow, Map<String, Integer> columnsByName,
                 Map<Integer, String> snippets, Map<Integer, String> labels) {
    }

    private static List<Layout> scan(List<SheetGrid> grids) {
        List<Layout> layouts = new ArrayList<>();
        for (SheetGrid grid : grids) {
            Layout layout = new Layout(grid);
            for (int r = 0; r <= grid.lastRow(); r++) {
                for (Map.Entry<Integer, String> cell : grid.row(r).entrySet()) {
                    String text = cell.getValue();
                    int c = cell.getKey();
                    if (text.regionMatches(true, 0, "RuleTable", 0, "RuleTable".length())) {
                        Table t = table(grid, r, c, text.substring("RuleTable".length()).strip());
                        layout.tablesByHeader.put(t.headerCell(), t);
                        String stray = rowsAfterBlank(grid, t);
                        if (stray != null) layout.strayRows.add(stray);
                    } else if (text.equalsIgnoreCase("RuleSet") && layout.ruleSetCell == null) {
                        layout.ruleSetCell = ref(r, c + 1);
                    } else if (text.equalsIgnoreCase("Import") && layout.importCell == null) {
                        layout.importCell = ref(r, c + 1);
                    }
                }
            }
            if (!layout.tablesByHeader.isEmpty()) layouts.add(layout);
        }
        return layouts;
    }

    private static Table table(SheetGrid grid, int headerRow, int firstCol, String name) {
        int keywordRow = headerRow + 1;
        int snippetRow = headerRow + 3;
        int labelRow = headerRow + 4;
        Map<String, Integer> byName = new LinkedHashMap<>();
        Map<Integer, String> snippets = new TreeMap<>();
        Map<Integer, String> labels = new TreeMap<>();
        for (int c = firstCol; !grid.text(keywordRow, c).isEmpty(); c++) {
            String snippet = grid.text(snippetRow, c);
            snippets.put(c, snippet);
            labels.put(c, grid.text(labelRow, c));
            Matcher m = COLUMN_NAME.matcher(snippet);
            if (m.find()) byName.putIfAbsent(m.group(1), c);
        }
        return new Table(name, ref(headerRow, firstCol), snippetRow, labelRow, byName, snippets, labels);
    }

    /**
     * Drools ends a table at its first blank row. Anything filled below that row, in the table's columns, would be
     * dropped without a word: the cell of the first such value, with the blank row, as a message; or null.
     */
    private static String rowsAfterBlank(SheetGrid grid, Table t) {
        int r = t.labelRow() + 1;
        while (r <= grid.lastRow() && filled(grid, r, t) >= 0) r++;
        int blank = r;
        for (r = blank + 1; r <= grid.lastRow(); r++) {
            int c = filled(grid, r, t);
            if (c < 0) continue;
            if (grid.text(r, c).regionMatches(true, 0, "RuleTable", 0, "RuleTable".length())) return null;
            return ref(r, c) + "：第" + (blank + 1) + "行是空行，表格到那里就结束了，第" + (r + 1)
                    + "行及以下的内容不会被读取；请删除空行（备注请写在 A 列或表格右侧以外的工作表中）";
        }
        return null;
    }

    /** The first column of the table with a value in row r, or -1. */
    private static int filled(SheetGrid grid, int r, Table t) {
        for (int c : t.snippets().keySet()) {
            if (!grid.text(r, c).isEmpty()) return c;
        }
        return -1;
    }

    /** "D15" for the 0-based row 14, column 3. */
    static String ref(int row, int col) {
        StringBuilder letters = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) letters.insert(0, (char) ('A' + (c - 1) % 26));
        return letters.toString() + (row + 1);
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

        /**
         * Why this sheet is not a rule-data table, or null: the rows must only insert cells (an action with
         * {@code TableCell} and no condition). A check written as a decision table would never see a submission here.
         */
        String notDataTable() {
            if (!drl.contains("TableCell")) {
                return display + " " + layout.sheet + "：这张表的动作（ACTION）没有用 TableCell 插入数据，不是规则数据表；"
                        + "selfeval 从 .drl.xlsx 只读取规则数据（参数、勾稽关系、考核评分表、扣分对照、问题代码），检查规则请写在 .drl 文件中";
            }
            boolean inWhen = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.equals("when")) {
                    inWhen = true;
                } else if (line.equals("then")) {
                    inWhen = false;
                } else if (inWhen && !line.isEmpty() && !line.startsWith("//")) {
                    Map.Entry<Integer, String> rule = ruleAtLine.floorEntry(i + 1);
                    RuleRow r = rule == null ? null : rules.get(rule.getValue());
                    return display + " " + layout.sheet + (r == null ? "" : "!" + r.headerCell()) + "：规则数据表不能有条件（CONDITION）列；"
                            + "数据表的每一行只是数据，检查规则请写在 .drl 文件中";
                }
            }
            return null;
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
