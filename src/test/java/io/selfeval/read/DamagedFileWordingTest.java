package io.selfeval.read;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged file is told to be saved again by the program it belongs to: Excel for a workbook, Word for a document. */
class DamagedFileWordingTest {
    private static final IOException DAMAGED = new IOException("Block 7 not found");

    @Test
    void aDamagedWorkbookIsToldToBeSavedFromExcel() {
        for (Formats.Kind kind : new Formats.Kind[]{Formats.Kind.XLSX, Formats.Kind.XLS}) {
            String reason = Readers.reason(DAMAGED, kind, Path.of("附表.xls"));
            assertTrue(reason.startsWith("Excel 文件内部结构损坏"), reason);
            assertTrue(reason.contains("Excel") && reason.contains(".xlsx"), reason);
            assertFalse(reason.contains("Word") || reason.contains(".docx"), reason);
        }
    }

    @Test
    void aDamagedDocumentIsToldToBeSavedFromWord() {
        String reason = Readers.reason(DAMAGED, Formats.Kind.DOC, Path.of("报告.doc"));
        assertTrue(reason.contains("Word") && reason.contains(".docx"), reason);
        assertFalse(reason.contains("Excel"), reason);
    }
}
