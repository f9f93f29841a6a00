package io.selfeval.model;

public enum Severity {
    ERROR, WARNING, INFO;

    public static Severity parse(String s, Severity fallback) {
        if (s == null) return fallback;
        try {
            return valueOf(s.strip().replace("\"", "").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    public String chinese() {
        return switch (this) {
            case ERROR -> "错误";
            case WARNING -> "警告";
            case INFO -> "提示";
        };
    }
}
