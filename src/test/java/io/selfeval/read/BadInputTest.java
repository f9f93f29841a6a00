package io.selfeval.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.check.Checker;
import io.selfeval.cli.Main;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input gives a PARSE_* finding with a reason in Chinese, and the batch goes on. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path goodDocx() throws Exception {
        return Word.of(TextReader.parse("r", Reports.complete()), dir.resolve("good-" + System.nanoTime() + ".docx"));
    }

    private static String unreadable(Path file) {
        SubmissionResult r = Checks.file(file);
        assertTrue(r.isUnreadable(), () -> file + " should be unreadable:\n" + Checks.dump(r));
        assertEquals(1, r.getFindings().size());
        assertEquals("PARSE_UNREADABLE", r.getFindings().get(0).getCode());
        assertTrue(r.getError().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                () -> "reason in Chinese: " + r.getError());
        return r.getError();
    }

    /** Files broken each in its own way, with a word their reason must contain. */
    private List<Object[]> brokenFiles() throws Exception {
        Path good = goodDocx();
        byte[] bytes = Files.readAllBytes(good);

        Path empty = Files.createFile(dir.resolve("空.docx"));
        Path truncated = Files.write(dir.resolve("截断.docx"), Arrays.copyOf(bytes, bytes.length / 2));
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path garbage = Files.write(dir.resolve("乱码.xlsx"), noise);
        Path png = Files.write(dir.resolve("图片.docx"), new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Path pdf = Files.write(dir.resolve("报告.pdf.docx"), "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1));

        Path encryptedDocx = dir.resolve("加密.docx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("密码123");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(bytes);
            }
            try (OutputStream out = Files.newOutputStream(encryptedDocx)) {
                fs.writeFilesystem(out);
            }
        }
        Path encryptedXls = dir.resolve("加密.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("附件2").createRow(0).createCell(0).setCellValue("2024年度部门整体支出绩效自评表");
            Biff8EncryptionKey.setCurrentUserPassword("密码123");
            try (OutputStream out = Files.newOutputStream(encryptedXls)) {
                wb.write(out);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }

        Path oversized = dir.resolve("过大.docx");
        try (RandomAccessFile f = new RandomAccessFile(oversized.toFile(), "rw")) {
            f.setLength(Readers.MAX_FILE_BYTES + 1);
        }

        // A Word file whose document part unpacks to 30 MB of spaces from a few kilobytes: POI's zip-bomb guard.
        Path bomb = dir.resolve("炸弹.docx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("_rels/.rels"));
            z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            z.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 30; i++) z.write(spaces);
            z.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }

        return List.of(
                new Object[]{empty, "为空"},
                new Object[]{truncated, "Word 文件"},
                new Object[]{garbage, "Excel"},
                new Object[]{png, "PNG"},
                new Object[]{pdf, "PDF"},
                new Object[]{encryptedDocx, "密码"},
                new Object[]{encryptedXls, "密码"},
                new Object[]{oversized, "过大"},
                new Object[]{bomb, "压缩炸弹"});
    }

    @Test
    void eachKindOfBrokenFileGivesPARSE_UNREADABLEWithItsReason() throws Exception {
        for (Object[] b : brokenFiles()) {
            Path file = (Path) b[0];
            String reason = unreadable(file);
            assertTrue(reason.contains((String) b[1]), () -> file.getFileName() + ": " + reason);
        }
    }

    @Test
    void aWordFileThatIsNotAReportIsUnrecognizedAndNothingElse() throws Exception {
        Path letter = dir.resolve("通知.docx");
        Word.of(TextReader.parse("n", "关于召开年度工作会议的通知\n各科室：\n定于下周一上午九点在三楼会议室召开会议，请准时参加。\n办公室\n"), letter);
        SubmissionResult r = Checks.file(letter);
        assertFalse(r.isUnreadable());
        assertEquals(List.of("PARSE_UNRECOGNIZED"), Checks.codes(r).stream().toList(), () -> Checks.dump(r));
        assertEquals(io.selfeval.model.Severity.WARNING, r.getFindings().get(0).getSeverity());
        assertNull(r.getReview());
    }

    @Test
    void theSeedsAndTheTestReportCountAsReports() throws Exception {
        try (var seeds = Files.list(Path.of("fixtures/seeds"))) {
            List<Path> files = seeds.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            assertEquals(5, files.size());
            for (Path seed : files) {
                assertTrue(io.selfeval.recognize.Recognizer.recognize(new TextReader().read(seed), io.selfeval.testing.Checks.rules().vocabulary()).looksLikeReport(Checks.rules().parameters()), seed::toString);
            }
        }
        assertTrue(io.selfeval.recognize.Recognizer.recognize(TextReader.parse("r", Reports.complete()), io.selfeval.testing.Checks.rules().vocabulary()).looksLikeReport(Checks.rules().parameters()));
        Path docx = goodDocx();
        assertTrue(io.selfeval.recognize.Recognizer.recognize(Readers.read(docx), io.selfeval.testing.Checks.rules().vocabulary()).looksLikeReport(Checks.rules().parameters()));
    }

    @Test
    void aSubmissionOverTheTimeLimitIsGivenUp() throws Exception {
        Path good = goodDocx();
        SubmissionResult r = new Checker(Checks.rules(), Duration.ofMillis(1)).check(good);
        assertTrue(r.isUnreadable());
        assertTrue(r.getError().contains("处理超时"), r::getError);
        SubmissionResult again = new Checker(Checks.rules()).check(good);
        assertFalse(again.isUnreadable(), "the checker is still usable after a timeout: " + again.getError());
    }

    @Test
    void theBatchGoesOnAndTheCommandLineShowsNoStackTrace() throws Exception {
        Path batch = Files.createDirectories(dir.resolve("batch"));
        List<Object[]> broken = brokenFiles();
        for (Object[] b : broken) {
            Path f = (Path) b[0];
            if (Files.size(f) < Readers.MAX_FILE_BYTES) Files.move(f, batch.resolve(f.getFileName()));
        }
        Files.move(goodDocx(), batch.resolve("好报告.docx"));
        Files.writeString(batch.resolve("好报告.txt"), Reports.complete());
        Path letter = batch.resolve("通知.docx");
        Word.of(TextReader.parse("n", "关于召开会议的通知\n请准时参加。\n"), letter);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[]{"check", batch.toString(), "--format", "json", "--rules", "rules"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.EXIT_UNREADABLE, exit, stderr);
        assertFalse(stderr.contains("\tat ") || stderr.contains("Exception"), stderr);
        JsonNode report = new ObjectMapper().readTree(out.toByteArray());
        int files = (int) Files.list(batch).count();
        assertEquals(files, report.get("submissions").size());
        int unreadable = 0;
        int unrecognized = 0;
        int checked = 0;
        for (JsonNode s : report.get("submissions")) {
            String first = s.get("findings").size() == 0 ? "" : s.get("findings").get(0).get("code").asText();
            if (first.equals("PARSE_UNREADABLE")) unreadable++;
            else if (first.equals("PARSE_UNRECOGNIZED")) unrecognized++;
            else checked++;
        }
        assertEquals(files - 3, unreadable);
        assertEquals(1, unrecognized);
        assertEquals(2, checked);
        assertEquals(files - 3, report.get("summary").get("unreadable").asInt());
    }
}
