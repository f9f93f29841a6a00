package io.selfeval.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters a rule file names literally ({@code params.num("金额容差")}, {@code params.text(...)},
 * {@code params.list(...)}), checked against the 参数 table when the rules are loaded, so a misspelt name or a
 * parameter of the wrong type stops {@code rules verify} and every start instead of failing while a report is
 * checked. A name computed at run time ({@code params.text($key)}) cannot be known here and is not checked.
 */
final class ParameterUses {
    private static final Pattern USE = Pattern.compile("\\bparams\\s*\\.\\s*(num|text|list)\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");

    private ParameterUses() {
    }

    /** One literal use: the method, the parameter name, and its 1-based line. */
    record Use(String method, String name, int line) {
    }

    static List<Use> uses(String drl) {
        List<Use> out = new ArrayList<>();
        String[] lines = drl.split("\n", -1);
        boolean inBlockComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (inBlockComment) {
                int end = line.indexOf("*/");
                if (end < 0) continue;
                line = line.substring(end + 2);
                inBlockComment = false;
            }
            int start = line.indexOf("/*");
            if (start >= 0) {
                int end = line.indexOf("*/", start + 2);
                if (end < 0) {
                    inBlockComment = true;
                    line = line.substring(0, start);
                } else {
                    line = line.substring(0, start) + line.substring(end + 2);
                }
            }
            line = stripLineComment(line);
            Matcher m = USE.matcher(line);
            while (m.find()) out.add(new Use(m.group(1), m.group(2), i + 1));
        }
        return out;
    }

    /** "//" outside a string literal starts a comment (a parameter name may not, but a regex in a rule might hold one). */
    private static String stripLineComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && inString) {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /**
     * Every literal use in the rule files (display path → text) whose parameter is missing from the table or has
     * another type, as "rules/execution.drl 第65行：…".
     */
    static List<String> problems(Map<String, String> drlByFile, RuleParameters params, String tableFiles) {
        List<String> problems = new ArrayList<>();
        drlByFile.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            for (Use u : uses(e.getValue())) {
                String problem = problem(u, params, tableFiles);
                if (problem != null) problems.add(e.getKey() + " 第" + u.line() + "行：" + problem);
            }
        });
        return problems;
    }

    private static String problem(Use u, RuleParameters params, String tableFiles) {
        boolean isNumber = params.has(RuleParameters.NUM + u.name());
        boolean isOther = params.has(u.name());
        String wanted = u.method().equals("num") ? "数字" : u.method().equals("list") ? "列表" : "文字";
        if (u.method().equals("num") ? isNumber : isOther) return null;
        if (isNumber || isOther) {
            return "规则用 params." + u.method() + "(\"" + u.name() + "\") 读取" + wanted + "参数，但参数表（" + tableFiles + "）中“"
                    + u.name() + "”的类型是" + (isNumber ? "数字（应写 params.num）" : "文字或列表（应写 params.text 或 params.list）");
        }
        String hint = nearest(u.name(), params);
        return "规则用到参数“" + u.name() + "”（类型：" + wanted + "），但参数表（" + tableFiles + "）中没有这一行"
                + (hint == null ? "" : "（是否应为“" + hint + "”？）");
    }

    /** The table's parameter name closest to a misspelt one (at most two characters apart), or null. */
    private static String nearest(String name, RuleParameters params) {
        return EditDistance.nearest(name, params.keys().stream()
                .map(key -> key.startsWith(RuleParameters.NUM) ? key.substring(RuleParameters.NUM.length()) : key).toList());
    }
}
