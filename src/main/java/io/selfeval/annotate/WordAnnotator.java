package io.selfeval.annotate;

import io.selfeval.document.Document;
import io.selfeval.model.Finding;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;

import java.util.List;

/** Puts the comments of one Word file: the summary on the title first, then one per finding at its paragraph. */
final class WordAnnotator {
    private WordAnnotator() {
    }

    /**
     * @param neutral   the file as read, with its anchors
     * @param summary   the summary comment, or null for an attachment
     * @param firstFile whether the file is its submission's first (its positions are its own)
     */
    static void annotate(XWPFDocument doc, Document neutral, List<Finding> findings, List<String> summary,
                         boolean firstFile, String author) {
        WordPlaces places = new WordPlaces(doc, neutral);
        WordComments comments = new WordComments(doc, author);
        CTP title = places.title();
        if (title == null) title = doc.createParagraph().getCTP();
        if (summary != null) comments.add(title, -1, -1, summary);
        for (Finding f : findings) {
            CTP p = places.of(f, firstFile);
            if (p == null) {
                comments.add(title, -1, -1, CommentTexts.finding(f));
                continue;
            }
            Marks.Span span = Marks.of(f, WordComments.text(p));
            comments.add(p, span.start(), span.end(), CommentTexts.finding(f));
        }
    }
}
