package io.selfeval.rules.data;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools reports problems in English. Policy staff read Chinese: the common messages get a Chinese explanation first,
 * and the original text follows in brackets so that nothing Drools said is lost.
 */
public final class DroolsText {
    private DroolsText() {
    }

    private record Known(Pattern pattern, String chinese) {
    }

    /** Specific causes, tried first (also inside a "Rule Compilation error"). */
    private static final List<Known> CAUSES = List.of(
            new Known(Pattern.compile("Syntax error, insert \"([^\"]+)\" to complete"), "语法错误：缺少“$1”（括号没有闭合？）"),
            new Known(Pattern.compile("Predicate '(.+?)' must be a Boolean expression"),
                    "条件“$1”不是真假判断：条件中每一项都要能判断成立与否，如 value > 0、value.isPositive()，而不能只写一个值"),
            new Known(Pattern.compile("(?i)(?:invalid|illegal) escape sequence"), "含有不合法的反斜杠“\\\\”转义（单元格或字符串中不要使用反斜杠）"),
            new Known(Pattern.compile("Unable to resolve ObjectType '([^']+)'"), "无法识别的事实类型“$1”（类名写错了，或缺少 import）"),
            new Known(Pattern.compile("(?i)duplicate rule name|Duplicate rule"), "规则名称重复（同一 package 中两条规则同名，后一条会覆盖前一条）"),
            new Known(Pattern.compile("([\\w.$]+) cannot be resolved to a type"), "无法识别的类型 $1（缺少 import 或类名写错）"),
            new Known(Pattern.compile("The method ([\\w$]+)\\(.*?\\) is undefined"), "调用了不存在的方法 $1"),
            new Known(Pattern.compile("([\\w.$]+) cannot be resolved"), "无法识别的名称 $1（变量、global 或类名写错，或缺少 import）"),
            new Known(Pattern.compile("Unable to Analyse Expression|Unable to analyse expression"), "无法解析条件表达式（字段名、方法名或括号有误）"));

    /** Parser messages, for everything that is not a compilation error of Java code. */
    private static final List<Known> SYNTAX = List.of(
            new Known(Pattern.compile("mismatched input '([^']*)'"), "语法错误：此处不应出现“$1”"),
            new Known(Pattern.compile("extraneous input '([^']*)'"), "语法错误：多余的“$1”"),
            new Known(Pattern.compile("no viable alternative at input '([^']*)'"), "语法错误：无法理解“$1”"),
            new Known(Pattern.compile("missing (\\S+) at '([^']*)'"), "语法错误：“$2”前缺少 $1"),
            new Known(Pattern.compile("(?i)unexpected|mismatched|no viable alternative|missing"), "语法错误"),
            new Known(Pattern.compile("Parser returned a null Package"), "文件无法解析"));

    /** "中文说明（Drools：original）", or the original alone when no explanation is known. */
    public static String drl(String original) {
        String text = original == null ? "" : original.strip().replaceAll("\\s*\\n\\s*", "；");
        boolean compilation = text.startsWith("Rule Compilation error");
        String cause = first(CAUSES, text);
        String chinese;
        if (compilation) {
            chinese = "规则的 Java 代码（then 部分或 eval）编译出错" + (cause == null ? "" : "：" + cause);
        } else {
            chinese = cause != null ? cause : first(SYNTAX, text);
        }
        return chinese == null ? text : chinese + "（Drools：" + text + "）";
    }

    private static String first(List<Known> list, String text) {
        for (Known k : list) {
            Matcher m = k.pattern().matcher(text);
            if (m.find()) return expand(m, k.chinese());
        }
        return null;
    }

    /** The template with $1…$9 replaced by the matcher's groups (absent ones by nothing) and a backslash-escaped character by itself. */
    public static String expand(Matcher m, String template) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                int g = template.charAt(++i) - '0';
                sb.append(g <= m.groupCount() && m.group(g) != null ? m.group(g) : "");
            } else if (c == '\\' && i + 1 < template.length()) {
                sb.append(template.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
