package io.selfeval.read;

/** The file cannot be read as a report; the message says why, in Chinese, for the reviewer. */
public final class UnreadableException extends Exception {
    public UnreadableException(String reason) {
        super(reason);
    }

    public UnreadableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
