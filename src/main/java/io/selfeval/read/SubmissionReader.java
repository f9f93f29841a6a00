package io.selfeval.read;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.SourceRef;
import io.selfeval.document.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the files of a submission into one document: the report's blocks first, then each attachment's, with
 * positions running on (an attachment's blocks come after the report's) and tables numbered through. In a submission
 * of several files every block names its file. An attachment that cannot be read is listed, the rest is still
 * read; a report that cannot be read makes the submission unreadable.
 */
public final class SubmissionReader {
    /** The merged document, and the attachments that could not be read (file name and reason). */
    public record Result(Document document, List<Failed> failed) {
    }

    public record Failed(String file, String reason) {
    }

    private SubmissionReader() {
    }

    public static Result read(Submission s) throws UnreadableException {
        if (s.error() != null) throw new UnreadableException(s.error());
        if (s.files().isEmpty()) throw new UnreadableException("没有可读取的文件");
        List<Failed> failed = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < s.files().size(); i++) {
            Submission.File f = s.files().get(i);
            try {
                docs.add(Readers.read(f.path(), f.name()));
            } catch (UnreadableException e) {
                if (i == 0) {
                    throw s.files().size() == 1 ? e : new UnreadableException(f.name() + "：" + e.getMessage(), e);
                }
                failed.add(new Failed(f.name(), e.getMessage()));
            }
        }
        if (s.files().size() == 1) return new Result(docs.get(0), failed);
        return new Result(merge(s.name(), docs), failed);
    }

    /** One document from several: positions and table numbers continue from one file to the next. */
    static Document merge(String name, List<Document> docs) {
        List<Block> blocks = new ArrayList<>();
        List<String> cuts = new ArrayList<>();
        int offset = 0;
        int tables = 0;
        for (Document d : docs) {
            for (String cut : d.cuts()) cuts.add(d.file() + "：" + cut);
            SourceRef textSource = SourceRef.text(d.file());
            int last = 0;
            for (Block b : d.blocks()) {
                SourceRef src = b.source() == null ? textSource : b.source();
                if (b instanceof Paragraph p) {
                    blocks.add(new Paragraph(p.text(), p.line() + offset, src, ownAnchor(p.anchor(), p.line())));
                    last = Math.max(last, p.line());
                } else if (b instanceof Table t) {
                    List<Row> rows = new ArrayList<>(t.rows().size());
                    for (Row r : t.rows()) {
                        List<Cell> cells = new ArrayList<>(r.size());
                        for (Cell c : r.cells()) {
                            cells.add(new Cell(c.text(), c.line() + offset, c.ref(), ownAnchor(c.anchor(), c.line())));
                            last = Math.max(last, c.line());
                        }
                        rows.add(new Row(cells, r.line() + offset));
                        last = Math.max(last, r.line());
                    }
                    blocks.add(new Table(++tables, rows, t.line() + offset, src));
                    last = Math.max(last, t.line());
                }
            }
            offset += last;
        }
        return new Document(name, blocks, cuts);
    }

    /** The reader's anchor, or the position in the block's own file, which the running positions no longer show. */
    private static String ownAnchor(String anchor, int ownLine) {
        return anchor != null ? anchor : "#" + ownLine;
    }
}
