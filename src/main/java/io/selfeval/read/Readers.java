package io.selfeval.read;

import io.selfeval.document.Cancellation;
import io.selfeval.document.Document;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads any supported file into the neutral document, choosing the reader by content ({@link Formats}), and turns
 * every way a file can fail (damaged, truncated, empty, encrypted, too big, a zip bomb, the wrong type behind a
 * familiar extension) into an {@link UnreadableException} with a reason in Chinese for the reviewer.
 */
public final class Readers {
    private static final Logger LOG = LoggerFactory.getLogger(Readers.class);

    /** No real report comes near this; a bigger file is refused before it is opened. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private static final TextReader TEXT = new TextReader();
    private static final DocxReader DOCX = new DocxReader();
    private static final DocReader DOC = new DocReader();
    private static final WorkbookReader WORKBOOK = new WorkbookReader();
    private static final PdfReader PDF = new PdfReader();
    private static final HtmlReader HTML = new HtmlReader();
    private static final List<DocumentReader> BY_NAME = List.of(TEXT, DOCX, DOC, WORKBOOK, PDF, HTML);

    static {
        Formats.init();
    }

    private Readers() {
    }

    /** Whether the file's name is one a submission is made of: a report, a workbook or a .zip of them. */
    public static boolean isSupported(Path file) {
        return isArchiveName(file) || BY_NAME.stream().anyMatch(r -> r.accepts(file));
    }

    /** .xlsx, .xls and the like: the attachment workbooks of a folder submission. */
    public static boolean isWorkbookName(Path file) {
        return WORKBOOK.accepts(file);
    }

    public static boolean isArchiveName(Path file) {
        return extension(file).equals("zip");
    }

    public static Document read(Path file) throws UnreadableException {
        return read(file, file.toString());
    }

    /** Reads one file; {@code name} is how the reviewer knows it. Never throws anything but UnreadableException. */
    public static Document read(Path file, String name) throws UnreadableException {
        Formats.Kind kind = Formats.Kind.UNKNOWN;
        try {
            if (!Files.isRegularFile(file)) throw new UnreadableException("文件不存在或不是普通文件");
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new UnreadableException("文件过大（" + size / (1024 * 1024) + " MB），超过 " + MAX_FILE_BYTES / (1024 * 1024) + " MB 上限");
            }
            kind = Formats.detect(file);
            return switch (kind) {
                case EMPTY -> throw new UnreadableException("文件为空（0字节）");
                case DOCX -> DOCX.read(file, name);
                case DOC -> DOC.read(file, name);
                case XLSX -> WorkbookReader.readXlsx(file, name);
                case XLS -> WORKBOOK.read(file, name);
                case PDF -> PDF.read(file, name);
                case HTML -> HTML.read(file, name, false);
                case MHT -> HTML.read(file, name, true);
                case UNKNOWN, TEXT -> readText(file, name);
                default -> throw new UnreadableException(notSupported(kind, file));
            };
        } catch (UnreadableException | Cancellation.CancelledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new UnreadableException("文件内容过大或结构异常，读取时内存不足", e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            LOG.debug("读取 {} 失败", name, e);
            throw new UnreadableException(reason(e, kind, file), e);
        }
    }

    private static Document readText(Path file, String name) throws IOException, UnreadableException {
        try {
            return TEXT.read(file, name);
        } catch (UnreadableException e) {
            String ext = extension(file);
            if (!TEXT.accepts(file) && !ext.isEmpty()) {
                throw new UnreadableException("文件已损坏或不是" + expected(file) + "：扩展名为 ." + ext + "，但内容无法识别", e);
            }
            throw e;
        }
    }

