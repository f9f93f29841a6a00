package io.selfeval.rules;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Thresholds, tolerances, weights, grade bands and word lists read from rules/parameters.properties (UTF-8).
 * Rules reach them through the global {@code params}; nothing here has a default in Java, so what policy staff
 * see in the file is what the rules use.
 */
public final class RuleParameters {
    public static final String FILE = "parameters.properties";

    private final Properties props;
    private final String fileName;

    private RuleParameters(Properties props, String fileName) {
        this.props = props;
        this.fileName = fileName;
    }

    public static RuleParameters load(Path dir) throws RuleCompileException {
        Path file = dir.resolve(FILE);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new RuleCompileException(List.of(file + ": 无法读取参数文件（" + e.getMessage() + "）"));
        }
        RuleParameters params = new RuleParameters(p, file.toString());
        params.validateNumbers();
        return params;
    }

    /** Every value of a key ending in a numeric suffix convention is checked up front, so a typo stops the run. */
    private void validateNumbers() throws RuleCompileException {
        List<String> problems = new ArrayList<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("num.")) {
                try {
                    new BigDecimal(props.getProperty(key).strip());
                } catch (NumberFormatException e) {
                    problems.add(fileName + lineOf(key) + "：参数 " + key + " 的值“" + props.getProperty(key) + "”不是数字");
                }
            }
        }
        if (!problems.isEmpty()) throw new RuleCompileException(problems);
    }

    /** " 第N行" where the key is set in the file, or "" if it cannot be found (e.g. a continued line). */
    private String lineOf(String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(fileName), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().matches(java.util.regex.Pattern.quote(key) + "\\s*[=:].*")) return " 第" + (i + 1) + "行";
            }
        } catch (IOException e) {
            // the line number is a convenience
        }
        return "";
    }

    private String raw(String key) {
        String v = props.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(fileName + " 缺少参数 " + key);
        }
        return v.strip();
    }

    /** A number parameter; keys start with "num.". */
    public BigDecimal num(String key) {
        return new BigDecimal(raw("num." + key));
    }

    /** A text parameter (a regular expression or a name). */
    public String text(String key) {
        return raw(key);
    }

    /** A list parameter: items separated by "," or "，" or "、". */
    public List<String> list(String key) {
        return Arrays.stream(raw(key).split("[,，、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean has(String key) {
        return props.getProperty(key) != null;
    }

    public List<String> keys(String prefix) {
        return props.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    }
}
