package io.selfeval.rules;

import io.selfeval.model.DeductionRule;
import io.selfeval.model.Relation;
import io.selfeval.model.RubricItem;
import io.selfeval.model.Severity;
import io.selfeval.rules.data.DataTable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rule data read from the data sheets (rules/*.drl.xlsx): their rows turned into parameters, relations, the
 * rubric, the deductions, the code catalog and the code families. Each value is checked here; a bad one is reported
 * with its file, sheet and cell.
 */
final class RuleData {
    static final String PARAMETERS = RuleParameters.TABLE;
    static final String RELATIONS = "勾稽关系";
    static final String RUBRIC = "考核评分表";
    static final String DEDUCTIONS = "扣分对照";
    static final String CODES = "问题代码";
    static final String FAMILIES = "代码类别";

    /** The columns each table has, the first one leading its header row; which are required is checked per table. */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(PARAMETERS, List.of("参数名", "类型", "参数值", "说明", "取值范围"));
        COLUMNS.put(RELATIONS, List.of("类型", "合计项", "分项", "说明"));
        COLUMNS.put(RUBRIC, List.of("一级标准", "二级标准", "分值", "评分标准"));
        COLUMNS.put(DEDUCTIONS, List.of("问题代码", "考核项", "每条扣分", "累计上限", "说明"));
        COLUMNS.put(CODES, List.of("代码", "中文名称", "默认级别", "说明"));
        COLUMNS.put(FAMILIES, List.of("类别", "中文名称", "说明"));
    }

    /** The kinds of parameter, as written in the 类型 column. */
    static final Set<String> PARAMETER_TYPES = Set.of("数字", "文字", "列表");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
    private static final Pattern FAMILY = Pattern.compile("[A-Z][A-Z0-9]*");
    private static final Pattern BAND = Pattern.compile("\\s*\\d+(?:\\.\\d+)?\\s*-\\s*\\d+(?:\\.\\d+)?\\s*");

    /** A code family (代码类别): the code prefix, its Chinese name, explanation and the row it was read from. */
    record CodeFamily(String family, String name, String description, String source) {
    }

    RuleParameters parameters;
    final List<Relation> relations = new ArrayList<>();
    final List<RubricItem> rubric = new ArrayList<>();
    final List<DeductionRule> deductions = new ArrayList<>();
    final List<CodeInfo> codes = new ArrayList<>();
    final List<CodeFamily> families = new ArrayList<>();
    /** Table name → the files it was read from, for messages. */
    final Map<String, Set<String>> files = new LinkedHashMap<>();

    /** What {@code rules verify} warns about in the data (a value outside its 取值范围); the rules still run. */
    final List<String> warnings = new ArrayList<>();

    private final List<String> problems = new ArrayList<>();

    /** One row of a table: the values of its filled cells by column name, and where it is. */
    record Row(DataTable table, DataTable.Row row) {
        String get(String column) {
            String v = row.values().get(column);
            return v == null ? "" : v.strip();
        }

        String where(String column) {
            return table.where(row.number(), column);
        }

        String whereRow() {
            return table.whereRow(row.number());
        }

        Set<String> columns() {
            return row.values().keySet();
        }
    }

    /** The data of the tables read from the workbooks, in file and sheet order; throws with every bad value. */
    static RuleData build(List<DataTable> tables) throws RuleCompileException {
        RuleData data = new RuleData();
        Map<String, List<Row>> byTable = new LinkedHashMap<>();
        for (DataTable t : tables) {
            for (DataTable.Row r : t.rows()) {
                byTable.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(new Row(t, r));
                data.files.computeIfAbsent(t.name(), k -> new LinkedHashSet<>()).add(t.display());
            }
        }
        data.parameters(byTable.getOrDefault(PARAMETERS, List.of()));
        data.relations(byTable.getOrDefault(RELATIONS, List.of()));
        data.rubric(byTable.getOrDefault(RUBRIC, List.of()));
        data.deductions(byTable.getOrDefault(DEDUCTIONS, List.of()));
        data.codes(byTable.getOrDefault(CODES, List.of()));
        data.families(byTable.getOrDefault(FAMILIES, List.of()));
        if (!data.problems.isEmpty()) throw new RuleCompileException(data.problems);
        return data;
    }

    private void problem(String p) {
        problems.add(p);
    }

    /** A row with only a note (说明) filled is a remark, not data. */
    private static boolean onlyNote(Row r, String noteColumn) {
        return r.columns().stream().allMatch(c -> c.equals(noteColumn) || r.get(c).isEmpty());
    }

    private boolean require(Row r, String column) {
        if (!r.get(column).isEmpty()) return true;
        problem(r.where(column) + "：“" + column + "”不能为空（" + r.whereRow() + "）");
        return false;
    }

    private BigDecimal number(Row r, String column, String what) {
        TableNumbers.Parsed n = TableNumbers.parse(r.get(column));
        if (n.value() == null) problem(r.where(column) + "：" + what + "的值“" + r.get(column) + "”" + n.problem());
        return n.value();
    }

    private String origin(String table) {
        Set<String> f = files.get(table);
        return f == null || f.isEmpty() ? "未找到" + table + "表" : String.join("、", f);
    }

    // ---- 参数 ----

    private void parameters(List<Row> rows) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> firstAt = new HashMap<>();
        for (Row r : rows) {
            if (onlyNote(r, "说明")) continue;
            if (!require(r, "参数名") || !require(r, "类型")) continue;
            String name = r.get("参数名");
            String type = r.get("类型");
            if (!PARAMETER_TYPES.contains(type)) {
                problem(r.where("类型") + "：参数“" + name + "”的类型应为 数字、文字 或 列表，实为“" + type + "”");
                continue;
            }
            String value = r.get("参数值");
            String key;
            if (type.equals("数字")) {
                if (name.startsWith(RuleParameters.NUM)) name = name.substring(RuleParameters.NUM.length());
                key = RuleParameters.NUM + name;
                if (!require(r, "参数值")) continue;
                BigDecimal n = number(r, "参数值", "参数“" + name + "”");
                if (n == null) continue;
                value = n.toPlainString();
                checkRange(r, name, n);
            } else {
                if (!r.get("取值范围").isEmpty()) {
                    problem(r.where("取值范围") + "：参数“" + name + "”是" + type + "，不能填取值范围（只有数字参数有取值范围）");
                    continue;
                }
                key = name;
                if (name.startsWith("等级.") && !name.startsWith("等级别名.") && !BAND.matcher(value).matches()) {
                    problem(r.where("参数值") + "：评价等级“" + name.substring(3) + "”应写成“下限-上限”（如 80-90），实为“" + value + "”");
                    continue;
                }
                if (name.startsWith("必备部分.")) {
                    try {
                        Pattern.compile(value);
                    } catch (PatternSyntaxException e) {
                        problem(r.where("参数值") + "：参数“" + name + "”的标题字样写法有误（括号或 | 不配对？）：" + value);
                        continue;
                    }
                }
            }
            String where = r.where("参数值");
            if (firstAt.containsKey(key)) {
                problem(r.where("参数名") + "：参数“" + name + "”重复（已在 " + firstAt.get(key) + " 设定）");
                continue;
            }
            firstAt.put(key, r.where("参数名"));
            values.put(key, value);
            sources.put(key, where);
        }
        parameters = RuleParameters.of(values, sources, origin(PARAMETERS));
    }

    /** A value outside the row's 取值范围 is a warning; a 取值范围 that cannot be read is a problem. */
    private void checkRange(Row r, String name, BigDecimal value) {
        String text = r.get("取值范围");
        if (text.isEmpty()) return;
        PlausibleRange range = PlausibleRange.parse(text);
        if (range == null) {
            problem(r.where("取值范围") + "：参数“" + name + "”的取值范围“" + text + "”写法有误（应写成 0-1、≥0、>0、≤100 之类）");
        } else if (!range.contains(value)) {
            warnings.add(r.where("参数值") + "：参数“" + name + "”的值 " + value.toPlainString() + " 不在取值范围 " + range.text()
                    + " 内（比例应填 0 到 1 之间的小数，容差不能为负）；规则仍按此值运行，请确认不是笔误");
        }
    }

    // ---- 勾稽关系 ----

    private void relations(List<Row> rows) {
        for (Row r : rows) {
            if (onlyNote(r, "说明")) continue;
            if (!require(r, "类型") || !require(r, "合计项") || !require(r, "分项")) continue;
            String kind = switch (r.get("类型").toUpperCase(Locale.ROOT)) {
                case "SUM", "等于", "=", "＝" -> Relation.SUM;
                case "LE", "不小于", ">=", "≥" -> Relation.LE;
                default -> null;
            };
            if (kind == null) {
                problem(r.where("类型") + "：类型应为 SUM（合计＝分项之和）或 LE（合计≥分项之和），实为“" + r.get("类型") + "”");
                continue;
            }
            List<String> parts = Arrays.stream(r.get("分项").split("[+＋]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (parts.isEmpty()) {
                problem(r.where("分项") + "：没有分项（分项之间用 + 连接，或写 * 表示全部分项）");
                continue;
            }
            relations.add(new Relation(kind, r.get("合计项"), parts, r.table().fileName() + " " + r.table().sheet() + " 第" + r.row().number() + "行"));
        }
    }

    // ---- 考核评分表 ----

    private void rubric(List<Row> rows) {
        Map<String, String> firstAt = new HashMap<>();
        for (Row r : rows) {
            if (onlyNote(r, "评分标准")) continue;
            if (!require(r, "一级标准") || !require(r, "二级标准") || !require(r, "分值")) continue;
            BigDecimal weight = number(r, "分值", "考核项“" + r.get("二级标准") + "”的分值");
            if (weight == null) continue;
            RubricItem item = new RubricItem(r.get("一级标准"), r.get("二级标准"), weight, r.get("评分标准"));
            if (firstAt.containsKey(item.id())) {
                problem(r.where("二级标准") + "：考核项“" + item.id() + "”重复（已在 " + firstAt.get(item.id()) + "）");
                continue;
            }
            firstAt.put(item.id(), r.where("二级标准"));
            rubric.add(item);
        }
    }

    // ---- 扣分对照 ----

    private void deductions(List<Row> rows) {
        for (Row r : rows) {
            if (onlyNote(r, "说明")) continue;
            if (!require(r, "问题代码") || !require(r, "考核项") || !require(r, "每条扣分")) continue;
            BigDecimal points = number(r, "每条扣分", "“" + r.get("问题代码") + "”的每条扣分");
            BigDecimal cap = r.get("累计上限").isEmpty() ? null : number(r, "累计上限", "“" + r.get("问题代码") + "”的累计上限");
            if (points == null || (cap == null && !r.get("累计上限").isEmpty())) continue;
            deductions.add(new DeductionRule(r.get("问题代码"), r.get("考核项").replace('／', '/'), points, cap, r.whereRow()));
        }
    }

    // ---- 问题代码 ----

    private void codes(List<Row> rows) {
        Map<String, String> firstAt = new HashMap<>();
        for (Row r : rows) {
            if (onlyNote(r, "说明")) continue;
            if (!require(r, "代码") || !require(r, "中文名称")) continue;
            String code = r.get("代码");
            if (!CODE.matcher(code).matches()) {
                problem(r.where("代码") + "：代码“" + code + "”应由大写字母、数字和下划线组成（如 AMT_SUM_MISMATCH）");
                continue;
            }
            Severity severity = severity(r.get("默认级别"));
            if (severity == null) {
                problem(r.where("默认级别") + "：默认级别应为 错误、警告 或 提示（ERROR、WARNING、INFO），实为“" + r.get("默认级别") + "”");
                continue;
            }
            if (firstAt.containsKey(code)) {
                problem(r.where("代码") + "：代码“" + code + "”重复（已在 " + firstAt.get(code) + "）");
                continue;
            }
            firstAt.put(code, r.where("代码"));
            codes.add(new CodeInfo(code, r.get("中文名称"), severity, r.get("说明"), r.whereRow()));
        }
    }

    // ---- 代码类别 ----

    private void families(List<Row> rows) {
        Map<String, String> firstAt = new HashMap<>();
        for (Row r : rows) {
            if (onlyNote(r, "说明")) continue;
            if (!require(r, "类别") || !require(r, "中文名称")) continue;
            String family = r.get("类别");
            if (!FAMILY.matcher(family).matches()) {
                problem(r.where("类别") + "：类别“" + family + "”应为问题代码第一个下划线前的大写字母（如 AMT）");
                continue;
            }
            if (firstAt.containsKey(family)) {
                problem(r.where("类别") + "：类别“" + family + "”重复（已在 " + firstAt.get(family) + "）");
                continue;
            }
            firstAt.put(family, r.where("类别"));
            families.add(new CodeFamily(family, r.get("中文名称"), r.get("说明"), r.whereRow()));
        }
    }

    static Severity severity(String s) {
        return switch (s.strip().toUpperCase(Locale.ROOT)) {
            case "错误", "ERROR" -> Severity.ERROR;
            case "警告", "WARNING" -> Severity.WARNING;
            case "提示", "INFO" -> Severity.INFO;
            case "" -> Severity.WARNING;
            default -> null;
        };
    }
}
