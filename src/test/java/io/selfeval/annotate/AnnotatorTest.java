package io.selfeval.annotate;

import io.selfeval.check.Checker;
import io.selfeval.fixtures.OfficeRenderings;
import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.Submission;
import io.selfeval.read.Submissions;
import io.selfeval.testing.Checks;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The marked-up copies a unit receives, from the seeds rendered as Word and Excel files: one comment per finding
 * plus the summary, each in the paragraph or cell that holds the finding's excerpt, the originals untouched.
 */
class AnnotatorTest {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    @TempDir
    Path dir;

    static Stream<String> seeds() {
        return OfficeRenderings.seedIds().stream();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyFindingOfAWordReportIsCommentedWhereItsExcerptIs(String seed) throws IOException {
        Path docx = OfficeRenderings.docx(seed, dir.resolve("in"));
        byte[] before = Files.readAllBytes(docx);
        Annotated a = annotate(docx);

        assertArrayEquals(before, Files.readAllBytes(docx), "the original is never modified");
        assertEquals(1, a.written.size(), () -> "one copy: " + a.written);
        Annotator.Written w = a.written.get(0);
        assertEquals(null, w.error());
        assertTrue(w.name().endsWith(OfficeRenderings.seedName(seed) + "（审核意见）.docx"), w.name());

        List<Finding> findings = Annotator.findingsOf(a.result, a.result.getFiles().get(0), true);
        assertFalse(findings.isEmpty(), "every seed has findings");
        try (InputStream in = Files.newInputStream(w.path()); XWPFDocument doc = new XWPFDocument(in)) {
            List<XWPFComment> comments = doc.getDocComments().getComments();
            assertEquals(findings.size() + 1, comments.size(), "one comment per finding plus the summary");
            assertTrue(comments.get(0).getText().startsWith("【审核意见汇总】"), comments.get(0).getText());
            assertTrue(comments.get(0).getText().contains("考核得分"), comments.get(0).getText());
            assertEquals(Annotator.DEFAULT_AUTHOR, comments.get(0).getAuthor());
            String title = paragraphText(rangeParagraph(doc, comments.get(0).getId()));
            assertFalse(title.isBlank(), "the summary sits on the title");

            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                XWPFComment c = comments.get(i + 1);
                assertTrue(c.getText().contains(CommentTexts.oneLine(f.getMessage())),
                        () -> f.getCode() + ": comment " + c.getText());
                XmlObject p = rangeParagraph(doc, c.getId());
                assertNotNull(p, () -> f.getCode() + ": no range for comment " + c.getId());
                String excerpt = f.getLocation() == null ? null : f.getLocation().getExcerpt();
                if (excerpt == null) continue;
                String where = flat(excerpt.contains("｜") ? rowText(p) : containerText(p));
                assertTrue(holdsExcerpt(where, excerpt),
                        () -> f.getCode() + " excerpt «" + excerpt + "» not in the commented paragraph/cell «" + where + "»");
            }
        }
    }

