package io.selfeval.recognize;

import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.OfficeDocs;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several forms in one grid, a Word table continued on the next page, and note rows under a table. */
class TableSegmenterTest {
    @TempDir
    Path dir;

    static Set<String> errors(SubmissionResult r) {
        Set<String> out = new TreeSet<>();
        for (Finding f : r.getFindings()) if (f.getSeverity().name().equals("ERROR")) out.add(f.getCode());
        return out;
    }

    /** The second project of the basic data table (运行维护经费, 30万元) as its own 项目支出绩效自评表. */
    static String secondProject() {
        return Reports.project().replace("业务工作经费", "运行维护经费").replace("70", "30");
    }

    /** A folder: the narrative as text, the attachments in one workbook, 附件3 holding both projects one below the other. */
    private Path folder(String second) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("unit"));
        Files.writeString(sub.resolve("report.txt"), Reports.TITLE + Reports.body());
        String secondTitled = second.replace("附件3\n", "");
        OfficeDocs.xlsx(sub.resolve("附表.xlsx"), List.of(
                List.of("附件1", Reports.basicData()),
                List.of("附件2", Reports.overall()),
                List.of("附件3", Reports.project(), secondTitled)));
        return sub;
    }

    @Test
    void twoProjectTablesInOneSheetAreReadAsTwo() throws IOException {
        SubmissionResult r = Checks.file(folder(secondProject()));
        assertEquals(Set.of(), errors(r), () -> Checks.dump(r));
    }

    @Test
    void aFaultInTheSecondTableOfASheetIsFound() throws IOException {
        String broken = Reports.swap(secondProject(), "\t服务保障到位率\n\t≥95%\n\t98%\n\t30\n\t30\n",
                "\t服务保障到位率\n\t≥95%\n\t98%\n\t25\n\t25\n");
        SubmissionResult r = Checks.file(folder(broken));
        assertTrue(errors(r).contains("SCR_WEIGHT_SUM"), () -> Checks.dump(r));
        assertTrue(Checks.findings(r, "SCR_WEIGHT_SUM").stream().allMatch(f -> !f.getMessage().contains("150")), () -> Checks.dump(r));
    }

    @Test
    void aWordTableContinuedOnTheNextPageIsOneTable() {
        String overall = Reports.overall();
        String cut = "\t\n\t\n\t质量指标";
        int at = overall.indexOf(cut);
        assertTrue(at > 0);
        String header = "\t\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n";
        // Word renders the second part as a table of its own, its header row repeated.
        String continued = overall.substring(0, at) + "\n续表\n\n" + header + overall.substring(at);
        Path docx = OfficeDocs.docx(dir.resolve("r.docx"), Reports.TITLE + Reports.body(), Reports.basicData(), continued, Reports.project());
        SubmissionResult r = Checks.file(docx);
        assertEquals(Set.of(), errors(r), () -> Checks.dump(r));

        String brokenTotal = continued.replace("\t总分\n\t100\n\t98.8", "\t总分\n\t100\n\t97.8");
        Path broken = OfficeDocs.docx(dir.resolve("b.docx"), Reports.TITLE + Reports.body().replace("98.8", "97.8"),
                Reports.basicData(), brokenTotal, Reports.project());
        SubmissionResult rb = Checks.file(broken);
        assertTrue(errors(rb).contains("SCR_SUM_MISMATCH"), () -> Checks.dump(rb));
    }

    @Test
    void aNoteRowUnderTheTableIsNotData() {
        String note = Reports.row("说明：1.分值设定100分，其中预算执行率10分、产出指标50分、效益指标30分、满意度指标10分。");
        Path docx = OfficeDocs.docx(dir.resolve("n.docx"), Reports.TITLE + Reports.body(), Reports.basicData(),
                Reports.overall() + note, Reports.project() + note);
        SubmissionResult r = Checks.file(docx);
        assertEquals(Set.of(), errors(r), () -> Checks.dump(r));
    }
}
