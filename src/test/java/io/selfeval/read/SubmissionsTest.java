package io.selfeval.read;

import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionsTest {
    @TempDir
    Path dir;

    /** A unit's folder as sent: 自评报告.docx (narrative) and 附表.xlsx (the attachment tables). */
    private Path unitFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        String text = Reports.complete();
        int cut = text.indexOf("附件1\n");
        Word.of(TextReader.parse("r", text.substring(0, cut)), folder.resolve("自评报告.docx"));
        Excel.of(List.of(TextReader.parse("a", text.substring(cut))), folder.resolve("附表.xlsx"));
        return folder;
    }

    private static void zip(Path zip, Charset names, Path root) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out, names);
             var files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(root.getParent().relativize(p).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
    }

    private static void zipEntries(Path zip, String... namesAndContents) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndContents[i]));
                z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }

    private static String reason(SubmissionResult r) {
        assertTrue(r.isUnreadable(), () -> "expected unreadable: " + Checks.dump(r));
        assertEquals("PARSE_UNREADABLE", r.getFindings().get(0).getCode());
        return r.getError();
    }

    @Test
    void aFolderOfOneReportAndItsWorkbookIsOneSubmission() throws Exception {
        Path folder = unitFolder(dir.resolve("测试县"));
        try (Submissions s = new Submissions()) {
            List<Submission> found = s.collect(folder, p -> false);
            assertEquals(1, found.size());
            assertEquals(folder.toString(), found.get(0).name());
            assertEquals(List.of(folder.resolve("自评报告.docx").toString(), folder.resolve("附表.xlsx").toString()),
                    found.get(0).fileNames());
        }
        SubmissionResult r = Checks.file(folder);
        assertFalse(r.isUnreadable(), r::getError);
        assertEquals(2, r.getFiles().size());
        assertEquals("测试县人民政府办公室", r.getUnit());
        assertTrue(r.getFindings().stream().noneMatch(f -> f.getSeverity() == io.selfeval.model.Severity.ERROR), () -> Checks.dump(r));
    }

    @Test
    void otherwiseEveryFileIsItsOwnSubmissionAndSubfoldersAreLookedAtOnTheirOwn() throws Exception {
        Path root = dir.resolve("批次");
        unitFolder(root.resolve("甲单位"));
        Path loose = Files.createDirectories(root.resolve("乙"));
        Files.writeString(loose.resolve("报告一.txt"), Reports.complete());
        Files.writeString(loose.resolve("报告二.txt"), Reports.complete());
        Excel.of(List.of(TextReader.parse("a", Reports.overall())), loose.resolve("附表.xlsx"));
        Files.writeString(loose.resolve(".隐藏.txt"), "x");
        Files.writeString(loose.resolve("~$报告一.docx"), "x");
        Files.writeString(loose.resolve("说明.pptx"), "x");
        try (Submissions s = new Submissions()) {
            List<String> names = s.collect(root, p -> false).stream().map(Submission::name).toList();
            assertEquals(List.of(root.resolve("乙/报告一.txt").toString(), root.resolve("乙/报告二.txt").toString(),
                    root.resolve("乙/附表.xlsx").toString(), root.resolve("甲单位").toString()), names.stream().sorted().toList());
        }
    }

    @Test
    void aZipOfAUnitFolderIsOneSubmissionAndItsUnpackedCopyIsDeleted() throws Exception {
        Path folder = unitFolder(dir.resolve("src/测试县"));
        Path zip = dir.resolve("测试县.zip");
        zip(zip, StandardCharsets.UTF_8, folder);
        Path extracted;
        try (Submissions s = new Submissions()) {
            List<Submission> found = s.collect(zip, p -> false);
            assertEquals(1, found.size());
            Submission sub = found.get(0);
            assertEquals(zip + "!/测试县", sub.name());
            assertEquals(List.of(zip + "!/测试县/自评报告.docx", zip + "!/测试县/附表.xlsx"), sub.fileNames());
            extracted = sub.files().get(0).path();
            assertTrue(Files.exists(extracted));
        }
        assertFalse(Files.exists(extracted), "the unpacked copy is deleted when the run ends");

        SubmissionResult r = Checks.file(zip);
        assertFalse(r.isUnreadable(), r::getError);
        assertEquals(List.of(zip + "!/测试县/自评报告.docx", zip + "!/测试县/附表.xlsx"), r.getFiles());
        assertEquals("测试县人民政府办公室", r.getUnit());
    }

    @Test
    void zipEntryNamesWrittenByChineseWindowsToolsAreRead() throws Exception {
        Path folder = unitFolder(dir.resolve("src/测试县"));
        Path zip = dir.resolve("gbk.zip");
        zip(zip, Charset.forName("GBK"), folder);
        SubmissionResult r = Checks.file(zip);
        assertFalse(r.isUnreadable(), r::getError);
        assertEquals(List.of(zip + "!/测试县/自评报告.docx", zip + "!/测试县/附表.xlsx"), r.getFiles());
    }

    @Test
    void aZipWithAPathOutOfItsFolderIsRefusedAndNothingIsWritten() throws Exception {
        String evil = "evil-" + UUID.randomUUID() + ".txt";
        Path zip = dir.resolve("坏.zip");
        zipEntries(zip, "报告.txt", Reports.complete(), "../" + evil, "owned", "../../" + evil, "owned");
        SubmissionResult r = Checks.file(zip);
        assertTrue(reason(r).contains("不安全的路径"), r::getError);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        assertFalse(Files.exists(tmp.resolve(evil)));
        assertFalse(Files.exists(tmp.getParent() == null ? tmp.resolve(evil) : tmp.getParent().resolve(evil)));
        assertFalse(Files.exists(dir.resolve(evil)));

        Path absolute = dir.resolve("abs.zip");
        zipEntries(absolute, "/tmp/" + evil, "owned");
        assertTrue(reason(Checks.file(absolute)).contains("不安全的路径"));
        assertFalse(Files.exists(tmp.resolve(evil)));
    }

    @Test
    void zipBombsAndDamagedOrEmptyArchivesAreUnreadable() throws Exception {
        Path bomb = dir.resolve("炸弹.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new ZipEntry("报告.txt"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 8; i++) z.write(zeros);
            z.closeEntry();
        }
        assertTrue(reason(Checks.file(bomb)).contains("压缩炸弹"), () -> Checks.file(bomb).getError());

        Path many = dir.resolve("很多.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i <= SafeUnzip.MAX_ENTRIES; i++) {
                z.putNextEntry(new ZipEntry("f" + i + ".txt"));
                z.closeEntry();
            }
        }
        assertTrue(reason(Checks.file(many)).contains("过多"));

        Path damaged = dir.resolve("损坏.zip");
        Files.write(damaged, new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        assertTrue(reason(Checks.file(damaged)).contains("压缩包"));

        Path nothing = dir.resolve("空.zip");
        zipEntries(nothing, "说明.pptx", "x");
        assertTrue(reason(Checks.file(nothing)).contains("没有可检查的文件"));
    }

    @Test
    void anUnreadableAttachmentIsReportedAndTheReportStillChecked() throws Exception {
        Path folder = unitFolder(dir.resolve("附表坏了"));
        Files.write(folder.resolve("附表.xlsx"), new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0});
        SubmissionResult r = Checks.file(folder);
        assertTrue(r.isUnreadable(), "the batch must say a file could not be read");
        List<Finding> parse = Checks.findings(r, "PARSE_UNREADABLE");
        assertEquals(1, parse.size());
        assertEquals(folder.resolve("附表.xlsx").toString(), parse.get(0).getLocation().getFile());
        assertEquals("测试县人民政府办公室", r.getUnit(), "the report itself was read and checked");
    }

    /** A unit's folder with the report and each attachment as its own file, in mixed formats. */
    private Path separateFiles(Path folder, String prefix, boolean withProject) throws IOException {
        Files.createDirectories(folder);
        String text = Reports.complete();
        Word.of(TextReader.parse("r", text.substring(0, text.indexOf("附件1\n"))), folder.resolve(prefix + "自评报告.docx"));
        Excel.of(List.of(TextReader.parse("a", Reports.basicData())), folder.resolve(prefix + "附件1 基础数据表.xlsx"));
        Word.of(TextReader.parse("b", Reports.overall()), folder.resolve(prefix + "附件2 整体支出绩效自评表.docx"));
        if (withProject) Files.writeString(folder.resolve(prefix + "附件3 项目支出绩效自评表.txt"), Reports.project());
        return folder;
    }

    @Test
    void aReportWithEachAttachmentInItsOwnFileIsOneSubmission() throws Exception {
        Path folder = separateFiles(dir.resolve("测试县"), "", true);
        try (Submissions s = new Submissions()) {
            List<Submission> found = s.collect(folder, p -> false);
            assertEquals(1, found.size(), () -> found.toString());
            assertEquals(folder.toString(), found.get(0).name());
            assertEquals(folder.resolve("自评报告.docx").toString(), found.get(0).fileNames().get(0));
            assertEquals(4, found.get(0).fileNames().size());
        }
        SubmissionResult r = Checks.file(folder);
        assertFalse(r.isUnreadable(), r::getError);
        assertTrue(r.getFindings().stream().noneMatch(f -> f.getSeverity() == io.selfeval.model.Severity.ERROR), () -> Checks.dump(r));
        // A zip of the folder is the same one submission.
        Path zip = dir.resolve("测试县.zip");
        zip(zip, StandardCharsets.UTF_8, folder);
        SubmissionResult z = Checks.file(zip);
        assertEquals(4, z.getFiles().size(), () -> z.getFiles().toString());
        assertTrue(z.getFindings().stream().noneMatch(f -> f.getSeverity() == io.selfeval.model.Severity.ERROR), () -> Checks.dump(z));
    }

    @Test
    void aMissingAttachmentFileIsReportedOnTheOneSubmission() throws Exception {
        Path folder = separateFiles(dir.resolve("测试县"), "", false);
        SubmissionResult r = Checks.file(folder);
        assertEquals(3, r.getFiles().size());
        assertEquals(List.of("CMP_MISSING_ATTACHMENT"), Checks.findings(r, "CMP_MISSING_ATTACHMENT").stream().map(f -> f.getCode()).toList(),
                () -> Checks.dump(r));
        assertTrue(Checks.findings(r, "CMP_MISSING_ATTACHMENT").get(0).getMessage().contains("项目支出绩效自评表"), () -> Checks.dump(r));
    }

    @Test
    void anAttachmentKnownOnlyByItsTitleJoinsTheReport() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("测试县"));
        String text = Reports.complete();
        int cut = text.indexOf("附件1\n");
        Word.of(TextReader.parse("r", text.substring(0, cut)), folder.resolve("1.docx"));
        Word.of(TextReader.parse("a", text.substring(cut)), folder.resolve("2.docx"));
        try (Submissions s = new Submissions()) {
            List<Submission> found = s.collect(folder, p -> false);
            assertEquals(1, found.size(), () -> found.toString());
            assertEquals(folder.resolve("1.docx").toString(), found.get(0).fileNames().get(0));
        }
    }

    @Test
    void aFolderOfSeveralUnitsSplitsByUnit() throws Exception {
        Path folder = dir.resolve("全县");
        separateFiles(folder, "甲单位", true);
        separateFiles(folder, "乙单位", true);
        try (Submissions s = new Submissions()) {
            List<Submission> found = s.collect(folder, p -> false);
            assertEquals(2, found.size(), () -> found.toString());
            for (Submission sub : found) {
                String unit = sub.fileNames().get(0).contains("甲单位") ? "甲单位" : "乙单位";
                assertTrue(sub.fileNames().get(0).endsWith(unit + "自评报告.docx"), sub::toString);
                assertEquals(4, sub.fileNames().size(), sub::toString);
                assertTrue(sub.fileNames().stream().allMatch(n -> n.contains(unit)), sub::toString);
            }
        }
    }

    @Test
    void attachmentsInASubfolderJoinTheUnitsReport() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("测试县"));
        String text = Reports.complete();
        Word.of(TextReader.parse("r", text.substring(0, text.indexOf("附件1\n"))), folder.resolve("自评报告.docx"));
        Path sub = Files.createDirectories(folder.resolve("附件"));
        Excel.of(List.of(TextReader.parse("a", Reports.basicData())), sub.resolve("1.xlsx"));
        Word.of(TextReader.parse("b", Reports.overall()), sub.resolve("附件2 整体支出绩效自评表.docx"));
        Files.writeString(sub.resolve("附件3 项目支出绩效自评表.txt"), Reports.project());
        try (Submissions s = new Submissions()) {
            List<Submission> found = s.collect(folder.getParent(), p -> false);
            assertEquals(1, found.size(), () -> found.toString());
            assertEquals(folder.toString(), found.get(0).name());
            assertEquals(folder.resolve("自评报告.docx").toString(), found.get(0).fileNames().get(0));
            assertEquals(4, found.get(0).fileNames().size());
        }
        SubmissionResult r = Checks.file(folder);
        assertTrue(r.getFindings().stream().noneMatch(f -> f.getSeverity() == io.selfeval.model.Severity.ERROR), () -> Checks.dump(r));
    }

    @Test
    void aUnitsSubfolderOfWorkbooksIsNotAnotherReportsAttachment() throws Exception {
        Path batch = Files.createDirectories(dir.resolve("全县"));
        Files.writeString(batch.resolve("甲单位自评报告.txt"), Reports.complete());
        Path other = Files.createDirectories(batch.resolve("乙单位"));
        Excel.of(List.of(TextReader.parse("a", Reports.basicData())), other.resolve("乙单位.xlsx"));
        try (Submissions s = new Submissions()) {
            List<Submission> found = s.collect(batch, p -> false);
            assertEquals(2, found.size(), () -> found.toString());
            assertTrue(found.stream().allMatch(x -> x.fileNames().size() == 1), () -> found.toString());
        }
    }
}
