package io.selfeval.rules;

import io.selfeval.model.Relation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads rules/relations.csv: one relation per line, "类型,合计项,分项" with parts joined by "+", e.g.
 * {@code SUM,基本支出,人员经费+公用经费}. Lines starting with # are comments.
 */
final class Relations {
    static final String FILE = "relations.csv";

    private Relations() {
    }

    static List<Relation> load(Path dir) throws RuleCompileException {
        Path file = dir.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleCompileException(List.of(file + ": 无法读取勾稽关系文件（" + e.getMessage() + "）"));
        }
        List<Relation> relations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = file.getFileName() + ":" + (i + 1);
            String[] cols = line.split("\\s*[,，]\\s*");
            if (cols.length < 3) {
                problems.add(file + " 第" + (i + 1) + "行：应为“类型,合计项,分项”三列，实为：" + line);
                continue;
            }
            String kind = cols[0].strip().toUpperCase(java.util.Locale.ROOT);
            if (!kind.equals(Relation.SUM) && !kind.equals(Relation.LE)) {
                problems.add(file + " 第" + (i + 1) + "行：类型应为 SUM（合计=分项之和）或 LE（合计≥分项之和），实为：" + cols[0]);
                continue;
            }
            List<String> parts = Arrays.stream(cols[2].split("\\+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (parts.isEmpty()) {
                problems.add(file + " 第" + (i + 1) + "行：没有分项");
                continue;
            }
            relations.add(new Relation(kind, cols[1].strip(), parts, where));
        }
        if (!problems.isEmpty()) throw new RuleCompileException(problems);
        return relations;
    }
}