    /** LibreOffice opens every seed's marked-up copy: it converts each to PDF and says nothing on stderr. */
    @Tag("slow") // LibreOffice
    @Test
    void libreOfficeOpensTheMarkedUpCopies() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        Assumptions.assumeTrue(Files.isExecutable(soffice), "LibreOffice (libreoffice-writer-nogui) is not installed; .ci/run installs it");
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", dir.resolve("pdf").toString()));
        List<String> names = new ArrayList<>();
        for (String seed : OfficeRenderings.seedIds()) {
            Annotator.Written w = annotate(OfficeRenderings.docx(seed, dir.resolve("in"))).written.get(0);
            command.add(w.path().toString());
            names.add(w.path().getFileName().toString().replace(".docx", ".pdf"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "soffice finished");
        assertEquals(0, p.exitValue(), output);
        assertFalse(output.toLowerCase(java.util.Locale.ROOT).contains("error"), output);
        for (String name : names) {
            Path pdf = dir.resolve("pdf").resolve(name);
            assertTrue(Files.isRegularFile(pdf) && Files.size(pdf) > 1000, () -> "no PDF " + pdf + ": " + output);
        }
    }

    @Test
    void aWorkbookAttachmentGetsCellCommentsOnTheCellsTheFindingsName() throws IOException {
        Path folder = OfficeRenderings.folder("000", dir.resolve("in"));
        Path xlsx = folder.resolve(OfficeRenderings.WORKBOOK_NAME);
        byte[] before = Files.readAllBytes(xlsx);
        Annotated a = annotate(folder);
        assertArrayEquals(before, Files.readAllBytes(xlsx), "the original workbook is never modified");

        Annotator.Written book = a.written.stream().filter(w -> w.name().endsWith("附表（审核意见）.xlsx")).findFirst().orElseThrow();
        int onCells = 0;
        try (InputStream in = Files.newInputStream(book.path()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Finding f : a.result.getFindings()) {
                if (f.getLocation() == null || f.getLocation().getCell() == null) continue;
                var cell = wb.getSheet(f.getLocation().getSheet()).getRow(new org.apache.poi.ss.util.CellReference(
                        f.getLocation().getCell()).getRow()).getCell(new org.apache.poi.ss.util.CellReference(f.getLocation().getCell()).getCol());
                Comment comment = cell.getCellComment();
                assertNotNull(comment, () -> f.getCode() + ": no comment on " + f.getLocation().getSheetCell());
                assertTrue(comment.getString().getString().contains(CommentTexts.oneLine(f.getMessage())),
                        () -> f.getCode() + " at " + f.getLocation().getSheetCell() + ": " + comment.getString().getString());
                assertEquals(Annotator.DEFAULT_AUTHOR, comment.getAuthor());
                onCells++;
            }
        }
        assertTrue(onCells > 0, "seed 000 has findings on workbook cells (AMT_SUM_MISMATCH in 附表)");
    }

    @Test
    void aTextReportBecomesANewWordDocumentWithItsComments() throws IOException {
        Path txt = dir.resolve("in").resolve("甲单位.txt");
        Files.createDirectories(txt.getParent());
        Files.copy(OfficeRenderings.seedFile("002"), txt);
        Annotated a = annotate(txt);
        Annotator.Written w = a.written.get(0);
        assertTrue(w.name().endsWith("甲单位（审核意见）.docx"), w.name());
        try (InputStream in = Files.newInputStream(w.path()); XWPFDocument doc = new XWPFDocument(in)) {
            assertTrue(doc.getParagraphs().size() > 20, "the report's text is in the new document");
            int findings = Annotator.findingsOf(a.result, a.result.getFiles().get(0), true).size();
            assertEquals(findings + 1, doc.getDocComments().getComments().size());
        }
    }

    /** The Word 97–2003 fixture folder: the .doc report as a new .docx, the .xls attachment as an .xlsx, both commented. */
    @Test
    void legacyOfficeFilesComeBackInTheCurrentFormats() throws IOException {
        Path folder = Path.of("fixtures/office/000_0c4b3fbed2722708");
        byte[] doc = Files.readAllBytes(folder.resolve("自评报告.doc"));
        byte[] xls = Files.readAllBytes(folder.resolve("附表.xls"));
        Annotated a = annotate(folder);
        assertArrayEquals(doc, Files.readAllBytes(folder.resolve("自评报告.doc")));
        assertArrayEquals(xls, Files.readAllBytes(folder.resolve("附表.xls")));
        Annotator.Written report = a.written.stream().filter(w -> w.name().endsWith("自评报告（审核意见）.docx")).findFirst().orElseThrow();
        Annotator.Written book = a.written.stream().filter(w -> w.name().endsWith("附表（审核意见）.xlsx")).findFirst().orElseThrow();
        try (InputStream in = Files.newInputStream(report.path()); XWPFDocument d = new XWPFDocument(in)) {
            int findings = Annotator.findingsOf(a.result, a.result.getFiles().get(0), true).size();
            assertEquals(findings + 1, d.getDocComments().getComments().size());
        }
        try (InputStream in = Files.newInputStream(book.path()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            int comments = 0;
            for (int i = 0; i < wb.getNumberOfSheets(); i++) comments += wb.getSheetAt(i).getCellComments().size();
            assertTrue(comments > 0, "the converted workbook carries the attachment's findings");
        }
    }

    @Test
    void anUnreadableFileGetsNoCopy() throws IOException {
        Path broken = dir.resolve("in").resolve("坏文件.docx");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "not a zip");
        assertTrue(annotate(broken).written.isEmpty());
    }

    @Test
    void namesKeepTheirFoldersAndTakeTheCopysExtension() {
        assertEquals("全县/乙单位/自评报告（审核意见）.docx", Annotator.outputName("全县/乙单位/自评报告.doc"));
        assertEquals("附表（审核意见）.xlsx", Annotator.outputName("附表.xls"));
        assertEquals("包/a/b（审核意见）.docx", Annotator.outputName("包.zip!/a/b.txt"));
        assertEquals("x（审核意见）.docx", Annotator.outputName("../../x.docx"));
    }

    private record Annotated(SubmissionResult result, List<Annotator.Written> written) {
    }

    private Annotated annotate(Path path) {
        try (Submissions all = new Submissions()) {
            List<Submission> subs = all.collect(path, p -> false);
            assertEquals(1, subs.size());
            SubmissionResult r = new Checker(Checks.rules()).check(subs.get(0));
            return new Annotated(r, new Annotator(null).annotate(subs.get(0), r, dir.resolve("out")));
        }
    }

    /** The w:p holding the commentRangeStart of this id. */
    private static XmlObject rangeParagraph(XWPFDocument doc, String id) {
        try (XmlCursor c = doc.getDocument().getBody().newCursor()) {
            while (!c.toNextToken().isEnddoc()) {
                if (c.isStart() && c.getName().getLocalPart().equals("commentRangeStart")
                        && id.equals(c.getAttributeText(new javax.xml.namespace.QName(W, "id")))) {
                    c.toParent();
                    return c.getObject();
                }
            }
        }
        return null;
    }

    /** The text of the cell holding the paragraph, else of the paragraph. */
    private static String containerText(XmlObject p) {
        try (XmlCursor c = p.newCursor()) {
            if (c.toParent() && c.getName().getLocalPart().equals("tc")) return paragraphText(c.getObject());
        }
        return paragraphText(p);
    }

    /** The text of the table row holding the paragraph (a row finding's excerpt sums up its row). */
    private static String rowText(XmlObject p) {
        try (XmlCursor c = p.newCursor()) {
            assertTrue(c.toParent() && c.getName().getLocalPart().equals("tc"), "a row finding is commented in a cell");
            assertTrue(c.toParent() && c.getName().getLocalPart().equals("tr"));
            return paragraphText(c.getObject());
        }
    }

    private static String paragraphText(XmlObject o) {
        List<String> ts = new ArrayList<>();
        try (XmlCursor c = o.newCursor()) {
            XmlCursor.TokenType t;
            int depth = 0;
            while (!(t = c.toNextToken()).isEnddoc()) {
                if (t.isStart()) depth++;
                if (t.isEnd() && --depth < 0) break;
                if (t.isStart() && c.getName().getLocalPart().equals("t")) ts.add(c.getTextValue());
            }
        }
        return String.join("", ts);
    }

    private static boolean holdsExcerpt(String where, String excerpt) {
        if (excerpt.contains("｜")) {
            // "指标值 ≦80万元 ｜ 实际 90万元 ｜ 分值 10 ｜ 得分 8": each labelled value is in the row.
            for (String piece : excerpt.split("｜")) {
                String value = piece.strip().replaceFirst("^\\S+\\s+", "");
                if (!where.contains(flat(value))) return false;
            }
            return true;
        }
        for (String piece : excerpt.split("…")) {
            String core = flat(piece);
            if (core.length() >= 2 && where.contains(core)) return true;
        }
        return flat(excerpt).isEmpty();
    }

    private static String flat(String s) {
        return s.replaceAll("[\\s\u3000]", "");
    }
}
