package io.selfeval.cli;

import io.selfeval.fixtures.BrokenFiles;
import io.selfeval.fixtures.OfficeRenderings;
import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz-style: Word, Excel, PDF and HTML files cut short or with random bytes changed (seeded, so a failure repeats). Every one
 * gives a PARSE_* finding with a Chinese reason, or a normal result; no exception escapes the checker, and the
 * command line prints no Java stack trace.
 */
class CorruptOfficeFilesTest {
    private static final long SEED = 20241122L;
    private static final int VARIANTS = 60;
    private static final int CLI_VARIANTS = 16;

    @TempDir
    Path tmp;

    @Test
    void mangledWordAndExcelFilesGiveAParseFindingOrANormalResult() {
        List<Path> variants = variants();
        int parse = 0;
        for (Path v : variants) {
            SubmissionResult r = assertDoesNotThrow(() -> Checks.file(v), v::toString);
            List<Finding> parseFindings = r.getFindings().stream().filter(f -> f.getCode().startsWith("PARSE_")).toList();
            if (r.isUnreadable()) {
                assertFalse(parseFindings.isEmpty(), () -> v + " unreadable without a PARSE_* finding:\n" + Checks.dump(r));
                assertTrue(r.getError().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        () -> v + ": the reason is for a Chinese reviewer: " + r.getError());
            }
            if (!parseFindings.isEmpty()) parse++;
        }
        // Most damage makes the file unreadable; a few flips land in places that do not matter. Both are fine, but
        // a run where nothing was unreadable would mean the damage never reached the readers.
        assertTrue(parse >= VARIANTS / 4, "PARSE_* findings for " + parse + " of " + VARIANTS + " mangled files");
    }

    @Test
    void commandLinePrintsNoStackTraceForMangledFiles() {
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", "--rules", "rules", "--fail-on", "never"));
        variants().stream().limit(CLI_VARIANTS).map(Path::toString).forEach(args::add);
        // Libraries log to System.err, which the command line's user sees as well as its own messages.
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream savedErr = System.err;
        CliRun r;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            r = CliRun.of(args.toArray(String[]::new));
        } finally {
            System.setErr(savedErr);
        }
        String stderr = r.err() + logs.toString(StandardCharsets.UTF_8);
        assertTrue(r.exit() == 0 || r.exit() == 3, r::toString);
        assertTrue(r.out().contains("\"submissions\""), r::toString);
        for (String trace : List.of("\tat ", "Caused by:", "Exception in thread")) {
            assertFalse(stderr.contains(trace), () -> "a stack trace on stderr:\n" + stderr);
        }
    }

    @Test
    void zipBombAndOversizedFileAreRefusedQuickly() throws IOException {
        Path bomb = BrokenFiles.zipBomb(tmp.resolve("炸弹.docx"), 64);
        assertTrue(Files.size(bomb) < 1024 * 1024, "a small file that unpacks to 64 MB");
        Path big = tmp.resolve("超大.docx");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024); // sparse: no disk is used
        }
        Map<Path, String> reason = Map.of(bomb, "压缩炸弹", big, "过大");
        Checks.rules(); // compiled once per test JVM: not part of the time a file takes
        for (Path p : List.of(bomb, big)) {
            long start = System.nanoTime();
            SubmissionResult r = Checks.file(p);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(r.isUnreadable(), () -> p + ":\n" + Checks.dump(r));
            assertEquals(List.of("PARSE_UNREADABLE"), r.getFindings().stream().map(Finding::getCode).toList());
            assertTrue(r.getError().contains(reason.get(p)), r::getError);
            assertTrue(millis < 10_000, p + " took " + millis + " ms: refused before it is unpacked, not after");
        }
    }

    /**
     * A quarter each from the Word rendering of seed 000, its attachment workbook, its PDF and seed 004's web page;
     * the same files on every run.
     */
    private List<Path> variants() {
        Path folder = OfficeRenderings.folder("000", tmp.resolve("good"));
        Path docx = OfficeRenderings.docx("000", tmp.resolve("good"));
        Path xlsx = folder.resolve(OfficeRenderings.WORKBOOK_NAME);
        Path pdf = Path.of("fixtures/pdf/000_0c4b3fbed2722708.pdf");
        Path html = Path.of("fixtures/html/004_a3928fcbeeb643f4.html");
        Random random = new Random(SEED);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++) {
            Path source = switch (i % 4) {
                case 0 -> docx;
                case 1 -> xlsx;
                case 2 -> pdf;
                default -> html;
            };
            String name = source.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            out.add(BrokenFiles.mangled(source, random, tmp.resolve(String.format("mangled/%02d.%s", i, ext))));
        }
        assertEquals(VARIANTS, out.size());
        return out;
    }
}
