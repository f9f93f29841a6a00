package io.selfeval.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule wants to say, by name: a key of the message file ({@code rules/messages.properties}) and the named
 * values its template fills in. Rules write {@code Message.of("EXE_RATE_MISMATCH.narrative", "stated", …, "budget", …)};
 * the wording itself lives in the message file, where policy staff edit it. A value may itself be a message (a part
 * of a sentence with wordings of its own).
 */
public final class Message {
    private final String key;
    private final Map<String, Object> args;

    private Message(String key, Map<String, Object> args) {
        this.key = key;
        this.args = Collections.unmodifiableMap(args);
    }

    /** The message {@code key} with arguments given as alternating names and values. */
    public static Message of(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("消息 " + key + " 的参数应为“名称, 值”成对写出");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return new Message(key, args);
    }

    public String key() {
        return key;
    }

    /** The named values, in the order the rule gave them. */
    public Map<String, Object> args() {
        return args;
    }

    @Override
    public String toString() {
        return key + args;
    }
}
