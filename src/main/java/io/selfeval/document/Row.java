package io.selfeval.document;

import java.util.List;

/** A table row: cells left to right. */
public record Row(List<Cell> cells, int line) {
    public int size() {
        return cells.size();
    }

    /** Cell text, or "" when the row is shorter. */
    public String text(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column).text() : "";
    }

    public boolean isBlank() {
        return cells.stream().allMatch(Cell::isBlank);
    }
}
