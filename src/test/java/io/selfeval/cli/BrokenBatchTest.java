package io.selfeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.fixtures.BrokenFiles;
import io.selfeval.fixtures.OfficeRenderings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch folder of twenty files as a reviewer receives it, five of them broken (empty, cut short, damaged,
 * a picture named .docx, password-protected): the run goes to the end, checks the fifteen good submissions, lists
 * the five broken ones each with one PARSE_* finding, and exits 3.
 */
class BrokenBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path OFFICE = Path.of("fixtures/office");

    @TempDir
    Path tmp;

    @Test
    void twentyFilesFiveBrokenRunToTheEnd() throws IOException {
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        List<String> broken = List.of("空白.docx", "截断.docx", "损坏.xlsx", "图片.docx", "加密.xlsx");

        // Fifteen good submissions, one file each.
        for (String id : OfficeRenderings.seedIds()) {
            Files.copy(OfficeRenderings.seedFile(id), batch.resolve(id + "-文本.txt"));
            Files.copy(OfficeRenderings.docx(id, work), batch.resolve(id + "-报告.docx"));
        }
        Files.copy(OFFICE.resolve("000_0c4b3fbed2722708.doc"), batch.resolve("000-报告.doc"));
        // A Word 2007 file saved under the old .doc name: read by what it is, not by its name.
        Files.copy(OfficeRenderings.docx("001", work.resolve("renamed")), batch.resolve("001-报告（另存）.doc"));
        zip(OfficeRenderings.folder("000", work), batch.resolve("000-报告与附表.zip"));
        zip(OfficeRenderings.folder("004", work), batch.resolve("004-报告与附表.zip"));
        zip(OFFICE.resolve("000_0c4b3fbed2722708"), batch.resolve("000-旧版报告与附表.zip"));

        // Five broken ones.
        Path goodDocx = OfficeRenderings.docx("002", work.resolve("good"));
        Path goodXlsx = OfficeRenderings.folder("004", work.resolve("good")).resolve(OfficeRenderings.WORKBOOK_NAME);
        BrokenFiles.empty(batch.resolve(broken.get(0)));
        BrokenFiles.truncated(goodDocx, 0.5, batch.resolve(broken.get(1)));
        BrokenFiles.corrupted(goodXlsx, batch.resolve(broken.get(2)));
        BrokenFiles.pictureNamed(batch.resolve(broken.get(3)));
        BrokenFiles.passwordProtected(batch.resolve(broken.get(4)));
        try (Stream<Path> files = Files.list(batch)) {
            assertEquals(20, files.count());
        }

        CliRun r = CliRun.of("check", batch.toString(), "--format", "json", "--rules", "rules", "--jobs", "4");
        assertEquals(3, r.exit(), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        JsonNode doc = JSON.readTree(r.out());
        JsonNode subs = doc.get("submissions");
        assertEquals(20, subs.size(), r::toString);
        assertEquals(20, doc.get("summary").get("submissions").asInt());
        assertEquals(5, doc.get("summary").get("unreadable").asInt(), r::toString);

        Map<String, List<String>> parseCodes = new TreeMap<>();
        List<String> checked = new ArrayList<>();
        for (JsonNode s : subs) {
            String name = Path.of(s.get("file").asText()).getFileName().toString();
            List<String> codes = new ArrayList<>();
            s.get("findings").forEach(f -> {
                if (f.get("code").asText().startsWith("PARSE_")) codes.add(f.get("code").asText());
            });
            if (codes.isEmpty()) {
                assertTrue(s.get("error").isNull(), s::toString);
                checked.add(name);
            } else {
                parseCodes.put(name, codes);
                assertFalse(s.get("error").isNull() || s.get("error").asText().isBlank(), () -> "a reason for " + name + ": " + s);
            }
        }
        assertEquals(15, checked.size(), () -> "checked: " + checked + "\nbroken: " + parseCodes);
        assertEquals(new java.util.TreeSet<>(broken), parseCodes.keySet(), parseCodes::toString);
        parseCodes.forEach((name, codes) -> assertEquals(List.of("PARSE_UNREADABLE"), codes, name));
    }

    /** A folder submission sent as one .zip: the folder itself is the top entry, as Windows' 'send to zip' makes it. */
    static Path zip(Path folder, Path out) throws IOException {
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os);
             Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.getFileName() + "/" + f.getFileName()));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        return out;
    }
}
