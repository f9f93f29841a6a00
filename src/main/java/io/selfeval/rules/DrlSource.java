package io.selfeval.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough reading of a rule file's Java-like text to pick out the arguments of a call: comments blanked out (lines
 * kept), string literals ("…" and '…') skipped, brackets counted. Not a parser: a file the compiler rejects may read
 * wrongly here, and its compile problems are what gets reported.
 */
final class DrlSource {
    private DrlSource() {
    }

    /** The text with every comment replaced by spaces (newlines kept), so offsets and line numbers stay the same. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i);
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') out.setCharAt(i++, ' ');
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) if (text.charAt(i) != '\n') out.setCharAt(i, ' ');
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** The offset just past the literal opening at {@code start} (its quote character), or the end of its line. */
    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i; // an unclosed literal ends with its line, as the compiler sees it
            } else {
                i++;
            }
        }
        return i;
    }

    /** Whether {@code offset} lies inside a string literal. */
    static boolean inString(String code, int offset) {
        int i = 0;
        while (i < offset) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(code, i);
                if (end > offset) return true;
                i = end;
            } else {
                i++;
            }
        }
        return false;
    }

    /**
     * The arguments of the call whose opening bracket ends just before {@code from}, as written (split at the commas
     * outside brackets and literals); empty for "()", null when the bracket is not closed.
     */
    static List<String> arguments(String code, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        int i = from;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    String last = code.substring(start, i);
                    if (!args.isEmpty() || !last.isBlank()) args.add(last);
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(code.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        return null;
    }

    /** The content of a lone string literal ("…"), or null when the expression is anything else. */
    static String literal(String expression) {
        String e = expression.strip();
        if (e.length() < 2 || e.charAt(0) != '"' || endOfLiteral(e, 0) != e.length()) return null;
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < e.length() - 1; i++) {
            char c = e.charAt(i);
            if (c == '\\' && i + 1 < e.length() - 1) c = e.charAt(++i);
            out.append(c);
        }
        return out.toString();
    }

    /** The expression without brackets that enclose all of it: "(a ? b : c)" → "a ? b : c". */
    static String unparenthesized(String e) {
        while (e.startsWith("(") && e.endsWith(")")) {
            List<String> inner = arguments(e, 1);
            if (inner == null || inner.size() != 1 || inner.get(0).length() != e.length() - 2) break;
            e = inner.get(0).strip();
        }
        return e;
    }

    /** The first offset from {@code from} of {@code wanted} outside brackets and literals, or -1. */
    static int topLevel(String e, char wanted, int from) {
        int depth = 0;
        int i = from;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(e, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == wanted && depth == 0) return i;
            i++;
        }
        return -1;
    }

    /** The ':' that closes the choice whose '?' is just before {@code from} (nested choices skipped), or -1. */
    static int matchingColon(String e, int from) {
        int open = 0;
        int depth = 0;
        int i = from;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(e, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (depth == 0 && c == '?') open++;
            else if (depth == 0 && c == ':') {
                if (open == 0) return i;
                open--;
            }
            i++;
        }
        return -1;
    }

    /** The 1-based line of an offset. */
    static int lineOf(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (code.charAt(i) == '\n') line++;
        return line;
    }
}
