package io.selfeval.check;

import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.TempFiles;
import io.selfeval.rules.RuleBase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rule tests policy staff write: case tables under {@code <rules>/tests/} ({@code *.csv}, one case a row, columns
 * found by their Chinese headers 用例名称, 输入文件, 必须出现, 不得出现, 考核得分; other columns such as 说明 are ignored),
 * each naming an input report and the finding codes that must and must not appear, and optionally the review score.
 * <p>
 * The tables are read as UTF-8 (with or without BOM), or as GB18030 when they are not valid UTF-8 (Excel's plain
 * "CSV" on a Chinese system). Lines starting with # are comments. Codes in a cell are separated by spaces, commas,
 * 、 ， ； or |. An input path is relative to the folder of the table, or else to the working directory (so
 * {@code fixtures/seeds/002_….txt} works from the project folder); an absolute path is taken as it is.
 */
public final class RuleTests {
    public static final String DIR = "tests";

    static final String NAME = "用例名称";
    static final String INPUT = "输入文件";
    static final String MUST = "必须出现";
    static final String MUST_NOT = "不得出现";
    static final String SCORE = "考核得分";

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；|]+");
    private static final BigDecimal SCORE_TOLERANCE = new BigDecimal("0.005");

    private RuleTests() {
    }

    /** One case: where it is written (table and line), its input, and what it expects. */
    /**
     * One case: where it is written (table and line), its input, and what it expects. {@code lines} holds, for a code
     * of {@code mustAppear} written with lines ("AMT_SUM_MISMATCH@26"), the lines of the input where it must be found.
     */
    public record Case(String name, String source, String inputName, Path input, Set<String> mustAppear,
                       Set<String> mustNotAppear, BigDecimal score, Map<String, Set<Integer>> lines) {
        public Case(String name, String source, String inputName, Path input, Set<String> mustAppear,
                    Set<String> mustNotAppear, BigDecimal score) {
            this(name, source, inputName, input, mustAppear, mustNotAppear, score, Map.of());
        }
    }

    /** The outcome of one case: what went wrong (empty when it passed) and the codes that appeared. */
    public record Result(Case testCase, List<String> failures, Set<String> found) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** A case table that cannot be used: each problem names the table and line. */
    public static final class CaseFileException extends Exception {
        private final List<String> problems;

        public CaseFileException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The case tables of a rules folder: {@code tests/*.csv}, in name order. */
    public static List<Path> tables(Path rulesDir) throws CaseFileException {
        Path dir = rulesDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            throw new CaseFileException(List.of("规则目录中没有测试用例文件夹：" + dir));
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> tables = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(p -> !p.getFileName().toString().startsWith("~$") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
            if (tables.isEmpty()) throw new CaseFileException(List.of(dir + " 中没有用例表（*.csv）"));
            return tables;
        } catch (IOException e) {
            throw new CaseFileException(List.of("无法读取 " + dir + "：" + e.getMessage()));
        }
    }

    /** Reads every case of the given tables; all problems of all tables are reported together. */
    public static List<Case> load(List<Path> tables) throws CaseFileException {
        List<Case> cases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path t : tables) {
            try {
                cases.addAll(load(t));
            } catch (CaseFileException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new CaseFileException(problems);
        return cases;
    }

    /** Reads the cases of one table. */
    public static List<Case> load(Path table) throws CaseFileException {
        String text;
        try {
            text = decode(Files.readAllBytes(table));
        } catch (IOException e) {
            throw new CaseFileException(List.of(table + "：无法读取（" + e.getMessage() + "）"));
        }
        List<Row> rows = Csv.parse(text, table.toString());
        List<String> problems = new ArrayList<>();
        Map<String, Integer> columns = null;
        List<Case> cases = new ArrayList<>();
        Path base = table.toAbsolutePath().getParent();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i).cells();
            String where = table + " 第" + rows.get(i).line() + "行";
            if (row.stream().allMatch(String::isBlank) || row.get(0).strip().startsWith("#")) continue;
            if (columns == null) {
                columns = header(row, where, problems);
                if (columns == null) break;
                continue;
            }
            String name = cell(row, columns.get(NAME));
            String inputCell = cell(row, columns.get(INPUT));
            String caseName = name.isEmpty() ? "第" + rows.get(i).line() + "行" : name;
            if (inputCell.isEmpty()) {
                problems.add(where + "（" + caseName + "）：没有填写“" + INPUT + "”");
                continue;
            }
            Path input = resolve(inputCell, base);
            if (input == null) {
                problems.add(where + "（" + caseName + "）：输入文件“" + inputCell + "”不存在（相对路径从用例表所在文件夹或当前目录找）");
                continue;
            }
            Map<String, Set<Integer>> lines = new LinkedHashMap<>();
            Set<String> must = codes(cell(row, columns.get(MUST)), where + "（" + caseName + "）的“" + MUST + "”", problems, lines);
            Set<String> mustNot = codes(cell(row, columns.get(MUST_NOT)), where + "（" + caseName + "）的“" + MUST_NOT + "”", problems, null);
            Set<String> both = new LinkedHashSet<>(must);
            both.retainAll(mustNot);
            if (!both.isEmpty()) {
                problems.add(where + "（" + caseName + "）：" + String.join("、", both) + " 既写在“必须出现”又写在“不得出现”");
            }
            BigDecimal score = null;
            String scoreCell = columns.containsKey(SCORE) ? cell(row, columns.get(SCORE)) : "";
            if (!scoreCell.isEmpty()) {
                try {
                    score = new BigDecimal(scoreCell.replace("分", "").strip());
                } catch (NumberFormatException e) {
                    problems.add(where + "（" + caseName + "）：“" + SCORE + "”应为数字，实为“" + scoreCell + "”");
                }
            }
            if (must.isEmpty() && mustNot.isEmpty() && score == null) {
                problems.add(where + "（" + caseName + "）：没有写任何要求（必须出现、不得出现、考核得分都为空）");
            }
            cases.add(new Case(caseName, where, inputCell, input, must, mustNot, score, lines));
        }
        if (columns == null && problems.isEmpty()) {
            problems.add(table + "：没有表头行（应有列：" + NAME + "," + INPUT + "," + MUST + "," + MUST_NOT + "," + SCORE + "）");
        }
        if (!problems.isEmpty()) throw new CaseFileException(problems);
        return cases;
    }

    private static Map<String, Integer> header(List<String> row, String where, List<String> problems) {
        Map<String, Integer> columns = new TreeMap<>();
        for (int c = 0; c < row.size(); c++) {
            String h = row.get(c).strip();
            if (!h.isEmpty()) columns.putIfAbsent(h, c);
        }
        List<String> missing = Stream.of(NAME, INPUT, MUST, MUST_NOT).filter(h -> !columns.containsKey(h)).toList();
        if (!missing.isEmpty()) {
            problems.add(where + "：表头缺少列“" + String.join("”“", missing) + "”（表头应为：" + NAME + "," + INPUT + ","
                    + MUST + "," + MUST_NOT + "," + SCORE + "）");
            return null;
        }
        return columns;
    }

    private static String cell(List<String> row, Integer column) {
        return column == null || column >= row.size() ? "" : row.get(column).strip();
    }

    /**
     * The codes of a cell. Where {@code lines} is given a code may carry the lines it must be found on:
     * "AMT_SUM_MISMATCH@26" or "AMT_SUM_MISMATCH@26@31" (the lines of the input as checked, after its edits).
     */
    private static Set<String> codes(String cellText, String where, List<String> problems, Map<String, Set<Integer>> lines) {
        Set<String> codes = new LinkedHashSet<>();
        for (String c : SEPARATORS.split(cellText)) {
            if (c.isEmpty()) continue;
            String[] parts = c.split("[@＠]", -1);
            String code = parts[0].toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                problems.add(where + "：“" + c + "”不是问题代码（形如 CMP_MISSING_SECTION）");
                continue;
            }
            codes.add(code);
            if (parts.length == 1) continue;
            if (lines == null) {
                problems.add(where + "：“" + c + "”：“不得出现”的代码不写行号");
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String n = parts[i].replaceAll("^第|行$", "");
                if (!n.matches("[1-9]\\d{0,6}")) {
                    problems.add(where + "：“" + c + "”中的行号“" + parts[i] + "”不是正整数（写法：代码@行号，如 AMT_SUM_MISMATCH@26）");
                } else {
                    lines.computeIfAbsent(code, k -> new java.util.TreeSet<>()).add(Integer.parseInt(n));
                }
            }
        }
        return codes;
    }

    private static Path resolve(String given, Path base) {
        try {
            Path p = Path.of(given);
            if (p.isAbsolute()) return Files.isRegularFile(p) ? p : null;
            Path inTests = base.resolve(p).normalize();
            if (Files.isRegularFile(inTests)) return inTests;
            return Files.isRegularFile(p) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** UTF-8 (BOM dropped) when the bytes are valid UTF-8, else GB18030. */
    static String decode(byte[] bytes) {
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** Codes some rule of the rule base reports, to warn about a 不得出现 code that can never appear (a typo). */
    public static List<String> unknownCodes(List<Case> cases, RuleBase rules) {
        Set<String> known = rules.catalog().stream().map(RuleBase.RuleInfo::code).collect(Collectors.toSet());
        known.addAll(List.of("PARSE_UNREADABLE", "PARSE_UNRECOGNIZED", "PARSE_TRUNCATED"));
        List<String> out = new ArrayList<>();
        for (Case c : cases) {
            for (String code : c.mustNotAppear()) {
                if (!known.contains(code)) out.add(c.source() + "（" + c.name() + "）：“不得出现”中的 " + code + " 没有任何规则会报告，请检查拼写");
            }
        }
        return out;
    }

    /** Runs one case: checks its input with the rules and compares codes and review score. */
    public static Result run(Case c, RuleBase rules) {
        SubmissionResult r;
        if (ReportEdits.isEdits(c.input())) {
            Path dir = null;
            try {
                dir = TempFiles.createDirectory("selfeval-case-");
                r = new Checker(rules).check(ReportEdits.write(c.input(), dir));
            } catch (ReportEdits.EditException e) {
                return new Result(c, List.of(e.getMessage()), Set.of());
            } catch (IOException e) {
                return new Result(c, List.of("无法生成用例报告：" + e.getMessage()), Set.of());
            } finally {
                if (dir != null) TempFiles.delete(dir);
            }
        } else {
            r = new Checker(rules).check(c.input());
        }
        Set<String> found = r.getFindings().stream().map(Finding::getCode).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> failures = new ArrayList<>();
        for (String code : c.mustAppear()) {
            if (!found.contains(code)) {
                failures.add("应出现 " + code + "，但没有出现");
                continue;
            }
            Set<Integer> at = lines(r, code);
            for (int line : c.lines().getOrDefault(code, Set.of())) {
                if (!at.contains(line)) {
                    failures.add("应在第" + line + "行出现 " + code + "，但" + (at.isEmpty() ? "出现处没有行号"
                            : "出现在第" + at.stream().map(String::valueOf).collect(Collectors.joining("、")) + "行"));
                }
            }
        }
        for (String code : c.mustNotAppear()) {
            if (found.contains(code)) {
                String messages = r.getFindings().stream().filter(f -> code.equals(f.getCode())).map(Finding::getMessage)
                        .map(m -> m == null ? "" : m.strip().replaceAll("\\s*\\R\\s*", " ")).collect(Collectors.joining("；"));
                failures.add("不应出现 " + code + "，但出现了：" + messages);
            }
        }
        if (c.score() != null) {
            if (r.getReview() == null) {
                failures.add("考核得分应为 " + plain(c.score()) + "，但没有得分" + (r.getError() == null ? "" : "（" + r.getError() + "）"));
            } else if (r.getReview().score().subtract(c.score()).abs().compareTo(SCORE_TOLERANCE) > 0) {
                failures.add("考核得分应为 " + plain(c.score()) + "，实为 " + plain(r.getReview().score()));
            }
        }
        return new Result(c, failures, found);
    }

    /** The lines (of a text input) the code was found on. */
    private static Set<Integer> lines(SubmissionResult r, String code) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (Finding f : r.getFindings()) {
            if (code.equals(f.getCode()) && f.getLocation() != null && f.getLocation().getLine() != null) out.add(f.getLocation().getLine());
        }
        return out;
    }

    private static String plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** A row of a case table and the 1-based line it starts on (a quoted cell may span lines). */
    record Row(List<String> cells, int line) {
    }

    /**
     * Reads a case table with commons-csv: comma separated, double quotes around cells with commas, quotes ("") or
     * line breaks, spaces around a cell dropped, blank lines kept as blank rows (skipped by the caller, but counted).
     * Lines starting with # are comments, so a stray quote there does not spoil the rows after it.
     */
    static final class Csv {
        private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
                .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).setCommentMarker('#').get();

        private Csv() {
        }

        /** The rows of the table; a quote that is not closed or not followed by a comma is a problem at its line. */
        static List<Row> parse(String text, String table) throws CaseFileException {
            List<Row> rows = new ArrayList<>();
            long lastLine = 0;
            try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
                for (CSVRecord r : parser) {
                    // the parser stands on the record's last line; a quoted cell may have carried it over several
                    lastLine = parser.getCurrentLineNumber();
                    long breaks = r.stream().mapToLong(Csv::lineBreaks).sum();
                    rows.add(new Row(r.toList(), (int) Math.max(1, lastLine - breaks)));
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                throw new CaseFileException(List.of(table + " 第" + (lastLine + 1) + "行起：引号不成对（含逗号、引号或换行的单元格应整个用英文"
                        + "双引号括起，单元格中的双引号写成两个 \"\"）"));
            }
            return rows;
        }

        /** Line breaks in a cell: \r\n, \n and \r each count once, as the parser counts lines. */
        private static long lineBreaks(String cell) {
            return cell.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
        }
    }
}
