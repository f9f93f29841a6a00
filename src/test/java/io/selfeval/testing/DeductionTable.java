package io.selfeval.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Edits the deduction table (扣分对照) of a copied rules folder, as policy staff would. */
public final class DeductionTable {
    private DeductionTable() {
    }

    /**
     * Sets the points of a code's deduction row in the copied folder, wherever the deduction table is kept: the
     * csv (问题代码,考核项,每条扣分,累计上限) and/or a decision table (.xlsx) whose header row has 问题代码 and 每条扣分.
     * The test then checks through RuleBase.deductions() that the rule base read the new value.
     */
    public static void setPoints(Path rules, String code, String points) throws IOException {
        int edited = 0;
        Path csv = rules.resolve("deductions.csv");
        if (Files.exists(csv)) {
            List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
            for (int i = 0; i < lines.size(); i++) {
                String[] cols = lines.get(i).split(",", -1);
                if (cols.length >= 3 && cols[0].strip().equals(code)) {
                    cols[2] = points;
                    lines.set(i, String.join(",", cols));
                    edited++;
                }
            }
            Files.writeString(csv, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        }
        try (Stream<Path> s = Files.list(rules)) {
            for (Path xlsx : s.filter(p -> p.getFileName().toString().endsWith(".xlsx")).toList()) {
                edited += setPointsInWorkbook(xlsx, code, Double.parseDouble(points));
            }
        }
        assertTrue(edited >= 1, "no deduction row for " + code + " in " + rules);
    }

    private static int setPointsInWorkbook(Path xlsx, String code, double points) throws IOException {
        int edited = 0;
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
                int codeCol = -1;
                int pointsCol = -1;
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    if (codeCol < 0) {
                        for (org.apache.poi.ss.usermodel.Cell c : row) {
                            String t = c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING ? c.getStringCellValue().strip() : "";
                            if (t.equals("问题代码")) codeCol = c.getColumnIndex();
                            if (t.equals("每条扣分")) pointsCol = c.getColumnIndex();
                        }
                        if (pointsCol < 0) codeCol = -1;
                        continue;
                    }
                    org.apache.poi.ss.usermodel.Cell c = row.getCell(codeCol);
                    if (c != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && c.getStringCellValue().strip().equals(code)) {
                        org.apache.poi.ss.usermodel.Cell p = row.getCell(pointsCol);
                        if (p == null) p = row.createCell(pointsCol);
                        p.setCellValue(points);
                        edited++;
                    }
                }
            }
            if (edited > 0) {
                try (java.io.OutputStream out = Files.newOutputStream(xlsx)) {
                    wb.write(out);
                }
            }
        }
        return edited;
    }

}
