package io.selfeval.read;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a file is, by its content (FileMagic and the parts inside it), never by its extension: a .docx renamed .doc
 * is still read as Word 2007+, a PNG named .docx is reported as a picture. Also sets POI's zip-bomb limits, once,
 * before any Office file is opened.
 */
public final class Formats {
    /** The kinds of file a submission may hold, and the ones recognised only to explain why they are not read. */
    public enum Kind {
        TEXT, DOCX, DOC, XLSX, XLS, ZIP,
        PDF, HTML, MHT, ENCRYPTED_OOXML, PPT, ODF, RTF, XML, OLD_OFFICE, IMAGE, RAR, SEVEN_ZIP, OLE2_OTHER, EMPTY, UNKNOWN
    }

    /** Largest part of an Office file or entry of an archive, unpacked. */
    static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    /** Most parts in an Office file. */
    static final long MAX_PARTS = 1000;
    /** Most characters of text in one XML part (POI's default; more draws a warning on every start). */
    static final long MAX_TEXT_CHARS = 10L * 1024 * 1024;
    /** Smallest compressed/unpacked ratio POI accepts: POI's own default, stated so nobody loosens it by accident. */
    static final double MIN_INFLATE_RATIO = 0.01;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(MAX_PARTS);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
    }

    private Formats() {
    }

    /** Sets the zip-bomb limits (by loading this class); call once at start-up. */
    public static void init() {
        // the static initializer does the work
    }

    public static Kind detect(Path file) throws IOException {
        if (Files.size(file) == 0) return Kind.EMPTY;
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'R' && head[1] == 'a' && head[2] == 'r' && head[3] == '!') return Kind.RAR;
        if (n >= 6 && head[0] == '7' && head[1] == 'z' && (head[2] & 0xff) == 0xBC && (head[3] & 0xff) == 0xAF) return Kind.SEVEN_ZIP;
        byte[] exact = n == head.length ? head : java.util.Arrays.copyOf(head, n);
        FileMagic magic = FileMagic.valueOf(exact);
        if (magic == FileMagic.UNKNOWN || magic == FileMagic.HTML || magic == FileMagic.XML) {
            Kind web = webKind(file);
            if (web != null) return web;
        }
        return switch (magic) {
            case OOXML -> zipKind(file);
            case OLE2 -> ole2Kind(file);
            case PDF -> Kind.PDF;
            case RTF -> Kind.RTF;
            case HTML -> Kind.HTML;
            case XML -> Kind.XML;
            case BIFF2, BIFF3, BIFF4, WORD2, MSWRITE -> Kind.OLD_OFFICE;
            case JPEG, GIF, PNG, TIFF, WMF, EMF, BMP -> Kind.IMAGE;
            default -> Kind.UNKNOWN;
        };
    }

    /**
     * A web page or a single-file save of one, by its first characters (after a byte-order mark and white space): a
     * MIME header naming multipart/related or text/html for .mht; a tag that only HTML has for a page. PDF's own
     * "%PDF-" signature may follow some junk bytes; FileMagic looks only at the start, so it is searched here too.
     */
    private static Kind webKind(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(2048);
        }
        String s = new String(start, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (s.indexOf("%PDF-") >= 0 && s.indexOf("%PDF-") < 1024) return Kind.PDF;
        String lower = s.replace("\0", "").toLowerCase(Locale.ROOT);
        if (lower.startsWith("\u00ef\u00bb\u00bf")) lower = lower.substring(3);
        String trimmed = lower.stripLeading();
        if ((trimmed.startsWith("mime-version:") || trimmed.startsWith("from:") || trimmed.startsWith("content-type:")
                || trimmed.startsWith("subject:") || trimmed.startsWith("date:"))
                && (lower.contains("multipart/related") || lower.contains("text/html"))) {
            return Kind.MHT;
        }
        if (trimmed.startsWith("<") && (trimmed.startsWith("<!doctype html") || lower.contains("<html")
                || lower.contains("<head") || lower.contains("<body") || lower.contains("<meta ")
                || lower.contains("<table") || lower.contains("<p>") || lower.contains("<div"))
                && !trimmed.startsWith("<?xml")) {
            return Kind.HTML;
        }
        if (trimmed.startsWith("<?xml") && lower.contains("<html")) return Kind.HTML;
        return null;
    }

    /** A zip file: Word, Excel, PowerPoint, OpenDocument, or a plain archive. */
    private static Kind zipKind(Path file) throws IOException {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        boolean ppt = false;
        boolean odf = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int seen = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements() && seen++ < 10_000; ) {
                String name = e.nextElement().getName();
                if (name.equals("[Content_Types].xml")) contentTypes = true;
                else if (name.startsWith("word/")) word = true;
                else if (name.startsWith("xl/")) excel = true;
                else if (name.startsWith("ppt/")) ppt = true;
                else if (name.equals("mimetype") || name.equals("content.xml")) odf = true;
            }
        } catch (java.util.zip.ZipException e) {
            // A damaged zip: the name says whose reader should report the damage; under any other name it is
            // simply not a file this tool reads (the text reader says so).
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".zip")) return Kind.ZIP;
            if (n.endsWith(".xlsx") || n.endsWith(".xlsm")) return Kind.XLSX;
            if (n.endsWith(".docx") || n.endsWith(".docm") || n.endsWith(".doc")) return Kind.DOCX;
            return Kind.UNKNOWN;
        }
        if (contentTypes && word) return Kind.DOCX;
        if (contentTypes && excel) return Kind.XLSX;
        if (contentTypes && ppt) return Kind.PPT;
        if (odf && !contentTypes) return Kind.ODF;
        return Kind.ZIP;
    }

    /** An OLE2 compound file: Word 97–2003, Excel 97–2003, an encrypted Word/Excel 2007+ file, or something else. */
    private static Kind ole2Kind(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) return Kind.ENCRYPTED_OOXML;
            if (root.hasEntry("WordDocument")) return Kind.DOC;
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) return Kind.XLS;
            if (root.hasEntry("PowerPoint Document")) return Kind.PPT;
            return Kind.OLE2_OTHER;
        } catch (IOException | RuntimeException e) {
            // Damaged inside: decide by name so the Word or Excel reader reports the damage in its terms.
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".xls") || n.endsWith(".et") || n.endsWith(".xlsx")) return Kind.XLS;
            if (n.endsWith(".doc") || n.endsWith(".wps") || n.endsWith(".dot") || n.endsWith(".docx")) return Kind.DOC;
            return Kind.OLE2_OTHER;
        }
    }
}
