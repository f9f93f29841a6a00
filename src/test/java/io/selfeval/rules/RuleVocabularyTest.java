package io.selfeval.rules;

import io.selfeval.testing.RuleFolders;
import io.selfeval.testing.XlsxTables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vocabulary rows of the parameters table (科目.*, 一级指标.* …) are checked when the rules load: a form that is no
 * regular expression stops the load naming the row, and a standard weight for a level the table does not name is a
 * warning of {@code rules verify}.
 */
@Tag("slow") // compiles edited copies of the rules folder
class RuleVocabularyTest {
    private static final String PARAMETERS = "parameters.drl.xlsx";

    @TempDir
    Path tmp;

    @Test
    void aBrokenFormStopsTheLoadNamingItsRow() throws Exception {
        Path rules = RuleFolders.copy(tmp, "broken");
        XlsxTables.set(rules.resolve(PARAMETERS), "参数", "参数名", "科目.公用经费", "参数值", "公用经费(、日常公用经费");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        String message = String.join("\n", e.getProblems());
        assertTrue(message.contains("公用经费(") && message.contains("正则表达式") && message.contains(PARAMETERS), message);
    }

    @Test
    void aStandardWeightForAnUnknownLevelIsAWarning() throws Exception {
        Path rules = RuleFolders.copy(tmp, "weights");
        XlsxTables.set(rules.resolve(PARAMETERS), "参数", "参数名", "一级指标.产出指标", "参数名", "一级指标.产出类指标");
        RuleBase base = RuleBase.load(rules);
        assertTrue(base.warnings().stream().anyMatch(w -> w.contains("标准权重.产出指标") && w.contains("产出类指标")),
                () -> String.join("\n", base.warnings()));
        assertTrue(io.selfeval.testing.Checks.rules().warnings().stream().noneMatch(w -> w.contains("标准权重")),
                "the shipped table names every level it weighs");
    }
}
