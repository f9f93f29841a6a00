package io.selfeval.recognize;

import io.selfeval.model.Amount;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a (normalised) paragraph into the tokens the amount grammar reads: amounts with their unit and written
 * precision, percentages, brackets, and the separators of lists (、), clauses (，；：) and sentences (。). Everything
 * else is text. A bracket pair holding neither an amount nor a percentage is part of the text around it
 * ("因公出国（境）费", "维修（护）费"), so it opens no scope.
 */
final class NarrativeLexer {
    enum Kind { MONEY, PERCENT, OPEN, CLOSE, LIST, COMMA, SEMI, COLON, END, TEXT }

    /** One token: its kind, text, offset in the paragraph, bracket depth, and its amount for MONEY and PERCENT. */
    record Token(Kind kind, String text, int start, int end, int depth, Amount amount) {
        boolean isSeparator() {
            return kind != Kind.TEXT && kind != Kind.MONEY && kind != Kind.PERCENT;
        }
    }

    /**
     * An amount: 元 not followed by "/" or 每 (a unit cost such as 3000元/人 is no amount of money), or 万元/亿元; a
     * percentage not followed by 个百分点 territory (that is written without %). Digits are already half-width.
     */
    private static final Pattern NUMBER_TOKEN = Pattern.compile(
            "(?<money>(?<![\\d.])\\d+(?:\\.\\d+)?\\s*(?:万元|亿元|元(?![/每])|万(?=[，,。；;、）)\\s]|$)))"
                    + "|(?<pct>(?<![\\d.])\\d+(?:\\.\\d+)?\\s*%)");
    private static final Pattern MONEY_PARTS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(万元|亿元|元|万)");

    private NarrativeLexer() {
    }

    /**
     * A hand-written scan rather than one alternation searched at every offset (a hot path): separators are single
     * characters, and amounts and percentages can only start at a digit, where {@link #NUMBER_TOKEN} is tried.
     */
    static List<Token> tokenize(String text) {
        List<Token> raw = new ArrayList<>();
        Matcher number = NUMBER_TOKEN.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int pos = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            Token token = null;
            if (c >= '0' && c <= '9') {
                number.region(i, text.length());
                if (number.lookingAt()) token = numberToken(number);
            } else {
                Kind kind = separator(c);
                if (kind != null) token = new Token(kind, String.valueOf(c), i, i + 1, 0, null);
            }
            if (token == null) {
                i++;
                continue;
            }
            if (token.start() > pos) raw.add(new Token(Kind.TEXT, text.substring(pos, token.start()), pos, token.start(), 0, null));
            raw.add(token);
            pos = i = token.end();
        }
        if (pos < text.length()) raw.add(new Token(Kind.TEXT, text.substring(pos), pos, text.length(), 0, null));
        return withDepth(collapseTextBrackets(raw));
    }

    private static Kind separator(char c) {
        return switch (c) {
            case '（', '(' -> Kind.OPEN;
            case '）', ')' -> Kind.CLOSE;
            case '、' -> Kind.LIST;
            case '，', ',' -> Kind.COMMA;
            case '；', ';' -> Kind.SEMI;
            case '：', ':' -> Kind.COLON;
            case '。', '！', '？', '!', '?' -> Kind.END;
            default -> null;
        };
    }

    private static Token numberToken(Matcher m) {
        String t = m.group();
        if (m.group("money") != null) {
            Matcher p = MONEY_PARTS.matcher(t);
            p.find();
            String unit = p.group(2).equals("万") ? "万元" : p.group(2); // "支出1234.56万，": 万 alone before a mark is 万元
            return new Token(Kind.MONEY, t, m.start(), m.end(), 0, Numbers.money(p.group(1), unit, t.strip()));
        }
        String n = t.replace("%", "").strip();
        return new Token(Kind.PERCENT, t, m.start(), m.end(), 0, new Amount(new java.math.BigDecimal(n), n + "%", "%"));
    }

    /** Bracket pairs with no number inside become one text token with the text around them. */
    private static List<Token> collapseTextBrackets(List<Token> in) {
        boolean[] drop = new boolean[in.size()];
        int[] mergeEnd = new int[in.size()];
        java.util.Arrays.fill(mergeEnd, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < in.size(); i++) {
            Kind k = in.get(i).kind();
            if (k == Kind.OPEN) open.push(i);
            else if (k == Kind.CLOSE && !open.isEmpty()) {
                int o = open.pop();
                boolean numbers = false;
                for (int j = o + 1; j < i; j++) {
                    if (!drop[j] && (in.get(j).kind() == Kind.MONEY || in.get(j).kind() == Kind.PERCENT)) numbers = true;
                }
                if (!numbers) {
                    mergeEnd[o] = i;
                    for (int j = o + 1; j <= i; j++) drop[j] = true;
                }
            } else if (k == Kind.END) {
                open.clear();
            }
        }
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            if (drop[i]) continue;
            Token t = in.get(i);
            if (mergeEnd[i] >= 0) {
                Token last = in.get(mergeEnd[i]);
                t = new Token(Kind.TEXT, joined(in, i, mergeEnd[i]), t.start(), last.end(), 0, null);
            }
            // Adjacent text tokens read as one label.
            if (t.kind() == Kind.TEXT && !out.isEmpty() && out.get(out.size() - 1).kind() == Kind.TEXT) {
                Token prev = out.remove(out.size() - 1);
                t = new Token(Kind.TEXT, prev.text() + t.text(), prev.start(), t.end(), 0, null);
            }
            out.add(t);
        }
        return out;
    }

    private static String joined(List<Token> in, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int j = from; j <= to; j++) sb.append(in.get(j).text());
        return sb.toString();
    }

    /** Bracket depth of every token (an unbalanced close bracket is ignored; a sentence end closes all). */
    private static List<Token> withDepth(List<Token> in) {
        List<Token> out = new ArrayList<>(in.size());
        int depth = 0;
        for (Token t : in) {
            if (t.kind() == Kind.CLOSE && depth > 0) depth--;
            out.add(new Token(t.kind(), t.text(), t.start(), t.end(), depth, t.amount()));
            if (t.kind() == Kind.OPEN) depth++;
            if (t.kind() == Kind.END) depth = 0;
        }
        return out;
    }
}
