package io.selfeval.server;

/** A request the service refuses: the HTTP status and a message in Chinese, sent as {@code {"error": "…"}}. */
final class ApiError extends RuntimeException {
    final int status;

    ApiError(int status, String message) {
        super(message);
        this.status = status;
    }
}
