package io.selfeval.read;

import io.selfeval.read.BlockBuilder.CellText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table found from the borders drawn on a page: the column edges (xs) and row edges (ys) of the borders, cells
 * merged where a border is missing between grid cells, and each cell's text from the glyphs inside it. Rows come out
 * as the Word reader gives them: a cell spanning columns is one cell; a row under a vertically merged cell shows the
 * merged cell's text, unless that is a number.
 */
final class PdfGrid {
    private final int page;
    private final float[] xs;
    private final float[] ys;
    private final int[] parent;
    private final List<List<PdfGlyph>> glyphs = new ArrayList<>();

    private PdfGrid(int page, float[] xs, float[] ys, List<PdfRuling> hs, List<PdfRuling> vs) {
        this.page = page;
        this.xs = xs;
        this.ys = ys;
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        parent = new int[rows * cols];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            glyphs.add(new ArrayList<>());
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float midY = (ys[r] + ys[r + 1]) / 2;
                float midX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < cols && !border(vs, xs[c + 1], midY)) union(r * cols + c, r * cols + c + 1);
                if (r + 1 < rows && !border(hs, ys[r + 1], midX)) union(r * cols + c, (r + 1) * cols + c);
            }
        }
    }

    /** The tables drawn on a page: groups of borders that meet, with at least two rows or two columns. */
    static List<PdfGrid> find(int page, List<PdfRuling> rulings) {
        List<PdfGrid> grids = new ArrayList<>();
        for (List<PdfRuling> group : connected(rulings)) {
            List<PdfRuling> hs = group.stream().filter(PdfRuling::horizontal).toList();
            List<PdfRuling> vs = group.stream().filter(r -> !r.horizontal()).toList();
            float[] xs = edges(vs);
            float[] ys = edges(hs);
            if (xs.length < 2 || ys.length < 2 || (xs.length == 2 && ys.length == 2)) continue;
            grids.add(new PdfGrid(page, xs, ys, hs, vs));
        }
        return grids;
    }

    int page() {
        return page;
    }

    float top() {
        return ys[0];
    }

    float bottom() {
        return ys[ys.length - 1];
    }

    int columns() {
        return xs.length - 1;
    }

    /** Whether another page's table stands where this one does, left and right (the same table continued). */
    boolean sameEdges(PdfGrid other) {
        float slack = 2 * PdfRuling.TOLERANCE;
        return Math.abs(other.xs[0] - xs[0]) <= slack && Math.abs(other.xs[other.xs.length - 1] - xs[xs.length - 1]) <= slack;
    }

    /** Takes the glyph when it lies inside the table. */
    boolean take(PdfGlyph g) {
        float x = g.centerX();
        float y = g.centerY();
        if (x < xs[0] || x > xs[xs.length - 1] || y < ys[0] || y > ys[ys.length - 1]) return false;
        int c = slot(xs, x);
        int r = slot(ys, y);
        glyphs.get(find(r * columns() + c)).add(g);
        return true;
    }

    /**
     * Per row and cell: the cell is blank and part of a cell merged down from the table's first row. On a page that
     * continues a table, that is a vertically merged cell of the previous page drawn again, empty.
     */
    List<boolean[]> carried() {
        int cols = columns();
        List<boolean[]> out = new ArrayList<>();
        List<List<CellText>> rows = rows();
        int k = 0;
        for (int r = 0; r < ys.length - 1; r++) {
            if (ys[r + 1] - ys[r] < 2 * PdfRuling.TOLERANCE) continue;
            boolean[] flags = new boolean[rows.get(k).size()];
            int cell = 0;
            for (int c = 0; c < cols; c++) {
                int root = find(r * cols + c);
                if (c > 0 && find(r * cols + c - 1) == root) continue;
                int rowsSpanned = 0;
                for (int rr = 0; rr < ys.length - 1; rr++) if (find(rr * cols + c) == root) rowsSpanned++;
                flags[cell] = root / cols == 0 && rowsSpanned > 1 && rows.get(k).get(cell).text().isBlank();
                cell++;
            }
            out.add(flags);
            k++;
        }
        return out;
    }

    List<List<CellText>> rows() {
        int cols = columns();
        String[] text = new String[parent.length];
        int[] firstRow = new int[parent.length];
        Arrays.fill(firstRow, -1);
        for (int i = 0; i < parent.length; i++) {
            int root = find(i);
            if (firstRow[root] < 0) {
                firstRow[root] = i / cols;
                text[root] = PdfLine.joined(PdfLine.of(page, glyphs.get(root)));
            }
        }
        List<List<CellText>> rows = new ArrayList<>();
        for (int r = 0; r < ys.length - 1; r++) {
            if (ys[r + 1] - ys[r] < 2 * PdfRuling.TOLERANCE) continue; // a double border, not a row
            List<CellText> cells = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                int root = find(r * cols + c);
                boolean leftmostInRow = c == 0 || find(r * cols + c - 1) != root;
                if (!leftmostInRow) continue;
                String t = firstRow[root] == r ? text[root] : BlockBuilder.continued(text[root]);
                cells.add(CellText.of(t));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static boolean border(List<PdfRuling> lines, float at, float along) {
        for (PdfRuling l : lines) {
            if (Math.abs(l.at() - at) <= PdfRuling.TOLERANCE && l.covers(along)) return true;
        }
        return false;
    }

    /** The index of the interval of {@code edges} holding {@code v}. */
    private static int slot(float[] edges, float v) {
        for (int i = 1; i < edges.length - 1; i++) {
            if (v < edges[i]) return i - 1;
        }
        return edges.length - 2;
    }

    /** Distinct positions of parallel borders; lines closer than the tolerance are one. */
    private static float[] edges(List<PdfRuling> lines) {
        float[] at = new float[lines.size()];
        for (int i = 0; i < at.length; i++) at[i] = lines.get(i).at();
        Arrays.sort(at);
        float[] out = new float[at.length];
        int n = 0;
        for (float a : at) {
            if (n == 0 || a - out[n - 1] > PdfRuling.TOLERANCE) out[n++] = a;
        }
        return Arrays.copyOf(out, n);
    }

    /** Groups of horizontal and vertical borders that meet each other. */
    private static List<List<PdfRuling>> connected(List<PdfRuling> rulings) {
        int n = rulings.size();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) group[i] = i;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (rulings.get(i).meets(rulings.get(j))) {
                    int a = root(group, i);
                    int b = root(group, j);
                    if (a != b) group[a] = b;
                }
            }
        }
        java.util.Map<Integer, List<PdfRuling>> byRoot = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) byRoot.computeIfAbsent(root(group, i), k -> new ArrayList<>()).add(rulings.get(i));
        return new ArrayList<>(byRoot.values());
    }

    private static int root(int[] group, int i) {
        while (group[i] != i) i = group[i] = group[group[i]];
        return i;
    }

    private int find(int i) {
        return root(parent, i);
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
