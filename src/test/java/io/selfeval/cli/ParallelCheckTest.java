package io.selfeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.fixtures.BrokenFiles;
import io.selfeval.fixtures.OfficeRenderings;
import io.selfeval.report.ReportSinks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * check --jobs N: results streamed in input order and the same as with one job; progress only on stderr; an --out
 * file is there complete or not at all.
 */
class ParallelCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** 22 submissions: the seeds three times as text, as Word, and two broken files, in a folder. */
    private Path batch() throws IOException {
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        for (String id : OfficeRenderings.seedIds()) {
            for (int copy = 1; copy <= 3; copy++) {
                Files.copy(OfficeRenderings.seedFile(id), batch.resolve(id + "-" + copy + ".txt"));
            }
            Files.copy(OfficeRenderings.docx(id, work), batch.resolve(id + "-报告.docx"));
        }
        BrokenFiles.empty(batch.resolve("空白.docx"));
        BrokenFiles.pictureNamed(batch.resolve("图片.docx"));
        return batch;
    }

    @Test
    void fourJobsGiveTheOneJobReportInInputOrder() throws IOException {
        Path batch = batch();
        CliRun one = CliRun.of("check", batch.toString(), "--format", "json", "--rules", "rules", "--jobs", "1");
        CliRun four = CliRun.of("check", batch.toString(), "--format", "json", "--rules", "rules", "--jobs", "4");
        assertEquals(3, one.exit(), one::toString);
        assertEquals(one.exit(), four.exit(), four::toString);
        assertEquals(one.out(), four.out(), "byte for byte the same document");

        List<String> files = new ArrayList<>();
        JSON.readTree(four.out()).get("submissions").forEach(s -> files.add(s.get("file").asText()));
        List<String> sorted;
        try (Stream<Path> s = Files.list(batch)) {
            sorted = s.sorted().map(Path::toString).toList();
        }
        assertEquals(sorted, files, "input (path) order");
        assertEquals(22, JSON.readTree(four.out()).get("summary").get("submissions").asInt());

        CliRun textOne = CliRun.of("check", batch.toString(), "--rules", "rules", "--jobs", "1");
        CliRun textFour = CliRun.of("check", batch.toString(), "--rules", "rules", "--jobs", "4");
        assertEquals(textOne.out(), textFour.out());
    }

    @Test
    void progressGoesToStderrAndNeverToStdoutInJsonMode() throws IOException {
        Path batch = batch();
        CliRun r = CliRun.of("check", batch.toString(), "--format", "json", "--rules", "rules", "--jobs", "2");
        assertTrue(r.out().startsWith("{") && r.out().endsWith("}\n"), r::toString);
        JSON.readTree(r.out());
        assertFalse(r.out().contains("已检查"), r::toString);
        assertTrue(r.err().contains("已检查 (22/22)"), r::toString);
        assertTrue(r.err().contains("无法读取"), "unreadable files are named on stderr:\n" + r.err());
        assertTrue(r.err().contains("完成：22份报告"), r::toString);
        assertFalse(r.err().contains("\u001b["), "no terminal codes when stderr is not a terminal");
    }

    @Test
    void progressBarRedrawsOneLineAndEndsIt() {
        StringWriter s = new StringWriter();
        Progress p = new Progress(new PrintWriter(s), 3, true);
        p.done("a.txt", io.selfeval.check.Checker.unreadable("a.txt", "x"));
        p.done("b.txt", ok("b.txt"));
        p.done("c.txt", ok("c.txt"));
        p.finish();
        String out = s.toString();
        assertTrue(out.contains("\r[##########"), out);
        assertTrue(out.contains("3/3"), out);
        assertTrue(out.contains("无法读取：a.txt"), out);
        assertTrue(out.endsWith("\n"), out);
        assertFalse(out.contains("已检查"), out);
    }

    @Test
    void jobsDefaultsToTheCores() {
        CheckCommand c = new CheckCommand(System.out);
        new picocli.CommandLine(c).parseArgs("x");
        assertEquals(Runtime.getRuntime().availableProcessors(), c.jobs);
    }

    @Test
    void xlsxNeedsOut() {
        assumeTrue(ReportSinks.available("xlsx"), "no xlsx writer in this build yet");
        CliRun r = CliRun.of("check", "fixtures/seeds", "--format", "xlsx", "--rules", "rules");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--out"), r::toString);
    }

    // ---- nothing half-written ----

    @Test
    void aWriterThatFailsMidStreamLeavesNoFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path target = dir.resolve("report.json");
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.write(target, os -> {
            os.write("{\n  \"tool\": ".getBytes(StandardCharsets.UTF_8));
            os.flush();
            assertEquals(1, AtomicOutput.pending().size(), "the temporary file is known to the shutdown hook");
            throw new IOException("磁盘已满");
        }));
        assertEquals("磁盘已满", e.getMessage());
        assertEquals(List.of(), list(dir), "neither the report nor its temporary file");
        assertTrue(AtomicOutput.pending().isEmpty());
    }

    @Test
    void theShutdownHookDeletesTheFileBeingWritten() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path target = dir.resolve("report.json");
        assertThrows(IOException.class, () -> AtomicOutput.write(target, os -> {
            os.write('{');
            os.flush();
            Path tmpFile = AtomicOutput.pending().iterator().next();
            assertTrue(Files.exists(tmpFile));
            AtomicOutput.deletePending(); // what runs on Ctrl-C
            assertFalse(Files.exists(tmpFile));
            throw new IOException("interrupted");
        }));
        assertEquals(List.of(), list(dir));
    }

    /**
     * A real process stopped (SIGTERM, which runs the shutdown hooks as Ctrl-C's SIGINT does) while it is
     * streaming the report into --out: neither the report nor a temporary file is left.
     */
    @Tag("slow") // a process of its own compiling rules/
    @Test
    void aStoppedRunLeavesNoOutFile() throws Exception {
        Path batch = Files.createDirectories(tmp.resolve("many"));
        for (int i = 0; i < 300; i++) {
            String id = OfficeRenderings.seedIds().get(i % OfficeRenderings.seedIds().size());
            Files.copy(OfficeRenderings.seedFile(id), batch.resolve(String.format("%03d-%s.txt", i, id)));
        }
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path target = dir.resolve("report.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dselfeval.ruleCache=off", "-cp", System.getProperty("java.class.path"), "io.selfeval.cli.Main",
                "check", batch.toString(), "--format", "json", "--out", target.toString(), "--rules", "rules",
                "--jobs", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean started = false;
            while ((line = err.readLine()) != null) {
                if (line.startsWith("已检查 (3/")) {
                    started = true;
                    break;
                }
            }
            assumeTrue(started, "the run did not get going");
            assertEquals(1, list(dir).size(), "the temporary file is being written: " + list(dir));
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertTrue(p.exitValue() != 0, "stopped before it finished");
        assertEquals(List.of(), list(dir), "no report and no temporary file");
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }

    private static io.selfeval.model.SubmissionResult ok(String name) {
        return new io.selfeval.model.SubmissionResult(name, List.of(name), null, null, null, null, List.of(), null);
    }
}
