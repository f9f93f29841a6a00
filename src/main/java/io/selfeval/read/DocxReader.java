package io.selfeval.read;

import io.selfeval.document.Document;
import io.selfeval.document.SourceRef;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.TargetMode;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a Word 2007+ file (.docx, .docm) into the neutral document in one streaming pass (StAX) over the package's
 * main part, {@code word/document.xml}; {@code word/styles.xml} is read only when a paragraph names a style (to know
 * the table-of-contents styles). POI opens the package ({@link OPCPackage}, which keeps POI's zip-bomb limits) and
 * {@link PartSizes} refuses oversized parts, but no XWPF model is built: that model cost seven times what reading the
 * text does. What is read and how is {@link DocxBody}'s; it gives exactly the document the XWPF reader gave
 * ({@code DocxStreamingDifferentialTest}).
 *
 * <p>Other parts (headers, footers, footnotes, comments, numbering) are not read, so damage in one of them no longer
 * makes the report unreadable, as it did when XWPF parsed every part. A Strict OOXML file is refused as before.
 */
public final class DocxReader implements DocumentReader {
    private static final String STYLES_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

    static {
        Formats.init();
    }

    @Override
    public boolean accepts(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".docx") || n.endsWith(".docm");
    }

    @Override
    public Document read(Path file, String name) throws IOException, UnreadableException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException e) {
            throw new UnreadableException("Word 文件已损坏，无法打开（压缩包结构无效）", e);
        }
        try {
            PartSizes.check(pkg, "Word 文件");
            PackagePart main = mainPart(pkg);
            DocxStyles styles = new DocxStyles(() -> stylesPart(main));
            try (InputStream in = main.getInputStream()) {
                return new DocxBody(in, styles, SourceRef.office(name, null)).read(name);
            } catch (XMLStreamException e) {
                throw new IOException("Word 正文 XML 无效：" + e.getMessage(), e);
            }
        } finally {
            pkg.revert();
        }
    }

    /** The main document part, found as POI finds it (the same failures, worded the same way by {@link Readers}). */
    private static PackagePart mainPart(OPCPackage pkg) throws IOException {
        PackageRelationship rel = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0);
        if (rel != null) {
            PackagePart part = pkg.getPart(rel);
            if (part == null) throw new IOException("OOXML file structure broken/invalid - core document '" + rel.getTargetURI() + "' not found.");
            return part;
        }
        if (pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT).getRelationship(0) != null) {
            throw new IOException("Strict OOXML isn't currently supported");
        }
        throw new IOException("OOXML file structure broken/invalid - no core document found!");
    }

    /** The styles part the document names (the last one, as XWPF took it), or null. */
    private static PackagePart stylesPart(PackagePart main) {
        PackagePart styles = null;
        try {
            for (PackageRelationship rel : main.getRelationshipsByType(STYLES_RELATION)) {
                if (rel.getTargetMode() == TargetMode.EXTERNAL) continue;
                PackagePart p = main.getRelatedPart(rel);
                if (p != null) styles = p;
            }
        } catch (InvalidFormatException | RuntimeException e) {
            return null;
        }
        return styles;
    }
}
