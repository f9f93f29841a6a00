package io.selfeval.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule-test report written as a base report plus a few edits, so that a case shows what it changes and nothing
 * else. The file's first line names the base; each further line is one edit by the base's line numbers:
 * <pre>
 * 基于：完整报告.txt
 * 第5行改为：全年实际支出490万元，其中：基本支出390万元，项目支出90万元。
 * 删去第21-103行
 * 第40行前插入：（新的一行）
 * </pre>
 * Text after "：" is taken as it is (a leading tab marks a table cell, as in the base). Lines starting with # are
 * comments. All edits refer to the base as it is, whatever their order.
 */
public final class ReportEdits {
    static final String BASE = "基于：";
    private static final Pattern REPLACE = Pattern.compile("^第(\\d+)行改为：(.*)$");
    private static final Pattern DELETE = Pattern.compile("^删去第(\\d+)(?:[-－至](\\d+))?行$");
    private static final Pattern INSERT = Pattern.compile("^第(\\d+)行前插入：(.*)$");

    private ReportEdits() {
    }

    /** A mistake in an edit file, naming its line. */
    public static final class EditException extends Exception {
        EditException(String message) {
            super(message);
        }
    }

    /** Whether the file is written as edits of a base report (its first line is "基于：…"). */
    public static boolean isEdits(Path file) {
        try {
            List<String> lines = read(file);
            return !lines.isEmpty() && lines.get(0).startsWith(BASE);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The base named by the edits (relative to the edit file's folder). */
    public static Path base(Path edits) throws IOException, EditException {
        String name = read(edits).get(0).substring(BASE.length()).strip();
        Path base = edits.resolveSibling(name).normalize();
        if (!Files.isRegularFile(base)) throw new EditException(edits.getFileName() + " 第1行：基础报告“" + name + "”不存在");
        return base;
    }

    /** The report the edits describe, written into {@code dir} under the edit file's name. */
    public static Path write(Path edits, Path dir) throws IOException, EditException {
        Path base = base(edits);
        List<String> text = apply(read(base), read(edits), edits.getFileName().toString());
        Path out = dir.resolve(edits.getFileName().toString());
        Files.writeString(out, String.join("\n", text) + "\n", StandardCharsets.UTF_8);
        return out;
    }

    static List<String> apply(List<String> base, List<String> edits, String name) throws EditException {
        Map<Integer, String> replaced = new TreeMap<>();
        Map<Integer, List<String>> inserted = new TreeMap<>();
        boolean[] deleted = new boolean[base.size() + 1];
        for (int i = 1; i < edits.size(); i++) {
            String e = edits.get(i);
            String where = name + " 第" + (i + 1) + "行";
            if (e.isBlank() || e.startsWith("#")) continue;
            Matcher m;
            if ((m = REPLACE.matcher(e)).matches()) {
                int line = line(m.group(1), base.size(), base.size(), where);
                if (replaced.put(line, m.group(2)) != null) throw new EditException(where + "：第" + line + "行改了两次");
            } else if ((m = DELETE.matcher(e)).matches()) {
                int from = line(m.group(1), base.size(), base.size(), where);
                int to = m.group(2) == null ? from : line(m.group(2), base.size(), base.size(), where);
                if (to < from) throw new EditException(where + "：删去的行号从大到小");
                for (int l = from; l <= to; l++) deleted[l] = true;
            } else if ((m = INSERT.matcher(e)).matches()) {
                int line = line(m.group(1), base.size() + 1, base.size(), where);
                inserted.computeIfAbsent(line, k -> new ArrayList<>()).add(m.group(2));
            } else {
                throw new EditException(where + "：看不懂这一行；应为“第N行改为：…”“删去第N-M行”或“第N行前插入：…”");
            }
        }
        List<String> out = new ArrayList<>();
        for (int l = 1; l <= base.size() + 1; l++) {
            out.addAll(inserted.getOrDefault(l, List.of()));
            if (l > base.size()) break;
            if (deleted[l] && replaced.containsKey(l)) throw new EditException(name + "：第" + l + "行既改又删");
            if (!deleted[l]) out.add(replaced.getOrDefault(l, base.get(l - 1)));
        }
        return out;
    }

    private static int line(String digits, int max, int lines, String where) throws EditException {
        int n;
        try {
            n = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > max) throw new EditException(where + "：行号 " + digits + " 超出基础报告的范围（基础报告共" + lines + "行）");
        return n;
    }

    private static List<String> read(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) s = s.substring(1);
        List<String> lines = new ArrayList<>(List.of(s.split("\\R", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }
}
