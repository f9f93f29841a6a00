package io.selfeval.document;

import java.util.List;

/** A table: rows top to bottom; index counts tables from 1 in document order. */
public record Table(int index, List<Row> rows, int line) implements Block {
}
