package io.selfeval.cli;

import io.selfeval.model.DeductionRule;
import io.selfeval.model.Severity;
import io.selfeval.report.Html;
import io.selfeval.rules.CodeInfo;
import io.selfeval.rules.RuleBase;
import io.selfeval.rules.RuleBase.RuleInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule catalog of {@code rules list}: every rule with its code, the code's Chinese name and explanation (问题代码表),
 * the rule's own description, its severity and file, and the deduction its code carries (扣分对照表). As text for the
 * terminal, and as Markdown or self-contained HTML for staff to print; as data for {@code rules list --format json} and
 * the service's {@code GET /api/rules}, which both take it from here.
 */
public final class RuleCatalog {
    private final RuleBase rules;
    private final String dirName;
    private final Map<String, CodeInfo> codes = new LinkedHashMap<>();
    private final Map<String, List<RuleInfo>> rulesByCode = new LinkedHashMap<>();
    private final List<RuleInfo> withoutKnownCode = new ArrayList<>();

    public RuleCatalog(RuleBase rules, String dirName) {
        this.rules = rules;
        this.dirName = dirName;
        for (CodeInfo c : rules.codes()) codes.put(c.code(), c);
        for (RuleInfo r : rules.catalog()) {
            if (r.code() != null && codes.containsKey(r.code())) {
                rulesByCode.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r);
            } else {
                withoutKnownCode.add(r);
            }
        }
    }

    /**
     * The catalog as data ({@code rules list --format json}): the keys of {@code GET /api/rules} for the rules and
     * codes (so a script reads either the same way), each code with its explanation, deductions and rules.
     */
    public Map<String, Object> data() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dir", dirName);
        out.put("fingerprint", rules.fingerprint());
        out.put("count", rules.ruleCount());
        List<Map<String, Object>> ruleList = new ArrayList<>();
        for (RuleInfo r : rules.catalog()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("code", r.code());
            m.put("severity", r.severity());
            m.put("file", r.file());
            m.put("description", r.description());
            ruleList.add(m);
        }
        out.put("rules", ruleList);
        List<Map<String, Object>> codeList = new ArrayList<>();
        for (CodeInfo c : codes.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.code());
            m.put("name", c.name());
            m.put("severity", c.severity() == null ? null : c.severity().name());
            m.put("description", c.description());
            List<Map<String, Object>> deductions = new ArrayList<>();
            for (DeductionRule d : rules.deductions()) {
                if (!d.code().equals(c.code())) continue;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("item", d.item());
                row.put("points", d.points());
                row.put("cap", d.cap());
                deductions.add(row);
            }
            m.put("deductions", deductions);
            m.put("rules", rulesByCode.getOrDefault(c.code(), List.of()).stream().map(RuleInfo::name).toList());
            codeList.add(m);
        }
        out.put("codes", codeList);
        return out;
    }

    // ---- pieces ----

    /** "完整性/绩效自评材料完整 每条扣5分" (several rows joined with "；"), or "不扣分". */
    String deduction(String code) {
        List<String> parts = new ArrayList<>();
        for (DeductionRule d : rules.deductions()) {
            if (!d.code().equals(code)) continue;
            parts.add(d.item() + " 每条扣" + plain(d.points()) + "分" + (d.cap() == null ? "" : "，累计最多扣" + plain(d.cap()) + "分"));
        }
        return parts.isEmpty() ? "不扣分" : String.join("；", parts);
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }

    static String severity(String s) {
        Severity sev = Severity.parse(s, null);
        return sev == null ? (s == null || s.isBlank() ? "警告（未写明）" : s) : sev.chinese();
    }

    private String name(String code) {
        CodeInfo c = code == null ? null : codes.get(code);
        return c == null ? "（不在问题代码表中）" : c.name();
    }

    private List<CodeInfo> codesWithoutRules() {
        return codes.values().stream().filter(c -> !rulesByCode.containsKey(c.code())).toList();
    }

    private String summary() {
        return "规则文件夹 " + dirName + "，" + rules.ruleCount() + "条规则，" + codes.size() + "个问题代码，指纹 " + rules.fingerprint();
    }

    // ---- text ----

    List<String> text() {
        List<String[]> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        rows.add(new String[]{"规则", "代码", "问题名称", "级别", "扣分", "文件"});
        notes.add(null);
        for (RuleInfo r : ordered()) {
            rows.add(new String[]{r.name(), nz(r.code()), name(r.code()), severity(r.severity()), deduction(r.code()), nz(r.file())});
            notes.add(r.description().isBlank() ? null : "    " + r.description());
        }
        List<String> table = RulesCommand.table(rows);
        List<String> out = new ArrayList<>();
        out.add(table.get(0));
        out.add(table.get(1));
        for (int i = 1; i < rows.size(); i++) {
            out.add(table.get(i + 1));
            if (notes.get(i) != null) out.add(notes.get(i));
        }
        out.add("共" + rules.ruleCount() + "条规则");
        List<CodeInfo> none = codesWithoutRules();
        if (!none.isEmpty()) {
            out.add("");
            out.add("没有规则的问题代码（由程序产生，或尚未实现）：");
            for (CodeInfo c : none) out.add("  " + c.code() + " " + c.name() + "（" + c.severity().chinese() + "）");
        }
        return out;
    }

    /** Rules in code-table order, then rules whose code is not in the table. */
    private List<RuleInfo> ordered() {
        List<RuleInfo> out = new ArrayList<>();
        rulesByCode.values().forEach(out::addAll);
        out.addAll(withoutKnownCode);
        return out;
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    // ---- Markdown ----

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# selfeval 规则目录\n\n");
        sb.append(summary()).append("。\n\n");
        sb.append("每个问题代码下列出报告它的规则、规则所在文件和扣分。代码的名称和说明来自问题代码表（codes.drl.xlsx），")
                .append("扣分来自扣分对照表（deductions.drl.xlsx），规则的说明来自规则文件中规则上方的注释。\n\n");
        sb.append("## 一览\n\n");
        sb.append("| 代码 | 问题名称 | 默认级别 | 规则数 | 扣分 |\n|---|---|---|---|---|\n");
        for (CodeInfo c : codes.values()) {
            sb.append("| ").append(c.code()).append(" | ").append(md(c.name())).append(" | ").append(c.severity().chinese())
                    .append(" | ").append(rulesByCode.getOrDefault(c.code(), List.of()).size()).append(" | ")
                    .append(md(deduction(c.code()))).append(" |\n");
        }
        sb.append("\n## 各问题代码的规则\n");
        for (CodeInfo c : codes.values()) {
            sb.append("\n### ").append(c.code()).append(" ").append(md(c.name())).append("\n\n");
            sb.append("- 默认级别：").append(c.severity().chinese()).append("\n");
            if (!c.description().isBlank()) sb.append("- 说明：").append(md(c.description())).append("\n");
            sb.append("- 扣分：").append(md(deduction(c.code()))).append("\n\n");
            List<RuleInfo> list = rulesByCode.get(c.code());
            if (list == null) {
                sb.append("没有规则报告这个代码（由程序产生，或尚未实现）。\n");
                continue;
            }
            sb.append("| 规则 | 级别 | 文件 | 规则说明 |\n|---|---|---|---|\n");
            for (RuleInfo r : list) {
                sb.append("| ").append(md(r.name())).append(" | ").append(severity(r.severity())).append(" | ")
                        .append(md(r.file())).append(" | ").append(md(r.description())).append(" |\n");
            }
        }
        if (!withoutKnownCode.isEmpty()) {
            sb.append("\n## 代码不在问题代码表中的规则\n\n");
            sb.append("| 规则 | 代码 | 级别 | 文件 | 规则说明 |\n|---|---|---|---|---|\n");
            for (RuleInfo r : withoutKnownCode) {
                sb.append("| ").append(md(r.name())).append(" | ").append(md(nz(r.code()))).append(" | ").append(severity(r.severity()))
                        .append(" | ").append(md(r.file())).append(" | ").append(md(r.description())).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    // ---- HTML ----

    String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>selfeval 规则目录</title>\n<style>\n")
                .append("body{font-family:\"SimSun\",\"Songti SC\",\"Noto Serif CJK SC\",serif;margin:2em;color:#000;line-height:1.5}\n")
                .append("h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.3em;margin-top:1.6em;border-bottom:1px solid #000}")
                .append("h3{font-size:1.1em;margin:1.2em 0 .3em}\n")
                .append("table{border-collapse:collapse;width:100%;margin:.4em 0 1em}th,td{border:1px solid #444;padding:.25em .5em;")
                .append("vertical-align:top;text-align:left}th{background:#eee}\n")
                .append(".code{font-family:\"Consolas\",\"Courier New\",monospace}.meta{color:#333}.none{color:#666}\n")
                .append("section{page-break-inside:avoid}@media print{body{margin:0}h2{page-break-after:avoid}}\n")
                .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>selfeval 规则目录</h1>\n<p class=\"meta\">").append(h(summary())).append("。</p>\n");
        sb.append("<p>每个问题代码下列出报告它的规则、规则所在文件和扣分。代码的名称和说明来自问题代码表（codes.drl.xlsx），")
                .append("扣分来自扣分对照表（deductions.drl.xlsx），规则的说明来自规则文件中规则上方的注释。</p>\n");
        sb.append("<h2>一览</h2>\n<table>\n<tr><th>代码</th><th>问题名称</th><th>默认级别</th><th>规则数</th><th>扣分</th></tr>\n");
        for (CodeInfo c : codes.values()) {
            sb.append("<tr><td class=\"code\">").append(h(c.code())).append("</td><td>").append(h(c.name())).append("</td><td>")
                    .append(c.severity().chinese()).append("</td><td>").append(rulesByCode.getOrDefault(c.code(), List.of()).size())
                    .append("</td><td>").append(h(deduction(c.code()))).append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>各问题代码的规则</h2>\n");
        for (CodeInfo c : codes.values()) {
            sb.append("<section>\n<h3><span class=\"code\">").append(h(c.code())).append("</span> ").append(h(c.name())).append("</h3>\n");
            sb.append("<p>默认级别：").append(c.severity().chinese());
            if (!c.description().isBlank()) sb.append("<br>说明：").append(h(c.description()));
            sb.append("<br>扣分：").append(h(deduction(c.code()))).append("</p>\n");
            List<RuleInfo> list = rulesByCode.get(c.code());
            if (list == null) {
                sb.append("<p class=\"none\">没有规则报告这个代码（由程序产生，或尚未实现）。</p>\n</section>\n");
                continue;
            }
            sb.append("<table>\n<tr><th>规则</th><th>级别</th><th>文件</th><th>规则说明</th></tr>\n");
            for (RuleInfo r : list) {
                sb.append("<tr><td>").append(h(r.name())).append("</td><td>").append(severity(r.severity())).append("</td><td class=\"code\">")
                        .append(h(r.file())).append("</td><td>").append(h(r.description())).append("</td></tr>\n");
            }
            sb.append("</table>\n</section>\n");
        }
        if (!withoutKnownCode.isEmpty()) {
            sb.append("<h2>代码不在问题代码表中的规则</h2>\n<table>\n<tr><th>规则</th><th>代码</th><th>级别</th><th>文件</th><th>规则说明</th></tr>\n");
            for (RuleInfo r : withoutKnownCode) {
                sb.append("<tr><td>").append(h(r.name())).append("</td><td class=\"code\">").append(h(nz(r.code()))).append("</td><td>")
                        .append(severity(r.severity())).append("</td><td class=\"code\">").append(h(r.file())).append("</td><td>")
                        .append(h(r.description())).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** Shorthand for {@link Html#escape}, the escaping every page of the tool shares. */
    private static String h(String s) {
        return Html.escape(s);
    }
}
