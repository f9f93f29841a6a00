package io.selfeval.report;

import io.selfeval.check.Checker;
import io.selfeval.model.CheckReport;
import io.selfeval.model.Deduction;
import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hand-made report: one checked submission with two findings, one unreadable submission. */
final class ReportSamples {
    private ReportSamples() {
    }

    static Finding rateMismatch() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("stated", "100%");
        evidence.put("computed", "98.49%");
        evidence.put("budget", new BigDecimal("1.27305E+3"));
        evidence.put("spent", new BigDecimal("1253.78"));
        return new Finding("EXE_RATE_MISMATCH", Severity.ERROR, "执行率与金额不符", "rules/execution.drl",
                "正文称预算执行率100%，但全年执行数1253.78万元÷全年预算数1273.05万元=98.49%",
                Location.narrative("二、一般公共预算支出情况", 31, "…预算执行率100%。"), evidence, null);
    }

    static Finding overBudget() {
        return new Finding("EXE_OVER_BUDGET", Severity.WARNING, "支出超预算", "rules/execution.drl", "项目支出超预算",
                Location.table(null, "附件2 整体支出绩效自评表", "年度资金总额", "执行率", 214, null),
                Map.of("budget", new BigDecimal("10")), new Deduction("完整性/自评报告附件部分内容完整", 1.0));
    }

    static CheckReport report() {
        SubmissionResult ok = new SubmissionResult("fixtures/seeds/000.txt", List.of("fixtures/seeds/000.txt"),
                "岳阳市君山区人民政府办公室", 2024,
                new SubmissionResult.SelfScore(new BigDecimal("98.85"), new BigDecimal("98.850")),
                null, List.of(rateMismatch(), overBudget()), null);
        SubmissionResult bad = Checker.unreadable("missing.txt", "文件或文件夹不存在");
        List<SubmissionResult> subs = List.of(ok, bad);
        return new CheckReport(new CheckReport.Tool("selfeval", "0.1.0"),
                new CheckReport.RulesInfo("rules", "ab".repeat(32), 42), subs, CheckReport.Summary.of(subs));
    }
}
