package io.selfeval.read;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines and rectangles a page draws, as {@link PdfRuling}s (table borders: stroked lines, the edges of stroked
 * rectangles, and thin filled rectangles, which is how Word and WPS draw cell borders), and how many images it shows.
 * Curves are not borders and are dropped.
 */
final class PdfPageContent extends PDFGraphicsStreamEngine {
    /** A filled rectangle thinner than this is a line. */
    private static final float THIN = 2.5f;
    /** Shorter lines are underlines or marks, not borders. */
    private static final float MIN_LENGTH = 4f;

    private final float height;
    private final float originX;
    private final float originY;
    private final List<PdfRuling> rulings = new ArrayList<>();
    private final List<float[]> path = new ArrayList<>();
    private final List<float[][]> rectangles = new ArrayList<>();
    private Point2D.Float current = new Point2D.Float();
    private Point2D.Float subpathStart = new Point2D.Float();
    private int images;

    PdfPageContent(PDPage page) {
        super(page);
        PDRectangle box = page.getCropBox();
        this.height = box.getHeight();
        this.originX = box.getLowerLeftX();
        this.originY = box.getLowerLeftY();
    }

    static PdfPageContent of(PDPage page) throws IOException {
        PdfPageContent c = new PdfPageContent(page);
        c.processPage(page);
        return c;
    }

    List<PdfRuling> rulings() {
        return rulings;
    }

    int images() {
        return images;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        rectangles.add(new float[][]{point(p0), point(p1), point(p2), point(p3)});
        current = new Point2D.Float((float) p0.getX(), (float) p0.getY());
    }

    @Override
    public void drawImage(PDImage pdImage) {
        images++;
    }

    @Override
    public void clip(int windingRule) {
        // Clipping paths are not drawn.
    }

    @Override
    public void moveTo(float x, float y) {
        current = new Point2D.Float(x, y);
        subpathStart = current;
    }

    @Override
    public void lineTo(float x, float y) {
        float[] a = point(current);
        current = new Point2D.Float(x, y);
        float[] b = point(current);
        path.add(new float[]{a[0], a[1], b[0], b[1]});
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current = new Point2D.Float(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void closePath() {
        lineTo(subpathStart.x, subpathStart.y);
    }

    @Override
    public void endPath() {
        clear();
    }

    @Override
    public void strokePath() {
        for (float[] s : path) addLine(s[0], s[1], s[2], s[3]);
        for (float[][] r : rectangles) {
            for (int i = 0; i < 4; i++) addLine(r[i][0], r[i][1], r[(i + 1) % 4][0], r[(i + 1) % 4][1]);
        }
        clear();
    }

    @Override
    public void fillPath(int windingRule) {
        for (float[][] r : rectangles) {
            float x0 = Math.min(Math.min(r[0][0], r[1][0]), Math.min(r[2][0], r[3][0]));
            float x1 = Math.max(Math.max(r[0][0], r[1][0]), Math.max(r[2][0], r[3][0]));
            float y0 = Math.min(Math.min(r[0][1], r[1][1]), Math.min(r[2][1], r[3][1]));
            float y1 = Math.max(Math.max(r[0][1], r[1][1]), Math.max(r[2][1], r[3][1]));
            if (y1 - y0 <= THIN) addLine(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
            else if (x1 - x0 <= THIN) addLine((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
        }
        clear();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        strokePath();
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // Shadings are backgrounds, not borders.
    }

    private void addLine(float x0, float y0, float x1, float y1) {
        boolean straight = Math.abs(x0 - x1) < 0.5f || Math.abs(y0 - y1) < 0.5f;
        if (!straight) return;
        PdfRuling r = PdfRuling.of(x0, y0, x1, y1);
        if (r.length() >= MIN_LENGTH) rulings.add(r);
    }

    private void clear() {
        path.clear();
        rectangles.clear();
    }

    /** PDF user space (y up from the bottom) to page space (y down from the top of the crop box). */
    private float[] point(Point2D p) {
        return new float[]{(float) p.getX() - originX, height - ((float) p.getY() - originY)};
    }
}
