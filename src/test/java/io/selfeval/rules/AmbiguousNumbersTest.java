package io.selfeval.rules;

import io.selfeval.testing.RuleFolders;
import io.selfeval.testing.XlsxTables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers typed into the rule tables as staff type them in Excel: a value whose meaning depends on a convention
 * ("0,3", "1.234,5", "30%" typed as text) is refused with its sheet and cell; plain, full-width and thousands-grouped
 * numbers are read; a value outside its 取值范围 is a warning of verify, not a refusal.
 */
@Tag("slow") // copies and recompiles rules/
class AmbiguousNumbersTest {
    private static final String PARAMETERS = "parameters.drl.xlsx";

    @TempDir
    Path tmp;

    private String set(Path rules, String name, String column, String value) {
        return XlsxTables.set(rules.resolve(PARAMETERS), "参数", "参数名", name, column, value);
    }

    private String refused(String name, String value) {
        Path rules = RuleFolders.copy(tmp, "refused-" + Integer.toHexString(value.hashCode()));
        String cell = set(rules, name, "参数值", value);
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules), value);
        assertEquals(1, e.getProblems().size(), e::getMessage);
        String p = e.getProblems().get(0);
        assertTrue(p.contains(PARAMETERS + " 参数!" + cell + "：参数“" + name + "”的值“" + value + "”"), p);
        return p;
    }

    @Test
    void aCommaWhoseMeaningDependsOnTheConventionIsRefusedWithSheetAndCell() {
        assertTrue(refused("预算调整阈值", "0,3").contains("含义不明"));
        assertTrue(refused("预算调整阈值", "1.234,5").contains("含义不明"));
        assertTrue(refused("满分", "1,00").contains("含义不明"));
    }

    @Test
    void aPercentTypedAsTextIsRefusedWithTheDecimalItMeant() {
        String p = refused("预算调整阈值", "30%");
        assertTrue(p.contains("百分数") && p.contains("0.30"), p);
        assertTrue(refused("产出效益权重下限", "６０％").contains("百分数"));
    }

    @Test
    void plainFullWidthAndGroupedNumbersAreRead() throws RuleCompileException {
        Path rules = RuleFolders.copy(tmp, "read");
        set(rules, "预算调整阈值", "参数值", "０．２５");
        set(rules, "客观性.最少字数", "参数值", "1,200");
        RuleBase rb = RuleBase.load(rules);
        assertEquals(0, new BigDecimal("0.25").compareTo(rb.parameters().num("预算调整阈值")));
        assertEquals(0, new BigDecimal("1200").compareTo(rb.parameters().num("客观性.最少字数")));
    }

    @Test
    void aThresholdOutsideItsRangeIsAWarningNamingTheCell() throws RuleCompileException {
        Path rules = RuleFolders.copy(tmp, "implausible");
        String share = set(rules, "预算调整阈值", "参数值", "20");
        String tolerance = set(rules, "比率容差", "参数值", "-0.1");
        RuleBase rb = RuleBase.load(rules);
        List<String> warnings = rb.warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.contains(PARAMETERS + " 参数!" + share)
                && w.contains("预算调整阈值") && w.contains("不在取值范围 0-1")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains(PARAMETERS + " 参数!" + tolerance)
                && w.contains("比率容差") && w.contains("不在取值范围 ≥0")), warnings::toString);
        // The intact table has no such warning.
        assertTrue(RuleBase.load(RuleFolders.copy(tmp, "intact")).warnings().stream().noneMatch(w -> w.contains("取值范围")));
    }

    @Test
    void anUnreadableRangeIsRefused() {
        Path rules = RuleFolders.copy(tmp, "bad-range");
        String cell = set(rules, "预算调整阈值", "取值范围", "零到一");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        assertTrue(e.getMessage().contains(PARAMETERS + " 参数!" + cell + "：") && e.getMessage().contains("取值范围“零到一”写法有误"),
                e::getMessage);
    }

    @Test
    void rangesRead() {
        assertTrue(PlausibleRange.parse("0-1").contains(BigDecimal.ONE));
        assertTrue(!PlausibleRange.parse("0-1").contains(new BigDecimal("1.01")));
        assertTrue(!PlausibleRange.parse(">0").contains(BigDecimal.ZERO));
        assertTrue(PlausibleRange.parse("≥0").contains(BigDecimal.ZERO));
        assertTrue(!PlausibleRange.parse("<1").contains(BigDecimal.ONE));
        assertEquals(null, PlausibleRange.parse("1-0"));
    }
}
