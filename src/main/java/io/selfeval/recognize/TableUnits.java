package io.selfeval.recognize;

import io.selfeval.document.Cell;
import io.selfeval.document.Row;
import io.selfeval.model.Amount;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The money unit a table states for its amounts: "（单位：元）" under the title, "经费控制情况（元）" or "项目资金（万元）"
 * in a header. The attachments are in 万元 unless they say otherwise; an amount written in a table stated in 元 is
 * converted to 万元 keeping its written precision (700000 元 = 70.0000 万元). A cell that writes its own unit
 * ("70万元", "12,345.67元") keeps it.
 */
final class TableUnits {
    /** 元 or 万元 as a stated unit: "单位：元", "单位:万元", "（元）", "(万元)"; never "元/人" or "万元以上". */
    private static final Pattern STATED = Pattern.compile("单位\\s*[:：]?\\s*(万元|元)(?![/每\\p{IsHan}])|[（(]\\s*(万元|元)\\s*[)）]");

    static final String WAN = "万元";
    static final String YUAN = "元";

    private TableUnits() {
    }

    /** The unit a text states, or null: "（单位：元）" → 元; "项目资金（万元）" → 万元; two different units → null. */
    static String stated(String text) {
        Matcher m = STATED.matcher(Numbers.flat(text));
        String found = null;
        while (m.find()) {
            String u = m.group(1) != null ? m.group(1) : m.group(2);
            if (found != null && !found.equals(u)) return null;
            found = u;
        }
        return found;
    }

    /** The unit a header row states in any of its cells, or null. */
    static String stated(Row header) {
        String found = null;
        for (Cell c : header.cells()) {
            String u = stated(c.text());
            if (u == null) continue;
            if (found != null && !found.equals(u)) return null;
            found = u;
        }
        return found;
    }

    /** The header's own unit, else the title's, else 万元. */
    static String of(Row header, String title) {
        String u = header == null ? null : stated(header);
        if (u == null) u = stated(title == null ? "" : title);
        return u == null ? WAN : u;
    }

    /** A money cell read in the table's unit: a bare number in a 元 table is converted; a written unit wins. */
    static Optional<Amount> money(String cell, String unit) {
        Optional<Amount> a = Numbers.cellAmount(cell);
        if (a.isEmpty() || !YUAN.equals(unit) || !a.get().getUnit().isEmpty()) return a;
        Amount bare = a.get();
        return Optional.of(Numbers.toAmount(bare.getValue().toPlainString(), YUAN, bare.getText()));
    }
}