    /** Why a recognised but unsupported kind of file is not read, and what to send instead. */
    static String notSupported(Formats.Kind kind, Path file) {
        String ext = extension(file);
        String named = ext.isEmpty() ? "" : "（扩展名为 ." + ext + "）";
        return switch (kind) {
            case ENCRYPTED_OOXML -> "文件设有打开密码（已加密），无法读取；请去除密码后重新提交";
            case IMAGE -> "文件内容是" + imageName(file) + "图片，不是 Word、Excel 或文本文件" + named;
            case RTF -> "RTF 格式暂不支持" + named + "，请在 Word 中另存为 .docx 后提交";
            case XML -> "文件是 XML 格式（如 Word 2003 XML）" + named + "，请在 Word 中另存为 .docx 后提交";
            case OLD_OFFICE -> "文件是过旧的 Word/Excel 格式" + named + "，请另存为 .docx 或 .xlsx 后提交";
            case PPT -> "文件是 PowerPoint 演示文稿" + named + "，不是 Word、Excel 或文本文件";
            case ODF -> "OpenDocument 格式（.odt/.ods）暂不支持" + named + "，请另存为 .docx 或 .xlsx 后提交";
            case RAR, SEVEN_ZIP -> "RAR/7z 压缩包暂不支持" + named + "，请改用 .zip，或解压后提交文件夹";
            case ZIP -> "文件是普通压缩包，不是 Word 或 Excel 文件" + named;
            case OLE2_OTHER -> "文件是无法识别的 Office 复合文档，不是 Word 或 Excel 文件" + named;
            default -> "不支持的文件类型" + named;
        };
    }

    /** The reason for a reader's failure, from the exception and what kind of file it was. */
    static String reason(Throwable e, Formats.Kind kind, Path file) {
        String what = switch (kind) {
            case DOCX, DOC -> "Word 文件";
            case PDF -> "PDF 文件";
            case HTML, MHT -> "网页文件";
            case XLSX, XLS -> "Excel 文件";
            default -> "文件";
        };
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof EncryptedDocumentException || m.contains("password") || m.contains("encrypted")) {
                return what + "设有密码保护（已加密），无法读取；请去除密码后重新提交";
            }
            if (m.contains("Zip bomb") || m.contains("ZipSecureFile") || m.contains("potentially malicious")
                    || m.contains("exceed the max")) {
                return what + "解压后体积异常（疑似压缩炸弹），已拒绝读取";
            }
            if (t instanceof EOFException || m.contains("Unexpected end") || m.contains("truncated")) {
                return what + "不完整（可能在下载或复制时被截断），无法读取";
            }
            if (m.matches("(?s).*Block \\d+ not found.*") || m.contains("Invalid header signature")) {
                return what + "内部结构损坏（文件不完整，或由 WPS 等软件保存时出错），无法读取；" + resave(kind) + "后重新提交";
            }
            if (m.contains("Strict OOXML")) {
                return what + "是“Strict Open XML”格式，暂不支持；请在 Word/Excel 中另存为普通 .docx/.xlsx 后重新提交";
            }
        }
        if (e instanceof StackOverflowError) return what + "结构嵌套过深，无法读取";
        return what + "已损坏或格式无效，无法读取";
    }

    /** What to do with a damaged file of this kind: save it again with the program it belongs to. */
    static String resave(Formats.Kind kind) {
        return switch (kind) {
            case XLSX, XLS -> "请用 Excel 或 WPS 表格打开并另存为 .xlsx ";
            case DOCX, DOC -> "请用 Word 或 WPS 文字打开并另存为 .docx ";
            default -> "请用原来的软件打开并另存为 .docx 或 .xlsx ";
        };
    }

    private static String expected(Path file) {
        return isWorkbookName(file) ? " Excel 文件" : DOC.accepts(file) || DOCX.accepts(file) ? " Word 文件" : "可读取的文件";
    }

    private static String imageName(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return switch (FileMagic.valueOf(in.readNBytes(16))) {
                case PNG -> " PNG ";
                case JPEG -> " JPEG ";
                case GIF -> " GIF ";
                case BMP -> " BMP ";
                case TIFF -> " TIFF ";
                default -> "";
            };
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String extension(Path file) {
        Path n = file.getFileName();
        if (n == null) return "";
        String s = n.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 || dot == s.length() - 1 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
