package io.selfeval.internal;

import io.selfeval.read.Submission;
import io.selfeval.read.Submissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadsTest {
    private static final Path SEED = Path.of("fixtures/seeds/000_0c4b3fbed2722708.txt");

    @Test
    void safeFileNames() {
        assertEquals("a.docx", Uploads.safeFileName("C:\\Users\\x\\a.docx"));
        assertEquals("b.txt", Uploads.safeFileName("../../b.txt"));
        assertEquals("上传文件", Uploads.safeFileName(".."));
        assertEquals("上传文件", Uploads.safeFileName(null));
        assertEquals("x_y.txt", Uploads.safeFileName("x\u0000y.txt"));
        // a long Chinese name is cut by its bytes (file systems hold 255), keeping its extension
        String cut = Uploads.safeFileName("很长的文件名".repeat(30) + ".docx");
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= 200, cut);
        assertTrue(cut.startsWith("很长的文件名很长") && cut.endsWith(".docx"), cut);
    }

    @Test
    void copyLimitedRefusesMoreThanTheLimitAndLeavesNoFile(@TempDir Path tmp) throws IOException {
        Path small = tmp.resolve("small.bin");
        assertTrue(Uploads.copyLimited(new ByteArrayInputStream(new byte[10]), small, 10));
        assertEquals(10, Files.size(small));
        Path big = tmp.resolve("big.bin");
        assertFalse(Uploads.copyLimited(new ByteArrayInputStream(new byte[11]), big, 10));
        assertFalse(Files.exists(big));
    }

    @Test
    void oneReportIsOneSubmissionUnderTheDisplayName(@TempDir Path tmp) throws IOException {
        try (Submissions all = new Submissions()) {
            Submission s = Uploads.saveAsOne(Files.newInputStream(SEED), "../报告.txt", "报告.txt", tmp, all);
            assertNull(s.error());
            assertEquals("报告.txt", s.name());
            assertTrue(Files.exists(tmp.resolve("报告.txt")), "saved under the safe name");
        }
    }

    @Test
    void anArchiveOfSeveralReportsIsRefusedSayingHowMany(@TempDir Path tmp) throws IOException {
        byte[] zip = zip("一.txt", Files.readAllBytes(SEED), "二.txt", Files.readAllBytes(SEED));
        try (Submissions all = new Submissions()) {
            Submission s = Uploads.saveAsOne(new ByteArrayInputStream(zip), "县.zip", "县.zip", tmp, all);
            assertEquals("县.zip", s.name());
            assertEquals("包含2份报告，请逐份检查", s.error());
        }
    }

    @Test
    void aFolderWithoutAReportIsNoSubmission() {
        Submission s = Submissions.onlyOne(java.util.List.of(), "空文件夹");
        assertEquals("空文件夹", s.name());
        assertTrue(s.error().startsWith("没有可检查的文件"), s.error());
    }

    private static byte[] zip(Object... nameAndBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < nameAndBytes.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) nameAndBytes[i]));
                z.write((byte[]) nameAndBytes[i + 1]);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
