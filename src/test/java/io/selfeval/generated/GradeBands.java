package io.selfeval.generated;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The grade bands of the rule parameters (rows 等级.NAME with a value "LOW-HIGH" in rules/parameters.drl.xlsx), read
 * with POI so that the generator grades by the same data the rules do. Falls back to the shipped bands when the file
 * cannot be read.
 */
final class GradeBands {
    record Band(String name, BigDecimal low, BigDecimal high) {
    }

    private static final List<Band> BANDS = load(Path.of("rules", "parameters.drl.xlsx"));

    private GradeBands() {
    }

    static List<Band> bands() {
        return BANDS;
    }

    /** The highest band whose [low, high] holds the score; on a boundary both bands are accepted, the upper is written. */
    static String gradeOf(BigDecimal score) {
        for (Band b : BANDS) {
            if (score.compareTo(b.low) >= 0 && score.compareTo(b.high) <= 0) return b.name;
        }
        return BANDS.get(BANDS.size() - 1).name;
    }

    /** Whether the score lies within a margin of a band boundary (the generator keeps a wrong grade away from them). */
    static boolean nearBoundary(BigDecimal score, BigDecimal margin) {
        for (Band b : BANDS) {
            if (score.subtract(b.low).abs().compareTo(margin) <= 0 || score.subtract(b.high).abs().compareTo(margin) <= 0) return true;
        }
        return false;
    }

    /** A grade that the score does not fit. */
    static String wrongGradeFor(BigDecimal score) {
        String right = gradeOf(score);
        for (Band b : BANDS) {
            if (!b.name.equals(right) && (score.compareTo(b.low) < 0 || score.compareTo(b.high) > 0)) return b.name;
        }
        throw new IllegalStateException("every band fits " + score);
    }

    private static List<Band> load(Path file) {
        List<Band> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
                for (Sheet s : wb) {
                    for (Row r : s) {
                        for (Cell c : r) {
                            String key = fmt.formatCellValue(c).strip();
                            if (!key.startsWith("等级.")) continue;
                            // The value is the first later cell in the row that reads LOW-HIGH.
                            for (int k = c.getColumnIndex() + 1; k < r.getLastCellNum(); k++) {
                                Cell v = r.getCell(k);
                                String text = v == null ? "" : fmt.formatCellValue(v).strip();
                                if (text.matches("\\d+(\\.\\d+)?\\s*-\\s*\\d+(\\.\\d+)?")) {
                                    String[] lh = text.split("-");
                                    out.add(new Band(key.substring(3), new BigDecimal(lh[0].strip()), new BigDecimal(lh[1].strip())));
                                    break;
                                }
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (out.isEmpty()) {
            out.add(new Band("优秀", BigDecimal.valueOf(90), BigDecimal.valueOf(100)));
            out.add(new Band("良好", BigDecimal.valueOf(80), BigDecimal.valueOf(90)));
            out.add(new Band("较差", BigDecimal.valueOf(60), BigDecimal.valueOf(80)));
            out.add(new Band("差", BigDecimal.ZERO, BigDecimal.valueOf(60)));
        }
        out.sort(Comparator.comparing(Band::low).reversed());
        return List.copyOf(out);
    }
}
