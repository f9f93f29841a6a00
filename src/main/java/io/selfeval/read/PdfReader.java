package io.selfeval.read;

import io.selfeval.document.Document;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads a text PDF (as Word or WPS export it) with PDFBox into the neutral document the Word reader gives: tables
 * from the borders drawn on each page ({@link PdfGrid}; merged cells where a border is missing), the rest as lines
 * rebuilt into paragraphs ({@link PdfParagraphs}), running headers and footers dropped ({@link PdfPageFurniture});
 * every block knows its page. A scan, a garbled text layer or a password is refused with the reason
 * ({@link PdfTextCheck}); a file with only an owner password (printing or copying restricted) opens and is read.
 *
 * <p>tabula-java is not used: its last release (1.0.5) is built on PDFBox 2, whose API differs from 3, and brings its
 * own SLF4J binding; what it would add here (cells from ruling lines) is {@link PdfGrid}.
 */
public final class PdfReader implements DocumentReader {
    @Override
    public boolean accepts(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
    }

    @Override
    public Document read(Path file, String name) throws IOException, UnreadableException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            if (doc.getNumberOfPages() == 0) throw new UnreadableException("PDF 文件没有页面，无法检查");
            PdfGlyphs glyphs = PdfGlyphs.of(doc);
            List<List<PdfLine>> lines = new ArrayList<>();
            List<List<PdfGrid>> grids = new ArrayList<>();
            List<Float> heights = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int images = 0;
            int n = 0;
            for (PDPage page : doc.getPages()) {
                n++;
                PdfPageContent content = PdfPageContent.of(page);
                images += content.images();
                List<PdfGrid> pageGrids = page.getRotation() == 0 ? PdfGrid.find(n, content.rulings()) : List.of();
                List<PdfGlyph> loose = new ArrayList<>();
                for (PdfGlyph g : glyphs.page(n)) {
                    text.append(g.text());
                    if (pageGrids.stream().noneMatch(t -> t.take(g))) loose.add(g);
                }
                lines.add(PdfLine.of(n, loose));
                grids.add(pageGrids);
                heights.add(page.getCropBox().getHeight());
            }
            PdfTextCheck.check(text, glyphs.drawn(), images);
            return new PdfParagraphs(name).read(items(lines, grids, heights));
        } catch (InvalidPasswordException e) {
            throw new UnreadableException("PDF 文件设有打开密码（已加密），无法读取；请去除密码后重新提交", e);
        }
    }

    /** Each page's tables and lines (headers and footers dropped) from top to bottom, page after page. */
    private static List<Object> items(List<List<PdfLine>> lines, List<List<PdfGrid>> grids, List<Float> heights) {
        PdfPageFurniture furniture = PdfPageFurniture.of(lines, heights);
        List<Object> items = new ArrayList<>();
        for (int p = 0; p < lines.size(); p++) {
            float height = heights.get(p);
            List<Object> page = new ArrayList<>(grids.get(p));
            for (PdfLine l : lines.get(p)) {
                if (!furniture.isFurniture(l, height)) page.add(l);
            }
            page.sort(Comparator.comparingDouble(PdfReader::top));
            items.addAll(page);
        }
        return items;
    }

    private static double top(Object item) {
        return item instanceof PdfGrid g ? g.top() : ((PdfLine) item).top();
    }
}
