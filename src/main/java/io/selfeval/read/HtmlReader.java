package io.selfeval.read;

import io.selfeval.document.Document;
import io.selfeval.document.SourceRef;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a web page (.html, .htm) or a browser's single-file save of one (.mht, .mhtml) with jsoup: the charset as
 * {@link WebPageText} finds it, scripts, styles, forms and navigation removed, the article body found
 * ({@link ArticleBody}), then paragraphs and tables in order ({@link HtmlBlocks}).
 */
public final class HtmlReader implements DocumentReader {
    /** Elements that are never part of a report's text. */
    private static final String NOT_CONTENT = "script, style, noscript, template, nav, form, select, button, input, "
            + "textarea, iframe, object, embed, svg, canvas, head";

    @Override
    public boolean accepts(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".mht") || n.endsWith(".mhtml")
                || n.endsWith(".xhtml") || n.endsWith(".shtml");
    }

    @Override
    public Document read(Path file, String name) throws IOException, UnreadableException {
        return read(file, name, Formats.detect(file) == Formats.Kind.MHT);
    }

    Document read(Path file, String name, boolean mht) throws IOException, UnreadableException {
        byte[] bytes = Files.readAllBytes(file);
        String html = mht ? WebPageText.mht(bytes) : WebPageText.html(bytes);
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        page.select(NOT_CONTENT).remove();
        Element body = ArticleBody.of(page.body());
        return new HtmlBlocks(SourceRef.pdf(name, 0)).read(body, name);
    }
}
