package io.selfeval.read;

import io.selfeval.bench.Corpus;
import io.selfeval.bench.Damage;
import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import io.selfeval.fixtures.OfficeRenderings;
import io.selfeval.fixtures.OfficeRenderings.WordFeatures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The streaming .docx reader ({@link DocxReader}) gives exactly the document the XWPF reader it replaced
 * ({@link XwpfDocxReader}) gave: the same blocks, texts, positions, sources and anchors, compared as a full dump.
 * Where they may differ, the difference is a fix and is named here:
 * <ul>
 *   <li>a damaged part the streaming reader does not read (a header, the footnotes, the numbering; XWPF parsed every
 *   part and refused the file) no longer makes the report unreadable: the report is read as it was before the
 *   damage;</li>
 *   <li>a text box holding a table with a cell inside custom XML (w:customXml): XWPF as shipped here cannot load it
 *   (it types every w:t of a run's pictures, and CTCustomXmlCell is not in poi-ooxml-lite) and refused the whole
 *   report; the streaming reader reads the box as the XWPF reader's walk meant to.</li>
 * </ul>
 */
@Tag("slow") // a generated corpus read twice
class DocxStreamingDifferentialTest {
    @TempDir
    Path dir;

    /** Every block, row and cell with every field, one per line, so that a difference shows where it is. */
    static String dump(Document d) {
        StringBuilder sb = new StringBuilder("file=" + d.file() + " cuts=" + d.cuts() + "\n");
        for (Block b : d.blocks()) {
            if (b instanceof Paragraph p) {
                sb.append("P ").append(p.line()).append(' ').append(p.source()).append(' ').append(p.anchor()).append(" |")
                        .append(p.text()).append("|\n");
            } else if (b instanceof Table t) {
                sb.append("T ").append(t.index()).append(' ').append(t.line()).append(' ').append(t.source()).append('\n');
                for (Row r : t.rows()) {
                    sb.append("  R ").append(r.line()).append('\n');
                    for (Cell c : r.cells()) {
                        sb.append("    C ").append(c.line()).append(' ').append(c.ref()).append(' ').append(c.anchor())
                                .append(" |").append(c.text().replace("\n", "\\n")).append("|\n");
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void assertSame(Path file) throws Exception {
        Document expected = new XwpfDocxReader().read(file);
        Document actual = new DocxReader().read(file);
        assertEquals(dump(expected), dump(actual), file::toString);
        assertEquals(expected, actual, file::toString);
    }

    @Test
    void theSeedsAsWordFilesWithAndWithoutNumberedHeadingsAndACoverTextBox() throws Exception {
        int n = 0;
        for (String id : OfficeRenderings.seedIds()) {
            // Only 002 and 003 number their headings 一、二、三… without gaps, as a Word list must.
            boolean numbered = id.equals("002") || id.equals("003");
            for (WordFeatures f : List.of(WordFeatures.PLAIN, new WordFeatures(false, true), new WordFeatures(numbered, false),
                    new WordFeatures(numbered, true))) {
                Path file = OfficeRenderings.docx(id, dir.resolve(f.numberedHeadings() + "-" + f.titleInTextBox()), f);
                assertSame(file);
                n++;
            }
            if (id.equals("002")) continue; // has no attachment table to split off as a workbook
            Path folder = OfficeRenderings.folder(id, dir.resolve("folder-" + id));
            try (Stream<Path> s = Files.walk(folder)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".docx")).toList()) {
                    assertSame(p);
                    n++;
                }
            }
        }
        assertTrue(n >= 20, "seeds compared: " + n);
    }

    @Test
    void theBenchCorpus() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Corpus.Stats stats = Corpus.generate(corpus, 40, 1);
        int n = 0;
        for (Path p : stats.files()) {
            if (!p.toString().endsWith(".docx")) continue;
            assertSame(p);
            n++;
        }
        assertEquals(20, n);
    }

    @Test
    void threeHundredRandomDocuments() throws Exception {
        int read = 0;
        for (long seed = 1; seed <= 300; seed++) {
            Path file = dir.resolve("random-" + seed + ".docx");
            RandomDocx.write(seed, file);
            assertSame(file);
            if (!new DocxReader().read(file).blocks().isEmpty()) read++;
            Files.delete(file);
        }
        assertTrue(read > 220, "most random documents have text: " + read);
    }

    /** Named fix: a text box holding a table with a cell in custom XML (XWPF types every w:t in a run's pictures). */
    @Test
    void aCustomXmlCellInATextBoxIsReadWhereXwpfRefusedTheFile() throws Exception {
        String box = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>"
                + "<w:customXml w:element=\"amount\"><w:tc><w:p><w:r><w:t>1253.78</w:t></w:r></w:p></w:tc></w:customXml></w:tr></w:tbl>";
        String body = "<w:p><w:r><w:t>封面</w:t></w:r><w:r><w:pict><v:shape id=\"t\"><v:textbox><w:txbxContent>" + box
                + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>";
        Path file = dir.resolve("custom.docx");
        Word.save(Word.withBody(body), file);
        Outcome xwpf = Outcome.of(() -> new XwpfDocxReader().read(file), file);
        assertTrue(xwpf.reason != null, "XWPF could not load it: " + xwpf);
        assertEquals(List.of("项目", "1253.78", "封面"), new DocxReader().read(file).paragraphs().stream().map(Paragraph::text).toList());
    }

    /** Every .docx/.docm committed (fixtures, test resources) and, when present beside the repository, the devset. */
    @Test
    void everyWordFileOnDisk() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("fixtures"), Path.of("src/test/resources"), Path.of("../shared/devset"))) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".docx") || p.toString().endsWith(".docm")).sorted().forEach(files::add);
            }
        }
        for (Path p : files) {
            if (Formats.detect(p) != Formats.Kind.DOCX) continue;
            Outcome xwpf = Outcome.of(() -> new XwpfDocxReader().read(p), p);
            Outcome streaming = Outcome.of(() -> new DocxReader().read(p), p);
            assertEquals(xwpf.toString(), streaming.toString(), p::toString);
        }
    }

    /**
     * Damaged copies (cut, bytes changed, a part cut, garbled or removed): both readers refuse them for the same reason,
     * or read the same document; or XWPF refused one for damage in a part the streaming reader does not read, and the
     * streaming reader gives the undamaged file's document (the named fix).
     */
    @Test
    void damagedFilesAreRefusedAlikeOrReadAsBeforeTheDamage() throws Exception {
        Random random = new Random(14);
        List<Path> good = new ArrayList<>();
        for (String id : List.of("002", "003")) good.add(OfficeRenderings.docx(id, dir.resolve("good-" + id), new WordFeatures(true, true)));
        int refusedAlike = 0, readAlike = 0, fixed = 0;
        for (int i = 0; i < 200; i++) {
            Path original = good.get(i % good.size());
            Damage.Damaged d = Damage.apply(Files.readAllBytes(original), random, 200_000);
            Path file = Files.write(dir.resolve("damaged-" + i + ".docx"), d.bytes());
            Outcome xwpf = Outcome.of(() -> new XwpfDocxReader().read(file, "f.docx"), file);
            Outcome streaming = Outcome.of(() -> new DocxReader().read(file, "f.docx"), file);
            if (xwpf.toString().equals(streaming.toString())) {
                if (xwpf.reason != null) refusedAlike++;
                else readAlike++;
            } else if (xwpf.reason != null && streaming.reason == null) {
                assertEquals(dump(new DocxReader().read(original, "f.docx")), streaming.toString(),
                        () -> d.kind() + " #" + file + ": XWPF refused it (" + xwpf.reason + ") and the streaming reader read something else");
                fixed++;
            } else {
                fail(d.kind() + " " + file + ":\nXWPF: " + xwpf + "\nstreaming: " + streaming);
            }
            Files.delete(file);
        }
        assertTrue(refusedAlike > 40 && readAlike > 5, "refused alike " + refusedAlike + ", read alike " + readAlike + ", fixed " + fixed);
    }

    /** POI's zip-bomb limit holds on the streamed part: a 4-million-character paragraph packs too tightly for it. */
    @Test
    void aParagraphPackedLikeAZipBombIsRefusedByBoth() throws Exception {
        Path file = dir.resolve("huge.docx");
        Word.save(Word.withBody("<w:p><w:r><w:t>" + "其中：基本支出12.3万元、".repeat(300_000) + "</w:t></w:r></w:p>"), file);
        Outcome xwpf = Outcome.of(() -> new XwpfDocxReader().read(file), file);
        Outcome streaming = Outcome.of(() -> new DocxReader().read(file), file);
        assertEquals("Word 文件解压后体积异常（疑似压缩炸弹），已拒绝读取", streaming.reason);
        assertEquals(xwpf.toString(), streaming.toString());
    }

    /** A reader's result as the reviewer would see it: the document's dump, or the Chinese reason it was refused. */
    private record Outcome(String document, String reason) {
        interface Read {
            Document read() throws Exception;
        }

        static Outcome of(Read read, Path file) {
            try {
                return new Outcome(dump(read.read()), null);
            } catch (UnreadableException e) {
                return new Outcome(null, e.getMessage());
            } catch (IOException | RuntimeException | StackOverflowError e) {
                return new Outcome(null, Readers.reason(e, Formats.Kind.DOCX, file));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public String toString() {
            return reason != null ? "refused: " + reason : document;
        }
    }
}
