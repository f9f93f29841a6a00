package io.selfeval.rules;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers typed into the rule-data tables. A number cell arrives as Excel stored it ("0.2", "1.0E-4"); a text cell as
 * typed. Full-width digits and Chinese-style thousands separators ("12,000", "1,234.5") are read; anything whose
 * meaning depends on a convention ("0,3" — 0.3 or 3? "1.234,5", "30%" typed as text) is refused with the reason, never
 * quietly reread as some other number.
 */
final class TableNumbers {
    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[+-]?[1-9]\\d{0,2}(?:,\\d{3})+(?:\\.\\d+)?");

    private TableNumbers() {
    }

    /** The number, or null with {@link #problem} saying why. */
    record Parsed(BigDecimal value, String problem) {
    }

    static Parsed parse(String typed) {
        String s = halfWidth(typed.strip());
        if (PLAIN.matcher(s).matches()) return new Parsed(new BigDecimal(s), null);
        if (GROUPED.matcher(s).matches()) return new Parsed(new BigDecimal(s.replace(",", "")), null);
        if (s.endsWith("%") && PLAIN.matcher(s.substring(0, s.length() - 1).strip()).matches()) {
            BigDecimal share = new BigDecimal(s.substring(0, s.length() - 1).strip()).movePointLeft(2);
            return new Parsed(null, "是文字形式的百分数，含义不明：比例请填小数（如 " + share.toPlainString()
                    + "），或把单元格设为“百分比”格式后再填");
        }
        if (s.contains(",") && s.matches("[+-]?[\\d.,]+")) {
            return new Parsed(null, "含逗号，含义不明（逗号是千位分隔还是小数点？）：小数请用小数点（如 0.3），千位分隔请写成 12,000 的样式或不写");
        }
        return new Parsed(null, "不是数字");
    }

    private static String halfWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            if (ch >= '０' && ch <= '９') sb.append((char) (ch - '０' + '0'));
            else if (ch == '．') sb.append('.');
            else if (ch == '－') sb.append('-');
            else if (ch == '＋') sb.append('+');
            else if (ch == '，') sb.append(',');
            else if (ch == '％') sb.append('%');
            else sb.append(ch);
        }
        return sb.toString();
    }
}
