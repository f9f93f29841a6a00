package io.selfeval.rules;

import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import io.selfeval.bench.TextTable;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small documents and finding assertions shared by the AMT, EXE and PRJ rule tests. */
final class MoneyRuleFixtures {
    private MoneyRuleFixtures() {
    }

    /** A short report whose only money sentence is the given one, in 二、一般公共预算支出情况. */
    static String narrative(String sentence) {
        return Reports.TITLE + "一、部门基本情况\n测试县人民政府办公室是县政府的办事机构。\n二、一般公共预算支出情况\n" + sentence + "\n";
    }

    /** The document with one table row (given cell by cell, as TextTable renders it) replaced by another. */
    static String replaceRow(String doc, String[] oldRow, String[] newRow) {
        String old = TextTable.table().row(oldRow).toString();
        assertTrue(doc.contains(old), "row not found: " + String.join("|", oldRow));
        return doc.replace(old, TextTable.table().row(newRow).toString());
    }

    /** The only finding with this code. */
    static Finding only(SubmissionResult r, String code) {
        List<Finding> found = Checks.findings(r, code);
        assertEquals(1, found.size(), () -> "expected one " + code + ", got:\n" + Checks.dump(r));
        return found.get(0);
    }

    static void assertAmount(String expected, Object actual) {
        assertTrue(actual instanceof BigDecimal, () -> "not a number: " + actual);
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), () -> "expected " + expected + ", got " + actual);
    }

    static void assertNarrativeAt(Finding f, int line) {
        assertEquals(Location.NARRATIVE, f.getLocation().getPart());
        assertEquals(line, f.getLocation().getLine());
    }

    /** 1-based line of the first occurrence of a text in the document. */
    static int lineOf(String doc, String text) {
        int at = doc.indexOf(text);
        assertTrue(at >= 0, "not in document: " + text);
        return (int) doc.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
