package io.selfeval.recognize;

import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.OfficeDocs;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static io.selfeval.recognize.TableSegmenterTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 总分 row read by column: 分值 under 分值, the self-score under 得分; a blank 得分 is a missing self-score. */
class TotalRowTest {
    @TempDir
    Path dir;

    private static final String SCORE_SENTENCE = "2024年，县政府办部门整体支出绩效自评得分98.8分，评价等级为“优秀”。";

    /** The report without the narrative's self-score, so only the table gives it. */
    private static String withoutNarrativeScore(String overall) {
        return Reports.TITLE + Reports.swap(Reports.body(), SCORE_SENTENCE, "2024年，县政府办全面完成年度工作任务。") + "\n"
                + Reports.basicData() + "\n" + overall + "\n" + Reports.project();
    }

    private static final String TOTAL = "\t总分\n\t100\n\t98.8\n\t\n";

    @Test
    void theTableTotalAloneIsTheSelfScore() {
        SubmissionResult r = Checks.text(withoutNarrativeScore(Reports.overall()));
        assertEquals(Set.of(), errors(r), () -> Checks.dump(r));
    }

    @Test
    void aBlankScoreCellIsAMissingSelfScoreNotTheWeight() {
        String blank = Reports.swap(Reports.overall(), TOTAL, "\t总分\n\t100\n\t\n\t\n");
        SubmissionResult r = Checks.text(withoutNarrativeScore(blank));
        assertEquals(Set.of("CMP_MISSING_SELF_SCORE"), errors(r), () -> Checks.dump(r));
    }

    @Test
    void aBlankScoreCellInWordAndExcel() {
        String blank = Reports.swap(Reports.overall(), TOTAL, "\t总分\n\t100\n\t\n\t\n");
        String report = withoutNarrativeScore(blank);
        SubmissionResult docx = Checks.file(OfficeDocs.docx(dir.resolve("r.docx"), report));
        assertEquals(Set.of("CMP_MISSING_SELF_SCORE"), errors(docx), () -> Checks.dump(docx));
        SubmissionResult ok = Checks.file(OfficeDocs.docx(dir.resolve("ok.docx"), withoutNarrativeScore(Reports.overall())));
        assertEquals(Set.of(), errors(ok), () -> Checks.dump(ok));
    }

    @Test
    void aWrongTotalIsStillFound() {
        String wrong = Reports.swap(Reports.overall(), TOTAL, "\t总分\n\t100\n\t97.8\n\t\n");
        SubmissionResult r = Checks.text(withoutNarrativeScore(wrong));
        assertEquals(Set.of("SCR_SUM_MISMATCH"), errors(r), () -> Checks.dump(r));
    }

    @Test
    void aTotalRowWithItsBlankCellsDroppedIsPlacedByWhatItEquals() {
        // A rendering that dropped the blank cells: "总分 | 100" — 100 equals the weights (100), not the scores (98.8).
        String dropped = Reports.swap(Reports.overall(), TOTAL, "\t总分\n\t100\n");
        SubmissionResult r = Checks.text(withoutNarrativeScore(dropped));
        assertEquals(Set.of("CMP_MISSING_SELF_SCORE"), errors(r), () -> Checks.dump(r));
    }
}
