package io.selfeval.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the text of a rule file says of its rules before Drools reads it: package, rule heads, their lines, comments. */
final class DrlHeads {
    static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    /** A rule's head line: {@code rule "名称"}, {@code rule '名称'} or {@code rule name}; {@link #name} gives the name. */
    static final Pattern RULE_HEAD = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))", Pattern.MULTILINE);

    private DrlHeads() {
    }

    /** package/name → line of each rule head, over every rule file. */
    static Map<String, Integer> ruleLines(Map<String, String> drlText) {
        Map<String, Integer> out = new HashMap<>();
        for (String text : drlText.values()) {
            Matcher p = PACKAGE.matcher(text);
            String pkg = p.find() ? p.group(1) : "defaultpkg";
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = RULE_HEAD.matcher(lines.get(i));
                if (!m.find()) continue;
                out.putIfAbsent(pkg + "/" + name(m), i + 1);
            }
        }
        return out;
    }

    /** The comment lines ("// …") just above each rule of a DRL text, by rule name. */
    static Map<String, String> ruleComments(String text) {
        Map<String, String> out = new HashMap<>();
        if (text == null) return out;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RULE_HEAD.matcher(lines.get(i));
            if (!m.find()) continue;
            List<String> comment = new ArrayList<>();
            for (int j = i - 1; j >= 0 && lines.get(j).strip().startsWith("//"); j--) {
                comment.add(0, lines.get(j).strip().replaceFirst("^//+\\s*", ""));
            }
            out.put(name(m), String.join("", comment));
        }
        return out;
    }

    /** The rule name of a {@link #RULE_HEAD} match. */
    static String name(Matcher m) {
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }
}
