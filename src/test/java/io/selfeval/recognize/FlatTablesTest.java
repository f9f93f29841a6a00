package io.selfeval.recognize;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import io.selfeval.model.Attachment;
import io.selfeval.model.Figure;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.TextReader;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.selfeval.recognize.TableSegmenterTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 基础数据表 given as one cell per line, blank cells dropped (web page, copy-paste, PDF text), rebuilt into a grid. */
class FlatTablesTest {
    /** The text rendering with its tables flattened: each non-blank cell on a line of its own, in reading order. */
    static String flatten(String rendering) {
        StringBuilder sb = new StringBuilder();
        for (Block b : TextReader.parse("t.txt", rendering).blocks()) {
            if (b instanceof Paragraph p) {
                sb.append(p.text()).append('\n');
            } else if (b instanceof Table t) {
                for (Row r : t.rows()) {
                    for (Cell c : r.cells()) {
                        String text = c.text().replaceAll("\\s*\\n\\s*", "").strip();
                        if (!text.isEmpty()) sb.append(text).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    static String report(String basicData) {
        return Reports.TITLE + Reports.body() + "\n" + flatten(basicData) + "\n" + Reports.overall() + "\n" + Reports.project();
    }

    private static List<Figure> basicFigures(String text) {
        return Recognizer.recognize(TextReader.parse("t.txt", text), io.selfeval.testing.Checks.rules().vocabulary()).factsOf(Figure.class).stream()
                .filter(f -> f.getSource().contains("基础数据表")).toList();
    }

    @Test
    void aFlattenedBasicDataTableIsReadAsATable() {
        String report = report(Reports.basicData());
        var rec = Recognizer.recognize(TextReader.parse("t.txt", report), io.selfeval.testing.Checks.rules().vocabulary());
        assertTrue(rec.factsOf(Attachment.class).stream().anyMatch(a -> a.getKind().equals(Attachment.BASIC_DATA)));
        assertTrue(basicFigures(report).stream().anyMatch(f -> f.getMeasure().equals(Figure.HEADCOUNT)));
        assertTrue(basicFigures(report).stream().anyMatch(f -> f.getSubject().equals("公用经费")), () -> basicFigures(report).toString());
        SubmissionResult r = Checks.text(report);
        assertEquals(Set.of(), errors(r), () -> report + "\n" + Checks.dump(r));
    }

    @Test
    void aWrongStaffingRateInAFlattenedTableIsFound() {
        String basic = Reports.swap(Reports.basicData(), "\t90%\n", "\t95%\n");
        SubmissionResult r = Checks.text(report(basic));
        assertTrue(errors(r).contains("META_STAFF_RATE"), () -> Checks.dump(r));
    }

    @Test
    void aWrongPartInAFlattenedMoneyBlockIsFound() {
        String basic = Reports.swap(Reports.basicData(), "会议费、培训费\n\t5\n\t5\n\t5\n", "会议费、培训费\n\t5\n\t5\n\t75\n");
        SubmissionResult r = Checks.text(report(basic));
        assertTrue(errors(r).contains("AMT_PART_EXCEEDS_TOTAL") || errors(r).contains("AMT_SUM_MISMATCH"), () -> Checks.dump(r));
    }

    @Test
    void aBlankDroppedFromAMoneyRowLeavesTheBlockUnread() {
        // 2024年决算数 of 三公经费 left blank: which of the three columns is empty cannot be told, so no figures.
        String basic = Reports.swap(Reports.basicData(), "\t三公经费\n\t6\n\t5\n\t4\n", "\t三公经费\n\t6\n\t5\n\t\n");
        String report = report(basic);
        assertEquals(List.of(), basicFigures(report).stream().filter(f -> !f.getMeasure().equals(Figure.HEADCOUNT)).toList());
        SubmissionResult r = Checks.text(report);
        assertFalse(errors(r).contains("AMT_SUM_MISMATCH"), () -> Checks.dump(r));
        assertFalse(errors(r).contains("AMT_PART_EXCEEDS_TOTAL"), () -> Checks.dump(r));
    }
}
