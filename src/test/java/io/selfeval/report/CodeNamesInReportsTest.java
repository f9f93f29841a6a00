package io.selfeval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.check.Checker;
import io.selfeval.model.CheckReport;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.Submission;
import io.selfeval.rules.RuleBase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A code's Chinese name lives once, in the rules folder's code table: renamed there (in a copy of rules/), the new
 * name is what the text, JSON, workbook, HTML and SARIF reports say, with no rebuild.
 */
class CodeNamesInReportsTest {
    private static final String CODE = "EXE_RATE_MISMATCH";
    private static final String RENAMED = "执行率算错了（改名测试）";
    private static final Path SEED = Path.of("fixtures/seeds/000_0c4b3fbed2722708.txt");

    @TempDir
    static Path tmp;

    static RuleBase rules;
    static SubmissionResult result;

    @BeforeAll
    static void renameInACopyOfTheRules() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        rename(dir.resolve("codes.drl.xlsx"), CODE, RENAMED);
        rules = RuleBase.load(dir);
        result = new Checker(rules).check(Submission.of(SEED));
        assertTrue(result.getFindings().stream().anyMatch(f -> f.getCode().equals(CODE)), "the seed has an " + CODE);
    }

    @Test
    void theFindingCarriesTheNewName() {
        result.getFindings().stream().filter(f -> f.getCode().equals(CODE))
                .forEach(f -> assertEquals(RENAMED, f.getName()));
        result.getFindings().forEach(f -> assertNotNull(f.getName(), () -> f.getCode() + " is named by the code table"));
    }

    @Test
    void text() throws IOException {
        String text = write("text");
        assertTrue(text.contains("] " + CODE + " " + RENAMED + "："), text);
    }

    @Test
    void json() throws IOException {
        JsonNode findings = new ObjectMapper().readTree(write("json")).get("submissions").get(0).get("findings");
        int named = 0;
        for (JsonNode f : findings) {
            if (f.get("code").asText().equals(CODE)) {
                assertEquals(RENAMED, f.get("name").asText());
                named++;
            }
        }
        assertTrue(named > 0);
    }

    @Test
    void workbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTo("xlsx", bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet findings = wb.getSheet("问题清单");
            List<String> header = cells(findings.getRow(0));
            int code = header.indexOf("代码"), name = header.indexOf("问题类型");
            assertTrue(code >= 0 && name >= 0, header.toString());
            int named = 0;
            for (Row r : findings) {
                List<String> c = cells(r);
                if (c.size() > name && c.get(code).equals(CODE)) {
                    assertEquals(RENAMED, c.get(name));
                    named++;
                }
            }
            assertTrue(named > 0);
        }
    }

    @Test
    void html() throws IOException {
        assertTrue(write("html").contains(RENAMED));
    }

    @Test
    void sarifRules() throws IOException {
        JsonNode rulesOfRun = new ObjectMapper().readTree(write("sarif")).get("runs").get(0).get("tool").get("driver").get("rules");
        boolean found = false;
        for (JsonNode r : rulesOfRun) {
            if (r.get("id").asText().equals(CODE)) {
                assertTrue(r.toString().contains(RENAMED), r.toString());
                found = true;
            }
        }
        assertTrue(found);
    }

    @Test
    void theRealTableIsUntouched() throws Exception {
        assertFalse(Files.readString(Path.of("docs/finding-codes.md"), StandardCharsets.UTF_8).contains(RENAMED));
        assertFalse(io.selfeval.testing.Checks.rules().codes().stream().anyMatch(c -> RENAMED.equals(c.name())));
    }

    private static String write(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeTo(String format, OutputStream out) throws IOException {
        ReportSink sink = ReportSinks.create(format, out, rules);
        sink.begin(new CheckReport.Tool("selfeval", "test"), new CheckReport.RulesInfo("rules", rules.fingerprint(), rules.ruleCount()));
        sink.submission(result);
        sink.end(CheckReport.Summary.of(List.of(result)));
    }

    /** Writes {@code name} into the 中文名称 cell of the row whose cell reads {@code code}. */
    private static void rename(Path table, String code, String name) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(table)) {
            wb = new XSSFWorkbook(in);
        }
        boolean done = false;
        DataFormatter fmt = new DataFormatter();
        for (Sheet sheet : wb) {
            int nameCol = -1;
            for (Row r : sheet) {
                for (Cell c : r) {
                    String v = fmt.formatCellValue(c).strip();
                    if (v.equals("中文名称")) nameCol = c.getColumnIndex();
                    if (v.equals(code) && nameCol >= 0) {
                        r.getCell(nameCol).setCellValue(name);
                        done = true;
                    }
                }
            }
        }
        assertTrue(done, "the code table has a 中文名称 cell for " + code);
        try (OutputStream out = Files.newOutputStream(table)) {
            wb.write(out);
        }
        wb.close();
    }

    private static List<String> cells(Row r) {
        DataFormatter fmt = new DataFormatter();
        List<String> out = new java.util.ArrayList<>();
        if (r == null) return out;
        for (int i = 0; i < r.getLastCellNum(); i++) out.add(r.getCell(i) == null ? "" : fmt.formatCellValue(r.getCell(i)));
        return out;
    }
}
