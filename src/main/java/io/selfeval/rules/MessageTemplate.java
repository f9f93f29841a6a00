package io.selfeval.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One wording of the message file: literal text with {@code {name}} placeholders, each filled with the value the rule
 * passes under that name. There is no other syntax (no quoting, no escapes, no formats): what a reviewer reads in the
 * file is what a report shows, with the placeholders filled in.
 */
final class MessageTemplate {
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final String key;
    private final int line;
    /** Literal text and placeholder names in turn: even indexes are text, odd ones names. */
    private final List<String> pieces;

    private MessageTemplate(String key, int line, List<String> pieces) {
        this.key = key;
        this.line = line;
        this.pieces = pieces;
    }

    /** The wording's problems, in Chinese, for the file's line; empty when it parses. */
    record Parsed(MessageTemplate template, List<String> problems) {
    }

    static Parsed parse(String key, int line, String text) {
        List<String> pieces = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                problems.add("消息 " + key + " 中多了一个“}”（占位符写作 {名称}，如 {budget}）");
                i++;
            } else if (c == '{') {
                int close = text.indexOf('}', i + 1);
                int nextOpen = text.indexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                    problems.add("消息 " + key + " 中的占位符“" + text.substring(i, close < 0 ? text.length() : nextOpen)
                            + "”缺少“}”（占位符写作 {名称}，如 {budget}）");
                    i = close < 0 ? text.length() : nextOpen;
                    continue;
                }
                String name = text.substring(i + 1, close);
                if (!NAME.matcher(name).matches()) {
                    problems.add("消息 " + key + " 中的占位符“{" + name + "}”写法不对：花括号里应是规则传入的参数名，"
                            + "只用英文字母、数字和下划线（如 {budget}）");
                }
                pieces.add(literal.toString());
                pieces.add(name);
                literal.setLength(0);
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        pieces.add(literal.toString());
        return new Parsed(new MessageTemplate(key, line, List.copyOf(pieces)), problems);
    }

    String key() {
        return key;
    }

    /** The 1-based line of the message file the wording is on. */
    int line() {
        return line;
    }

    /** The placeholder names, in the order they first appear. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < pieces.size(); i += 2) names.add(pieces.get(i));
        return names;
    }

    /** The wording with each placeholder replaced by its argument, written by {@code valueText}. */
    String render(Map<String, Object> args, Function<Object, String> valueText) {
        StringBuilder out = new StringBuilder(pieces.get(0));
        for (int i = 1; i < pieces.size(); i += 2) {
            String name = pieces.get(i);
            if (!args.containsKey(name)) {
                throw new IllegalStateException("消息 " + key + " 用到参数 {" + name + "}，但规则没有传入（传入的有："
                        + String.join("、", args.keySet()) + "）");
            }
            out.append(valueText.apply(args.get(name))).append(pieces.get(i + 1));
        }
        return out.toString();
    }
}
