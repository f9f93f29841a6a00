package io.selfeval.read;

import io.selfeval.document.Document;
import io.selfeval.document.SourceRef;
import io.selfeval.read.BlockBuilder.CellText;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paragraphs and tables of a web page's article, in order. Block elements and {@code <br>} end a paragraph; the
 * white space HTML source puts inside a Chinese sentence (a line break between two characters) is dropped, between
 * Latin words it stays one space. A {@code <table>} gives rows as the Word reader does: a cell spanning columns
 * (colspan) is one cell, a cell under a rowspan shows the spanning cell's text unless that is a number; a table
 * nested in a cell becomes lines of that cell.
 */
final class HtmlBlocks {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "dl", "dt", "dd", "section", "article", "header", "footer", "aside", "main", "blockquote", "pre", "center",
            "address", "hr", "caption", "figure", "figcaption", "body", "html");
    /** Most columns one row may span; a larger colspan is a mistake in the page. */
    private static final int MAX_SPAN = 64;

    private final SourceRef source;
    private final BlockBuilder out = new BlockBuilder();
    private final StringBuilder paragraph = new StringBuilder();

    HtmlBlocks(SourceRef source) {
        this.source = source;
    }

    Document read(Element root, String name) {
        walk(root);
        flush();
        return out.build(name);
    }

    private void walk(Node node) {
        if (node instanceof TextNode t) {
            paragraph.append(t.getWholeText());
            return;
        }
        if (!(node instanceof Element e)) return;
        String tag = e.tagName();
        if (tag.equals("table")) {
            flush();
            out.table(rows(e), source);
            return;
        }
        if (tag.equals("br")) {
            flush();
            return;
        }
        boolean block = BLOCKS.contains(tag) || tag.equals("tr");
        if (block) flush();
        for (Node child : e.childNodes()) walk(child);
        if (block) flush();
    }

    private void flush() {
        String t = tidy(paragraph.toString());
        paragraph.setLength(0);
        if (!t.isEmpty()) out.paragraphs(t, source);
    }

    /** A table's rows on its logical grid: rowspans carried down, colspans as one cell. */
    private static List<List<CellText>> rows(Element table) {
        List<List<CellText>> rows = new ArrayList<>();
        Map<Integer, int[]> spanning = new HashMap<>(); // column -> {rows left, columns spanned}
        Map<Integer, String> spanText = new HashMap<>();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) continue; // a row of a nested table
            List<CellText> cells = new ArrayList<>();
            int col = 0;
            List<Element> tds = tr.children().stream().filter(c -> c.tagName().equals("td") || c.tagName().equals("th")).toList();
            int i = 0;
            while (i < tds.size() || spanning.containsKey(col)) {
                int[] span = spanning.get(col);
                if (span != null) {
                    cells.add(CellText.of(BlockBuilder.continued(spanText.get(col))));
                    int at = col;
                    col += span[1];
                    if (--span[0] <= 0) {
                        spanning.remove(at);
                        spanText.remove(at);
                    }
                    continue;
                }
                if (i >= tds.size()) break;
                Element td = tds.get(i++);
                String text = cellText(td);
                int colspan = Math.min(MAX_SPAN, Math.max(1, number(td.attr("colspan"))));
                int rowspan = Math.max(1, number(td.attr("rowspan")));
                cells.add(CellText.of(text));
                if (rowspan > 1) {
                    spanning.put(col, new int[]{rowspan - 1, colspan});
                    spanText.put(col, text);
                }
                col += colspan;
            }
            rows.add(cells);
        }
        return rows;
    }

    /** A cell's text: its paragraphs and line breaks as '\n', a nested table's cells as lines. */
    private static String cellText(Element td) {
        HtmlBlocks inner = new HtmlBlocks(null);
        for (Node child : td.childNodes()) inner.walk(child);
        inner.flush();
        List<String> lines = new ArrayList<>();
        for (var b : inner.out.build("").blocks()) {
            if (b instanceof io.selfeval.document.Paragraph p) lines.add(p.text());
            else if (b instanceof io.selfeval.document.Table t) {
                for (var r : t.rows()) for (var c : r.cells()) if (!c.isBlank()) lines.add(c.text());
            }
        }
        return String.join("\n", lines);
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Collapses HTML white space: none between two Chinese characters, one space elsewhere. */
    static String tidy(String s) {
        String t = s.replace('\u00A0', ' ').replaceAll("[\\s&&[^\u3000]]+", " ").strip();
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' && i > 0 && i + 1 < t.length() && (wide(t.charAt(i - 1)) || wide(t.charAt(i + 1)))) continue;
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean wide(char c) {
        return c >= '\u2E80';
    }
}
