package io.selfeval.bench;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Both .docx floors read every character of the body's text, so neither is timed doing less work than the other. */
class FloorTest {
    @TempDir
    Path dir;

    @Test
    void theStreamingFloorReadsTheSameTextAsTheXwpfFloor() throws Exception {
        String paragraph = "资金总额实际支出为1253.78万元";
        String[] cells = {"基本支出", "1144.41", "项目支出", "90"};
        Path file = dir.resolve("f.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText(paragraph);
            XWPFTable t = doc.createTable(2, 2);
            for (int i = 0; i < cells.length; i++) t.getRow(i / 2).getCell(i % 2).setText(cells[i]);
            doc.write(out);
        }
        long expected = paragraph.length() + String.join("", cells).length();
        assertEquals(expected, Floor.read(file));
        assertEquals(expected, Floor.streaming(file));
        Path txt = Files.writeString(dir.resolve("f.txt"), paragraph);
        assertEquals(paragraph.length(), Floor.streaming(txt), "a .txt is read whole by both");
    }
}
