package io.selfeval.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The typing slips Drools' parser reports far from where they are — a bracket not closed, a string without its closing
 * quote, a rule without {@code end} — found by reading the rule file's shape, so that one slip is one message at the
 * line where the missing character belongs. Only consulted when Drools already refused the file; it judges nothing
 * Drools accepted.
 */
final class DrlShape {
    /** A slip: the 1-based line to fix and what to do there. */
    record Slip(int line, String message) {
    }

    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b.*");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b.*");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    /** A line that begins a new pattern of a condition: "$b : Figure(" or "Figure(". */
    private static final Pattern PATTERN_START = Pattern.compile("^\\s*(?:\\$\\w+\\s*:\\s*)?(?:[a-z]\\w*\\.)*[A-Z]\\w*\\s*\\(.*");
    /** A bracket right after a capitalised name (a fact type) opens a pattern's constraints. */
    private static final Pattern TYPE_BEFORE = Pattern.compile("[A-Z][\\w]*\\s*$");

    private enum Part { OUTSIDE, HEAD, WHEN, THEN }

    private DrlShape() {
    }

    /** One bracket still open: its line and whether it holds a pattern's constraints. */
    private record Open(int line, boolean pattern) {
    }

    static List<Slip> slips(String text) {
        List<Slip> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Part part = Part.OUTSIDE;
        String rule = null;
        int ruleLine = 0;
        boolean broken = false; // this rule already has its slip: skip to its end
        boolean inBlockComment = false;
        Deque<Open> open = new ArrayDeque<>();
        int lastContent = 0; // last line with code in the current rule
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i];
            if (!inBlockComment) {
                var head = DrlHeads.RULE_HEAD.matcher(line);
                if (head.find()) {
                    if (part != Part.OUTSIDE && !broken) {
                        out.add(new Slip(lastContent + 1, "语法错误：规则“" + rule + "”（第" + ruleLine + "行起）缺少 end：应在第"
                                + (lastContent + 1) + "行、下一条规则之前加上一行 end"));
                    }
                    rule = DrlHeads.name(head);
                    ruleLine = n;
                    part = Part.HEAD;
                    // A rule written on one line with its conditions is not read here: Drools' own message stands.
                    String rest = line.substring(head.end()).strip();
                    broken = !rest.isEmpty() && !rest.startsWith("//") && !rest.startsWith("@") && !rest.startsWith("extends");
                    open.clear();
                    lastContent = n;
                    continue;
                }
                if (part != Part.OUTSIDE && open.isEmpty() && END.matcher(line).matches()) {
                    part = Part.OUTSIDE;
                    continue;
                }
            }
            if (part == Part.OUTSIDE || broken) {
                inBlockComment = skipComments(line, inBlockComment);
                if (broken && END.matcher(line).matches()) part = Part.OUTSIDE;
                continue;
            }
            if (!inBlockComment && (THEN.matcher(line).matches() || END.matcher(line).matches()) && !open.isEmpty()) {
                out.add(unclosed(rule, open.peekFirst(), lastContent));
                broken = true;
                if (END.matcher(line).matches()) part = Part.OUTSIDE;
                continue;
            }
            if (!inBlockComment && WHEN.matcher(line).matches()) part = Part.WHEN;
            else if (!inBlockComment && THEN.matcher(line).matches()) part = Part.THEN;
            if (part == Part.WHEN && !inBlockComment && open.stream().anyMatch(Open::pattern)
                    && PATTERN_START.matcher(line).matches()) {
                // A new pattern begins while the previous one's constraints are still open.
                out.add(unclosed(rule, open.peekFirst(), lastContent));
                broken = true;
                continue;
            }
            // Walk the characters: strings, comments, brackets.
            StringBuilder code = new StringBuilder();
            char quote = 0;
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (inBlockComment) {
                    if (ch == '*' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                        inBlockComment = false;
                        c++;
                    }
                    continue;
                }
                if (quote != 0) {
                    if (ch == '\\') c++;
                    else if (ch == quote) quote = 0;
                    continue;
                }
                if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '/') break;
                if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '*') {
                    inBlockComment = true;
                    c++;
                    continue;
                }
                if (ch == '"' || ch == '\'') {
                    quote = ch;
                    continue;
                }
                code.append(ch);
                if (ch == '(') {
                    open.push(new Open(n, part == Part.WHEN && TYPE_BEFORE.matcher(line.substring(0, c)).find()));
                } else if (ch == ')') {
                    if (open.isEmpty()) {
                        out.add(new Slip(n, "语法错误：规则“" + rule + "”第" + n + "行多了一个“)”（没有与之对应的“(”）"));
                        broken = true;
                        break;
                    }
                    open.pop();
                }
            }
            if (broken) continue;
            if (quote != 0) {
                out.add(new Slip(n, "语法错误：规则“" + rule + "”第" + n + "行的字符串缺少结尾的引号（" + quote + "）"));
                broken = true;
                continue;
            }
            if (part == Part.THEN && code.toString().strip().endsWith(";") && !open.isEmpty()) {
                // A statement ends while a bracket of it is still open.
                out.add(new Slip(n, "语法错误：括号没有闭合——规则“" + rule + "”第" + open.peekFirst().line() + "行的“(”缺少对应的“)”，"
                        + "应在第" + n + "行的“;”之前（或更早处）补上“)”"));
                broken = true;
                continue;
            }
            if (!code.toString().isBlank()) lastContent = n;
        }
        if (part != Part.OUTSIDE && !broken && rule != null) {
            out.add(new Slip(lastContent + 1, "语法错误：规则“" + rule + "”（第" + ruleLine + "行起）缺少 end：应在第"
                    + (lastContent + 1) + "行（文件末尾）加上一行 end"));
        }
        return out;
    }

    private static Slip unclosed(String rule, Open innermost, int lastContent) {
        return new Slip(lastContent, "语法错误：括号没有闭合——规则“" + rule + "”第" + innermost.line() + "行的“(”缺少对应的“)”，"
                + "应在第" + lastContent + "行末尾补上“)”");
    }

    /** Whether a block comment is still open after this line. */
    private static boolean skipComments(String line, boolean inBlockComment) {
        boolean in = inBlockComment;
        char quote = 0;
        for (int c = 0; c < line.length(); c++) {
            char ch = line.charAt(c);
            if (in) {
                if (ch == '*' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                    in = false;
                    c++;
                }
            } else if (quote != 0) {
                if (ch == '\\') c++;
                else if (ch == quote) quote = 0;
            } else if (ch == '"') {
                quote = ch;
            } else if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                return false;
            } else if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '*') {
                in = true;
                c++;
            }
        }
        return in;
    }
}
