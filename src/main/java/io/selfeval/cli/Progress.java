package io.selfeval.cli;

import io.selfeval.model.SubmissionResult;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where {@code check} is, on stderr (never stdout). On a terminal: one bar redrawn in place (at most ten times a
 * second) with count, rate and time left, and a line above it for each file that could not be read. Otherwise
 * (a pipe, a log file, tests): one plain line per submission, "已检查 (i/n)：name". Thread-safe.
 */
final class Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final int total;
    private final boolean bar;
    private final long start = System.nanoTime();
    private int done;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintWriter err, int total, boolean bar) {
        this.err = err;
        this.total = total;
        this.bar = bar;
    }

    synchronized void done(String name, SubmissionResult r) {
        done++;
        String unreadable = r.isUnreadable() ? " —— 无法读取：" + r.getError() : "";
        if (!bar) {
            err.println("已检查 (" + done + "/" + total + ")：" + name + unreadable);
            err.flush();
            return;
        }
        if (!unreadable.isEmpty()) {
            clear();
            err.println("无法读取：" + name + unreadable.substring(" —— 无法读取".length()));
        }
        long now = System.nanoTime();
        if (!drawn || now - lastDraw >= REDRAW_NANOS || done == total || !unreadable.isEmpty()) {
            draw(now);
        }
    }

    /** Ends the bar's line (the bar shows the final count). */
    synchronized void finish() {
        if (bar && drawn) {
            draw(System.nanoTime());
            err.println();
            err.flush();
        }
    }

    private void draw(long now) {
        lastDraw = now;
        drawn = true;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        double secs = (now - start) / 1e9;
        double rate = secs > 0 ? done / secs : 0;
        String left = rate > 0 && done < total ? "，剩余 " + clock((total - done) / rate) : "";
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                + String.format(Locale.ROOT, "  %.1f份/秒", rate) + left + "\u001b[K");
        err.flush();
    }

    private void clear() {
        if (drawn) err.print("\r\u001b[K");
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /**
     * Whether the process's stderr is a terminal. Java only says so for stdin+stdout ({@link System#console()}),
     * and stdout is often redirected ({@code > report.json}) while stderr is the terminal; so on Linux stderr's
     * file descriptor is looked at (/proc/self/fd/2 → /dev/pts/N or /dev/ttyN), elsewhere the console is taken
     * as the answer. TERM=dumb or SELFEVAL_PROGRESS=plain turn the bar off.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM")) || "plain".equals(System.getenv("SELFEVAL_PROGRESS"))) return false;
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            // not Linux, or not allowed to look: fall back below
        }
        return System.console() != null;
    }
}
