package io.selfeval.rules;

import io.selfeval.model.DeductionRule;
import io.selfeval.model.RubricItem;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads the review rubric (rules/rubric.csv: 一级标准,二级标准,分值,评分标准) and the deduction table
 * (rules/deductions.csv: 问题代码,考核项,每条扣分,累计上限). Lines starting with # are comments.
 */
final class RubricData {
    static final String RUBRIC = "rubric.csv";
    static final String DEDUCTIONS = "deductions.csv";

    private RubricData() {
    }

    static List<RubricItem> rubric(Path dir) throws RuleCompileException {
        List<RubricItem> items = new ArrayList<>();
        read(dir.resolve(RUBRIC), 3, (cols, where) -> items.add(new RubricItem(cols[0], cols[1], number(cols[2], where),
                cols.length > 3 ? cols[3] : "")));
        return items;
    }

    static List<DeductionRule> deductions(Path dir) throws RuleCompileException {
        List<DeductionRule> rows = new ArrayList<>();
        read(dir.resolve(DEDUCTIONS), 3, (cols, where) -> rows.add(new DeductionRule(cols[0], cols[1], number(cols[2], where),
                cols.length > 3 && !cols[3].isBlank() ? number(cols[3], where) : null, where)));
        return rows;
    }

    private static BigDecimal number(String text, String where) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "：“" + text + "”不是数字");
        }
    }

    private static void read(Path file, int minColumns, BiConsumer<String[], String> row) throws RuleCompileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleCompileException(List.of(file + "：无法读取（" + e.getMessage() + "）"));
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = file + " 第" + (i + 1) + "行";
            String[] cols = line.split("\\s*[,，]\\s*", -1);
            if (cols.length < minColumns) {
                problems.add(where + "：至少应有" + minColumns + "列，实为：" + line);
                continue;
            }
            try {
                row.accept(cols, where);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new RuleCompileException(problems);
    }
}
