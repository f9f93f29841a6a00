package io.selfeval.read;

import io.selfeval.document.Document;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.SAXException;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an .xlsx/.xlsm without building POI's user model (which parses every part into an XML object tree): the
 * workbook part for the sheets and their order, the shared strings and styles with POI's event API, and each visible
 * sheet in one StAX pass ({@link SheetPart}). The document is the one the user model gives ({@link StreamedSheet}
 * says where a number shows as Excel shows it); a workbook with a formula saved without its result is left to the
 * user model, whose evaluator works it out ({@link #read} says so by returning null).
 */
final class StreamingXlsxReader {
    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** The relationships whose parts the user model reads as sheets (XSSFSheet and its chart-sheet subclass). */
    private static final Set<String> SHEET_RELATIONS = Set.of(XSSFRelation.WORKSHEET.getRelation(), XSSFRelation.CHARTSHEET.getRelation());

    private StreamingXlsxReader() {
    }

    /** A {@code <sheet>} of the workbook part. */
    private record SheetEntry(String name, String state, String relationId) {
        boolean visible() {
            return state == null || state.equals("visible");
        }
    }

    /** The document, or null when a formula must be evaluated. */
    static Document read(OPCPackage pkg, String file) throws IOException, UnreadableException {
        XSSFReader reader;
        PackagePart workbook;
        try {
            reader = new XSSFReader(pkg);
            workbook = pkg.getPart(pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0));
        } catch (OpenXML4JException e) {
            throw new UnreadableException("Excel 文件已损坏，无法打开（压缩包结构无效）", e);
        }
        List<SheetEntry> sheets = new ArrayList<>();
        boolean date1904;
        try (InputStream in = workbook.getInputStream()) {
            date1904 = sheets(in, sheets);
        }
        StreamedSheet.Workbook book = new StreamedSheet.Workbook(sharedStrings(pkg), styles(reader), date1904,
                new DataFormatter(Locale.CHINA));
        BlockBuilder out = new BlockBuilder();
        for (SheetEntry entry : sheets) {
            if (!entry.visible()) continue;
            PackagePart part = sheetPart(workbook, entry);
            if (part == null) continue; // the user model skips a sheet whose part is missing too
            SheetPart cells;
            try (InputStream in = part.getInputStream()) {
                cells = SheetPart.read(in);
            }
            StreamedSheet sheet = new StreamedSheet(entry.name(), cells, book);
            if (sheet.needsEvaluation()) return null;
            new SheetLayout(sheet, file).read(out);
        }
        return out.build(file);
    }

    private static PackagePart sheetPart(PackagePart workbook, SheetEntry entry) throws IOException {
        if (entry.relationId() == null) return null;
        try {
            PackageRelationship rel = workbook.getRelationship(entry.relationId());
            if (rel == null || rel.getTargetMode() == TargetMode.EXTERNAL || !SHEET_RELATIONS.contains(rel.getRelationshipType())) {
                return null;
            }
            // null when the part is missing (a damaged file): the user model skips such a sheet too
            return workbook.getPackage().getPart(PackagingURIHelper.createPartName(rel.getTargetURI()));
        } catch (InvalidFormatException e) {
            throw new IOException("工作表“" + entry.name() + "”无法打开：" + e.getMessage(), e);
        }
    }

    private static SharedStrings sharedStrings(OPCPackage pkg) throws IOException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) return null;
        try {
            return new QuietSharedStrings(parts.get(0));
        } catch (SAXException e) {
            throw new IOException("共享字符串表无法解析：" + e.getMessage(), e);
        }
    }

    /** The styles, or the default ones the user model makes up when the file has none. */
    private static StylesTable styles(XSSFReader reader) throws IOException {
        try {
            StylesTable styles = reader.getStylesTable();
            return styles != null ? styles : new StylesTable();
        } catch (InvalidFormatException e) {
            throw new IOException("样式表无法解析：" + e.getMessage(), e);
        }
    }

    /** The workbook part's sheets, in order, into {@code out}; whether dates count from 1904. */
    private static boolean sheets(InputStream in, List<SheetEntry> out) throws IOException {
        boolean date1904 = false;
        try {
            XMLStreamReader x = XmlParts.reader(in);
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT) continue;
                if (x.getLocalName().equals("workbookPr")) {
                    String v = x.getAttributeValue(null, "date1904");
                    date1904 = v != null && (v.strip().equals("1") || v.strip().equals("true"));
                } else if (x.getLocalName().equals("sheet")) {
                    out.add(new SheetEntry(x.getAttributeValue(null, "name"), x.getAttributeValue(null, "state"),
                            x.getAttributeValue(RELATIONSHIPS_NS, "id")));
                }
            }
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("工作簿 XML 无法解析：" + e.getMessage(), e);
        }
        return date1904;
    }
}
