package io.selfeval.recognize;

import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A table that states its amounts in 元 (（单位：元）, 经费控制情况（元）) is read in 万元 like the rest. */
class TableUnitsTest {
    static Set<String> errors(SubmissionResult r) {
        Set<String> out = new TreeSet<>();
        for (Finding f : r.getFindings()) if (f.getSeverity().name().equals("ERROR")) out.add(f.getCode());
        return out;
    }

    /** The project table with its money in 元, as the title line under it says. */
    static String projectInYuan(String spent) {
        String p = Reports.swap(Reports.project(), "2024年度项目支出绩效自评表\n", "2024年度项目支出绩效自评表\n（单位：元）\n");
        p = Reports.swap(p, "\t项目资金\n（万元）\n", "\t项目资金\n");
        p = Reports.swap(p, "\t年度资金总额\n\t70\n\t70\n\t70\n", "\t年度资金总额\n\t700,000.00\n\t700,000.00\n\t" + spent + "\n");
        return Reports.swap(p, "\t其中：当年财政拨款\n\t70\n\t70\n\t70\n", "\t其中：当年财政拨款\n\t700000\n\t700000\n\t" + spent + "\n");
    }

    /** The 基础数据表's money block in 元 (its header says so), staffing untouched. */
    static String basicDataInYuan() {
        String b = Reports.swap(Reports.basicData(), "经费控制情况（万元）", "经费控制情况（元）");
        int at = b.indexOf("经费控制情况（元）");
        // Every amount of the money block times 10,000: "\t6\n" → "\t60000\n".
        return b.substring(0, at) + b.substring(at).replaceAll("(?m)^\t(\\d+)$", "\t$10000");
    }

    @Test
    void statedUnits() {
        assertEquals("元", TableUnits.stated("（单位：元）"));
        assertEquals("万元", TableUnits.stated("项目资金\n（万元）"));
        assertEquals("元", TableUnits.stated("单位:元"));
        assertNull(TableUnits.stated("人均经费3000元/人"));
        assertNull(TableUnits.stated("（单位：元）项目资金（万元）"));
        assertEquals("70.0000000", TableUnits.money("700,000.000", "元").orElseThrow().getValue().toPlainString());
        assertEquals("70", TableUnits.money("70万元", "元").orElseThrow().getValue().toPlainString());
        assertEquals("%", TableUnits.money("100%", "元").orElseThrow().getUnit());
    }

    @Test
    void aProjectTableInYuanAgreesWithTheRest() {
        String report = Reports.TITLE + Reports.body() + Reports.basicData() + Reports.overall() + projectInYuan("700000");
        SubmissionResult r = Checks.text(report);
        assertEquals(Set.of(), errors(r), () -> Checks.dump(r));
    }

    @Test
    void aWrongFigureInAYuanTableIsFound() {
        String report = Reports.TITLE + Reports.body() + Reports.basicData() + Reports.overall() + projectInYuan("690000");
        SubmissionResult r = Checks.text(report);
        assertTrue(errors(r).contains("EXE_RATE_MISMATCH"), () -> Checks.dump(r));
        assertTrue(Checks.findings(r, "EXE_RATE_MISMATCH").stream().anyMatch(f -> f.getMessage().contains("69")), () -> Checks.dump(r));
    }

    @Test
    void aBasicDataMoneyBlockInYuan() {
        String report = Reports.TITLE + Reports.body() + basicDataInYuan() + Reports.overall() + Reports.project();
        SubmissionResult r = Checks.text(report);
        assertEquals(Set.of(), errors(r), () -> Checks.dump(r));
        String broken = Reports.swap(report, "\t三公经费\n\t60000\n\t50000\n\t40000\n", "\t三公经费\n\t60000\n\t50000\n\t45000\n");
        SubmissionResult rb = Checks.text(broken);
        assertTrue(errors(rb).contains("AMT_SUM_MISMATCH"), () -> Checks.dump(rb));
    }
}
