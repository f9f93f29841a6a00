package io.selfeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Nothing lost: --out never replaces an input, links never lead out of the tree, temp files never survive. */
class OutputSafetyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEED = Path.of("fixtures/seeds/000_0c4b3fbed2722708.txt");

    @TempDir
    Path tmp;

    @Test
    void outNamingTheInputFileIsAUsageErrorAndTheInputIsKept() throws IOException {
        Path report = Files.copy(SEED, tmp.resolve("a.txt"));
        byte[] before = Files.readAllBytes(report);
        CliRun r = CliRun.of("check", report.toString(), "--format", "json", "--out", report.toString(), "--rules", "rules");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("会覆盖"), r::toString);
        assertArrayEquals(before, Files.readAllBytes(report), "the input is untouched");
        assertEquals(List.of("a.txt"), list(tmp), "no temporary file either");
    }

    @Test
    void outReachingTheInputThroughALinkOrAnotherSpellingIsRefused() throws IOException {
        Path report = Files.copy(SEED, tmp.resolve("a.txt"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), report);
        byte[] before = Files.readAllBytes(report);
        CliRun r = CliRun.of("check", report.toString(), "--out", link.toString(), "--rules", "rules");
        assertEquals(2, r.exit(), r::toString);
        r = CliRun.of("check", report.toString(), "--out", tmp.resolve("x/../a.txt").toString(), "--rules", "rules");
        assertEquals(2, r.exit(), r::toString);
        assertArrayEquals(before, Files.readAllBytes(report));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void outInsideTheFolderBeingCheckedIsAUsageError() throws IOException {
        Path batch = Files.createDirectories(tmp.resolve("batch/sub"));
        Files.copy(SEED, batch.resolve("a.txt"));
        for (String out : List.of("batch/report.json", "batch/sub/report.json", "batch/sub/new.txt")) {
            CliRun r = CliRun.of("check", tmp.resolve("batch").toString(), "--format", "json",
                    "--out", tmp.resolve(out).toString(), "--rules", "rules");
            assertEquals(2, r.exit(), out + ": " + r);
            assertTrue(r.err().contains("位于被检查的文件夹"), r::toString);
            assertFalse(Files.exists(tmp.resolve(out)), out);
        }
        // Beside the folder is fine.
        CliRun r = CliRun.of("check", tmp.resolve("batch").toString(), "--format", "json",
                "--out", tmp.resolve("batch-report.json").toString(), "--rules", "rules", "--fail-on", "never");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, JSON.readTree(tmp.resolve("batch-report.json").toFile()).get("submissions").size());
    }

    @Test
    void aLinkOutOfTheTreeIsNotReadAndAFindingSaysSo() throws IOException {
        Path secret = Files.createDirectories(tmp.resolve("elsewhere"));
        String marker = "机密内容不应出现在报告中";
        Files.writeString(secret.resolve("passwd.txt"), marker + "\n", StandardCharsets.UTF_8);
        Files.writeString(secret.resolve("more.txt"), marker + "\n", StandardCharsets.UTF_8);
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        Files.copy(SEED, batch.resolve("a.txt"));
        Files.createSymbolicLink(batch.resolve("passwd.txt"), secret.resolve("passwd.txt"));
        Files.createSymbolicLink(batch.resolve("linked-folder"), secret);
        Files.createDirectories(batch.resolve("inner"));
        Files.createSymbolicLink(batch.resolve("inner/same.txt"), batch.resolve("a.txt"));

        CliRun r = CliRun.of("check", batch.toString(), "--format", "json", "--rules", "rules", "--fail-on", "never");
        assertFalse(r.out().contains(marker), "nothing of the linked files is read");
        JsonNode subs = JSON.readTree(r.out()).get("submissions");
        List<String> refused = new ArrayList<>();
        int readable = 0;
        for (JsonNode s : subs) {
            if (s.get("error").isNull()) {
                readable++;
                continue;
            }
            assertTrue(s.get("error").asText().contains("被检查文件夹之外的链接"), s::toString);
            assertEquals("PARSE_UNREADABLE", s.get("findings").get(0).get("code").asText(), s::toString);
            refused.add(Path.of(s.get("file").asText()).getFileName().toString());
        }
        assertEquals(List.of("linked-folder", "passwd.txt"), refused.stream().sorted().toList(), r::toString);
        assertEquals(2, readable, "a.txt and the link to it inside the tree: " + r);
        assertEquals(3, r.exit(), "an input could not be read");
    }

    @Test
    void aTargetThatIsNotARegularFileIsWrittenStraight() throws Exception {
        Path fifo = tmp.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        CliRun r = CliRun.of("check", SEED.toString(), "--format", "json", "--out", fifo.toString(),
                "--rules", "rules", "--fail-on", "never");
        assertEquals(0, r.exit(), r::toString);
        byte[] got = read.get(60, TimeUnit.SECONDS);
        assertEquals(1, JSON.readTree(got).get("submissions").size());
        assertFalse(Files.isRegularFile(fifo), "the pipe is still a pipe, not replaced by a file");
        assertEquals(List.of("pipe"), list(tmp));
    }

    @Test
    void aTemporaryFileLeftByAKilledRunIsRemovedByTheNextRun() throws IOException {
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        Path stale = Files.writeString(outDir.resolve(".report.json.0badc0de.tmp"), "{\"half");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path other = Files.writeString(outDir.resolve(".other.json.0badc0de.tmp"), "not this report's");
        CliRun r = CliRun.of("check", SEED.toString(), "--format", "json", "--out", outDir.resolve("report.json").toString(),
                "--rules", "rules", "--fail-on", "never");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of(".other.json.0badc0de.tmp", "report.json"), list(outDir));
        assertTrue(Files.exists(other));
    }

    @Test
    void aTemporaryFileARunIsStillWritingIsLeftAlone() throws IOException {
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        Path live = Files.writeString(outDir.resolve(".report.json.12345678.tmp"), "{\"being written");
        try (FileChannel ch = FileChannel.open(live, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            AtomicOutput.removeStale(outDir.resolve("report.json"));
            assertTrue(Files.exists(live), "a locked temporary file belongs to a live run");
        }
        AtomicOutput.removeStale(outDir.resolve("report.json"));
        assertFalse(Files.exists(live), "once nobody holds it, it is stale");
    }

    /**
     * A real process stopped with SIGTERM while it checks a zip and writes an Excel report: the unpacked folder,
     * POI's temporary files and the report's temporary file are all gone.
     */
    @Tag("slow") // a process of its own compiling rules/
    @Test
    void noTemporaryFolderSurvivesSigterm() throws Exception {
        Path zip = tmp.resolve("batch.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            byte[] seed = Files.readAllBytes(SEED);
            for (int i = 0; i < 400; i++) {
                z.putNextEntry(new ZipEntry(String.format("u%03d/自评报告.txt", i)));
                z.write(seed);
                z.closeEntry();
            }
        }
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + javaTmp, "-Dselfeval.ruleCache=off", "-cp", System.getProperty("java.class.path"),
                "io.selfeval.cli.Main", "check", zip.toString(), "--format", "xlsx",
                "--out", outDir.resolve("审核结果.xlsx").toString(), "--rules", "rules", "--jobs", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean started = false;
            while ((line = err.readLine()) != null) {
                if (line.startsWith("已检查 (5/")) {
                    started = true;
                    break;
                }
            }
            assumeTrue(started, "the run did not get going");
            List<String> during = list(javaTmp);
            assertTrue(during.stream().anyMatch(n -> n.startsWith("selfeval-zip-")), "unpacked: " + during);
            assertTrue(during.stream().anyMatch(n -> n.startsWith("selfeval-poi-")), "POI's folder: " + during);
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertTrue(p.exitValue() != 0, "stopped before it finished");
        assertEquals(List.of(), list(javaTmp), "no temporary folder or file survives SIGTERM");
        assertEquals(List.of(), list(outDir), "no report and no temporary report");
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }
}
