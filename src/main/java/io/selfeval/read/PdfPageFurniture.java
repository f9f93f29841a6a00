package io.selfeval.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Running headers and footers of a PDF: lines near the top or bottom edge of a page that are a page number
 * ("第 3 页 共 12 页", "- 3 -", "3/12") or that repeat, word for word, at that edge on at least half of the pages
 * (the report's title as a running head). They are not part of the text.
 */
final class PdfPageFurniture {
    /** How much of the page height at the top and at the bottom is where headers and footers stand. */
    private static final float EDGE = 0.12f;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^(?:第\\d+页(?:[,，/]?共\\d+页)?|共\\d+页[,，]?第\\d+页|[-—–－]?\\d{1,4}[-—–－]?|\\d+/\\d+|(?:page)?\\d+(?:of\\d+)?)$");

    private final Map<String, Integer> pagesWith = new HashMap<>();
    private final int pages;

    private PdfPageFurniture(int pages) {
        this.pages = pages;
    }

    /** Counts, over all pages, the edge lines that could be a running header or footer. */
    static PdfPageFurniture of(List<List<PdfLine>> linesByPage, List<Float> heights) {
        PdfPageFurniture f = new PdfPageFurniture(linesByPage.size());
        for (int p = 0; p < linesByPage.size(); p++) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (PdfLine l : linesByPage.get(p)) {
                String zone = zone(l, heights.get(p));
                if (zone != null && seen.add(zone + key(l))) f.pagesWith.merge(zone + key(l), 1, Integer::sum);
            }
        }
        return f;
    }

    boolean isFurniture(PdfLine line, float pageHeight) {
        String zone = zone(line, pageHeight);
        if (zone == null) return false;
        String key = key(line);
        if (PAGE_NUMBER.matcher(key).matches()) return true;
        int n = pagesWith.getOrDefault(zone + key, 0);
        return pages >= 2 && n >= 2 && n * 2 >= pages;
    }

    private static String zone(PdfLine l, float pageHeight) {
        if (l.baseline() < pageHeight * EDGE) return "top:";
        if (l.top() > pageHeight * (1 - EDGE)) return "bottom:";
        return null;
    }

    private static String key(PdfLine l) {
        return l.text().replaceAll("\\s+", "");
    }
}
