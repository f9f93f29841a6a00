package io.selfeval.rules;

import io.selfeval.check.Checker;
import io.selfeval.model.Finding;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PARSE_UNREADABLE: a file that cannot be read is listed with its reason in Chinese, and the batch goes on. */
class ParseRulesTest {
    @TempDir
    Path dir;

    /** The one finding of an unreadable file, with its reason; nothing else is claimed about it. */
    private static Finding unreadable(SubmissionResult r, String reason) {
        assertTrue(r.isUnreadable(), () -> "expected unreadable:\n" + Checks.dump(r));
        assertEquals(reason, r.getError());
        assertNull(r.getUnit());
        assertNull(r.getYear());
        assertEquals(1, r.getFindings().size(), () -> Checks.dump(r));
        Finding f = r.getFindings().get(0);
        assertEquals("PARSE_UNREADABLE", f.getCode());
        assertEquals(Severity.ERROR, f.getSeverity());
        assertEquals(reason, f.getEvidence().get("reason"));
        assertEquals("文件无法读取：" + reason, f.getMessage());
        return f;
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("空文件.txt"));
        unreadable(Checks.file(empty), "文件为空（0字节）");
    }

    @Test
    void binaryFileNamedTxt() throws IOException {
        Path binary = dir.resolve("报告.txt");
        // The start of a .docx (a ZIP archive): "PK", version, flags, NUL bytes.
        Files.write(binary, new byte[]{'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, (byte) 0xA5, 0x5B});
        unreadable(Checks.file(binary), "不是文本文件（含二进制内容），请确认文件类型");
    }

    @Test
    void fileThatDoesNotExist() {
        Path missing = dir.resolve("没有这个文件.txt");
        Finding f = unreadable(Checks.file(missing), "文件不存在或不是普通文件");
        assertEquals("file", f.getLocation().getPart());
        assertEquals(missing.toString(), Checks.file(missing).getFile());
    }

    @Test
    void folderNamedLikeAReport() throws IOException {
        // A folder is a submission of the files in it (see Submissions); this one has none.
        Path folder = Files.createDirectories(dir.resolve("文件夹.txt"));
        unreadable(Checks.file(folder), "没有可检查的文件（.docx、.doc、.xlsx、.xls、.pdf、.html、.txt、.zip）");
    }

    @Test
    void fileTooLargeIsRefusedBeforeReading() throws IOException {
        Path huge = dir.resolve("超大.txt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(65L * 1024 * 1024); // sparse: no 65 MB are written
        }
        Finding f = unreadable(Checks.file(huge), "文件过大（65 MB），超过 64 MB 上限");
        assertTrue(f.getMessage().contains("文件过大"), f.getMessage());
    }

    @Test
    void textInNeitherUtf8NorGb18030() throws IOException {
        Path garbled = dir.resolve("乱码.txt");
        // 0xFF can start no character in UTF-8 or in GB18030; there is no NUL byte, so it is not "binary".
        Files.write(garbled, new byte[]{(byte) 0xFF, (byte) 0xFF, 'a', 'b', (byte) 0xFF});
        unreadable(Checks.file(garbled), "文本编码无法识别（既不是UTF-8也不是GB18030）");
    }

    @Test
    void goodFilesNextToBadOnesAreStillChecked() throws IOException {
        Files.createFile(dir.resolve("a-空.txt"));
        Files.write(dir.resolve("b-二进制.txt"), new byte[]{0, 1, 2, 3});
        Path utf8 = dir.resolve("c-报告.txt");
        Files.writeString(utf8, Reports.complete(), StandardCharsets.UTF_8);
        // Chinese Windows tools still write GB18030; a byte-order mark is ignored.
        Path gbk = dir.resolve("d-报告-gb18030.txt");
        Files.write(gbk, Reports.complete().getBytes(Charset.forName("GB18030")));
        Path bom = dir.resolve("e-报告-bom.txt");
        Files.writeString(bom, "\uFEFF" + Reports.complete(), StandardCharsets.UTF_8);

        Checker checker = new Checker(Checks.rules());
        List<SubmissionResult> results = List.of(dir.resolve("a-空.txt"), dir.resolve("b-二进制.txt"),
                dir.resolve("x-缺失.txt"), utf8, gbk, bom).stream().map(checker::check).toList();

        for (SubmissionResult bad : results.subList(0, 3)) {
            assertTrue(bad.isUnreadable(), bad::getFile);
        }
        for (SubmissionResult good : results.subList(3, 6)) {
            assertFalse(good.isUnreadable(), () -> good.getFile() + ": " + good.getError());
            assertEquals("测试县人民政府办公室", good.getUnit(), good::getFile);
            assertEquals(2024, good.getYear(), good::getFile);
            assertTrue(good.getFindings().isEmpty(), () -> good.getFile() + ":\n" + Checks.dump(good));
        }
    }

    @Test
    void aGoodFileWithAFaultGetsItsFindingNotAParseFinding() throws IOException {
        Path faulty = dir.resolve("报告.txt");
        Files.writeString(faulty, Reports.complete().replace("预算执行率98%", "预算执行率100%"), StandardCharsets.UTF_8);
        SubmissionResult r = Checks.file(faulty);
        assertFalse(r.isUnreadable());
        assertTrue(Checks.codes(r).contains("EXE_RATE_MISMATCH"), () -> Checks.dump(r));
        assertTrue(Checks.codes(r).stream().noneMatch(c -> c.startsWith("PARSE_")), () -> Checks.dump(r));
    }
}
