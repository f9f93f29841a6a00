package io.selfeval.rules;

import io.selfeval.testing.Checks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/finding-codes.md, which the README cites, lists exactly the codes of the rules' code table, by the same names,
 * and the code families of its 代码类别 sheet in the same order under the same Chinese names.
 */
class DocsInStepTest {
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z]+_[A-Z_]+) \\| ([^|]+?) \\| (ERROR|WARNING|INFO) \\|", Pattern.MULTILINE);
    /** "## AMT — amounts that must add up (金额勾稽)". */
    private static final Pattern FAMILY = Pattern.compile("^## ([A-Z]+) — .*\\(([^()]+)\\)\\s*$", Pattern.MULTILINE);

    @Test
    void theCodeListInDocsIsTheCodeTable() throws IOException {
        String doc = Files.readString(Path.of("docs/finding-codes.md"));
        Map<String, String> documented = new TreeMap<>();
        Map<String, String> documentedSeverity = new LinkedHashMap<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            documented.put(m.group(1), m.group(2).strip());
            documentedSeverity.put(m.group(1), m.group(3));
        }
        Map<String, String> table = new TreeMap<>();
        for (CodeInfo c : Checks.rules().codes()) table.put(c.code(), c.name());
        assertEquals(table, documented, "docs/finding-codes.md and rules/codes.drl.xlsx differ");
        for (CodeInfo c : Checks.rules().codes()) {
            assertEquals(c.severity().name(), documentedSeverity.get(c.code()), "default severity of " + c.code());
        }
    }

    @Test
    void theFamiliesInDocsAreTheCodeFamiliesTable() throws IOException {
        String doc = Files.readString(Path.of("docs/finding-codes.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher m = FAMILY.matcher(doc);
        while (m.find()) documented.put(m.group(1), m.group(2).strip());
        assertEquals(List.copyOf(Checks.rules().codeFamilies().entrySet()), List.copyOf(documented.entrySet()),
                "docs/finding-codes.md headings and the 代码类别 sheet of rules/codes.drl.xlsx differ");
    }

    @Test
    void theReadmeCitesTheContractsInTheRepository() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("docs/finding-codes.md"), "README cites docs/finding-codes.md");
        assertTrue(readme.contains("docs/output-contract.md"), "README cites docs/output-contract.md");
        assertTrue(Files.exists(Path.of("docs/output-contract.md")));
    }
}
