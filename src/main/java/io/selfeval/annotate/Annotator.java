package io.selfeval.annotate;

import io.selfeval.document.Document;
import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.Formats;
import io.selfeval.read.Readers;
import io.selfeval.read.Submission;
import io.selfeval.read.UnreadableException;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The marked-up copies a unit gets back: for each Word or Excel file of a checked submission, a copy with a comment
 * (批注) at every finding, and the review summary on the report's title. A .doc or .txt report becomes a new .docx,
 * an .xls workbook an .xlsx. The originals are only read (into memory), never written. A submission that could not
 * be read or is not a self-evaluation report gets no copy, nor does a file of it that could not be read.
 */
public final class Annotator {
    private static final Logger LOG = LoggerFactory.getLogger(Annotator.class);

    /** Who the comments are from, unless told otherwise. */
    public static final String DEFAULT_AUTHOR = "绩效自评审核";
    /** Added to a file's name: 自评报告.docx → 自评报告（审核意见）.docx. */
    public static final String SUFFIX = "（审核意见）";

    /** One copy written: its path relative to the output folder, where it is; or why it could not be written. */
    public record Written(String name, Path path, String error) {
    }

    private final String author;

    public Annotator(String author) {
        this.author = author == null || author.isBlank() ? DEFAULT_AUTHOR : author.strip();
    }

    /** Writes the copies of one submission's files under {@code dir}, folders as in the files' names. */
    public List<Written> annotate(Submission submission, SubmissionResult result, Path dir) {
        List<Written> out = new ArrayList<>();
        if (!annotatable(result)) return out;
        List<Submission.File> files = submission.files();
        for (int i = 0; i < files.size(); i++) {
            Submission.File file = files.get(i);
            if (unreadable(result, file.name())) continue;
            List<Finding> mine = findingsOf(result, file.name(), i == 0);
            String name = outputName(file.name());
            if (name == null) continue;
            Path target = dir.resolve(name);
            try {
                write(file, mine, i == 0 ? CommentTexts.summary(result) : null, i == 0, target);
                out.add(new Written(name, target, null));
            } catch (IOException | UnreadableException | RuntimeException e) {
                LOG.debug("批注 {} 失败", file.name(), e);
                out.add(new Written(name, null, "无法生成批注版：" + e.getMessage()));
            }
        }
        return out;
    }

    /** Neither unreadable as a whole nor something other than a report. */
    static boolean annotatable(SubmissionResult r) {
        for (Finding f : r.getFindings()) {
            if ("PARSE_UNRECOGNIZED".equals(f.getCode())) return false;
            if ("PARSE_UNREADABLE".equals(f.getCode()) && !f.getEvidence().containsKey("file")) return false;
        }
        return !r.getFindings().isEmpty() || r.getReview() != null;
    }

    private static boolean unreadable(SubmissionResult r, String file) {
        return r.getFindings().stream().anyMatch(f -> "PARSE_UNREADABLE".equals(f.getCode())
                && file.equals(f.getEvidence().get("file")));
    }

    /** The findings placed in this file (those naming no file belong to the report, the first). */
    static List<Finding> findingsOf(SubmissionResult r, String file, boolean first) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : r.getFindings()) {
            if (f.getCode() != null && f.getCode().startsWith("PARSE_")) continue;
            Location loc = f.getLocation();
            String at = loc == null ? null : loc.getFile();
            if (at == null ? first : at.equals(file)) out.add(f);
        }
        return out;
    }

    private void write(Submission.File file, List<Finding> findings, List<String> summary, boolean first, Path target)
            throws IOException, UnreadableException {
        Document read = Readers.read(file.path(), file.name());
        byte[] original = Files.readAllBytes(file.path());
        Formats.Kind kind = Formats.detect(file.path());
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".selfeval-", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                switch (kind) {
                    case DOCX -> {
                        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(original))) {
                            WordAnnotator.annotate(doc, read, findings, summary, first, author);
                            doc.write(os);
                        }
                    }
                    case XLSX, XLS -> {
                        try (Workbook opened = WorkbookFactory.create(new ByteArrayInputStream(original));
                             Workbook wb = opened instanceof XSSFWorkbook ? opened : XlsToXlsx.convert(opened)) {
                            WorkbookAnnotator.annotate(wb, read, findings, summary, first, author);
                            wb.write(os);
                        }
                    }
                    default -> {
                        GeneratedDocx generated = new GeneratedDocx(read);
                        try (XWPFDocument doc = generated.document()) {
                            WordAnnotator.annotate(doc, generated.anchored(), findings, summary, first, author);
                            doc.write(os);
                        }
                    }
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * "全县/乙单位/自评报告（审核意见）.docx" for the file "全县/乙单位/自评报告.doc": the name's folders kept (an archive
     * "x.zip!/a/b.docx" as "x/a/…"; no root, no ".."), the extension the copy's format has; null for a name
     * that leaves nothing.
     */
    static String outputName(String name) {
        String n = name.replace('\\', '/').replaceAll("(?i)\\.zip!/", "/");
        List<String> parts = new ArrayList<>();
        for (String p : n.split("/")) {
            if (p.isEmpty() || p.equals(".") || p.equals("..") || p.endsWith(":")) continue;
            parts.add(p);
        }
        if (parts.isEmpty()) return null;
        String file = parts.remove(parts.size() - 1);
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String ext = dot > 0 ? file.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        String outExt = switch (ext) {
            case "xlsx", "xls" -> "xlsx";
            case "xlsm" -> "xlsm";
            case "docm" -> "docm";
            default -> "docx";
        };
        parts.add(stem + SUFFIX + "." + outExt);
        return String.join("/", parts);
    }
}
