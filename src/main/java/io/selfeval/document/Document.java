package io.selfeval.document;

import java.util.List;

/**
 * The format-neutral form every reader produces: paragraphs and tables in reading order, and what a reader left
 * out because it was beyond a limit ({@code cuts}, in Chinese for the reviewer: a sheet cut at its 5,000th row).
 */
public record Document(String file, List<Block> blocks, List<String> cuts) {
    public Document(String file, List<Block> blocks) {
        this(file, blocks, List.of());
    }

    public Document {
        cuts = List.copyOf(cuts);
    }

    public List<Table> tables() {
        return blocks.stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
    }

    public List<Paragraph> paragraphs() {
        return blocks.stream().filter(Paragraph.class::isInstance).map(Paragraph.class::cast).toList();
    }
}
