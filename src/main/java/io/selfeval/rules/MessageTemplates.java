package io.selfeval.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The message file of the rules folder ({@value #FILE}): every wording a rule reports, once, by key. One message a
 * line, {@code KEY = wording}, in UTF-8; lines starting with {@code #} or {@code !} are comments. It is a strict subset
 * of a Java .properties file, so editors colour it, but it is read here line by line as UTF-8 and a backslash is
 * refused rather than taken as an escape (a wording is never continued on the next line). Problems name the file
 * and line, in Chinese.
 */
public final class MessageTemplates {
    public static final String FILE = "messages.properties";
    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*");

    private final String where;
    private final boolean present;
    private final Map<String, MessageTemplate> templates;
    private final List<String> problems;

    private MessageTemplates(String where, boolean present, Map<String, MessageTemplate> templates, List<String> problems) {
        this.where = where;
        this.present = present;
        this.templates = Collections.unmodifiableMap(templates);
        this.problems = List.copyOf(problems);
    }

    /** The message file of the snapshot, shown as {@code where}; none (and no problem) when the folder has no such file. */
    static MessageTemplates read(RulesSnapshot snapshot, String where) {
        Path file = snapshot.dir().resolve(FILE);
        if (!snapshot.topLevel().contains(file)) return new MessageTemplates(where, false, Map.of(), List.of());
        try {
            return parse(where, snapshot.utf8(file));
        } catch (IOException e) {
            return new MessageTemplates(where, true, Map.of(),
                    List.of(where + "：无法读取（" + e.getMessage() + "）；消息文件须为 UTF-8 编码"));
        }
    }

    static MessageTemplates parse(String where, String text) {
        Map<String, MessageTemplate> templates = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (text.startsWith("\uFEFF")) text = text.substring(1); // Notepad's byte order mark
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) continue;
            String at = where + " 第" + (i + 1) + "行：";
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(at + "应写成“消息名 = 措辞”，这一行没有“=”（一条消息只能写在一行里）");
                continue;
            }
            String key = line.substring(0, eq).strip();
            String wording = line.substring(eq + 1).strip();
            if (!KEY.matcher(key).matches()) {
                problems.add(at + "消息名“" + key + "”只能用英文字母、数字、下划线和点（如 EXE_RATE_MISMATCH.narrative）");
                continue;
            }
            if (line.indexOf('\\') >= 0) {
                problems.add(at + "消息 " + key + " 中有反斜杠“\\”：本文件按 UTF-8 原样读取，不用转义（编辑器若把汉字存成了 \\uXXXX，"
                        + "请用记事本等打开，改回汉字并保存为 UTF-8）");
                continue;
            }
            if (wording.isEmpty()) {
                problems.add(at + "消息 " + key + " 没有措辞");
                continue;
            }
            MessageTemplate earlier = templates.get(key);
            if (earlier != null) {
                problems.add(at + "消息 " + key + " 已在第" + earlier.line() + "行写过，同一消息只能写一次");
                continue;
            }
            MessageTemplate.Parsed parsed = MessageTemplate.parse(key, i + 1, wording);
            parsed.problems().forEach(p -> problems.add(at + p));
            templates.put(key, parsed.template());
        }
        return new MessageTemplates(where, true, templates, problems);
    }

    /** The file as problems and messages name it: "rules/messages.properties". */
    String where() {
        return where;
    }

    /** Whether the rules folder has a message file at all. */
    boolean present() {
        return present;
    }

    /** What is wrong with the file itself (each with its line); the rules do not load while there is any. */
    List<String> problems() {
        return problems;
    }

    Optional<MessageTemplate> get(String key) {
        return Optional.ofNullable(templates.get(key));
    }

    /** Every key, in file order. */
    List<String> keys() {
        return List.copyOf(templates.keySet());
    }

    /** The message's wording with its arguments filled in; an argument that is itself a message is rendered too. */
    public String render(Message message) {
        MessageTemplate t = templates.get(message.key());
        if (t == null) {
            throw new IllegalStateException("消息文件（" + where + "）中没有消息 " + message.key());
        }
        return t.render(message.args(), v -> v instanceof Message m ? render(m) : String.valueOf(v));
    }
}
