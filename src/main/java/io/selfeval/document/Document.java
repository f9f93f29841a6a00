package io.selfeval.document;

import java.util.List;

/** The format-neutral form every reader produces: paragraphs and tables in reading order. */
public record Document(String file, List<Block> blocks) {
    public List<Table> tables() {
        return blocks.stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
    }

    public List<Paragraph> paragraphs() {
        return blocks.stream().filter(Paragraph.class::isInstance).map(Paragraph.class::cast).toList();
    }
}
