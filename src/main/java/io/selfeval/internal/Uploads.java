package io.selfeval.internal;

import io.selfeval.read.Readers;
import io.selfeval.read.Submission;
import io.selfeval.read.Submissions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saving what a client sends (an upload, standard input) into a folder of our own. Shared by the library, the
 * command line and the service; not part of the library's API.
 */
public final class Uploads {
    /** The most bytes of a saved upload's name. */
    private static final int NAME_BYTES = 200;

    private Uploads() {
    }

    /**
     * A stream saved under a safe form of {@code fileName} in {@code dir}, put together as one submission named
     * {@code display}; a stream over the file size limit, or an archive holding several reports, gives an unreadable
     * submission.
     */
    public static Submission saveAsOne(InputStream in, String fileName, String display, Path dir, Submissions all)
            throws IOException {
        Path file = dir.resolve(safeFileName(fileName));
        if (!copyLimited(in, file, Readers.MAX_FILE_BYTES)) {
            return Submission.unreadable(display, "文件过大，超过 " + Readers.MAX_FILE_BYTES / (1024 * 1024) + " MB 上限");
        }
        return Submissions.onlyOne(all.collect(file, display, f -> false), display);
    }

    /**
     * A name safe to create in a folder of our own: the last part of what a client sent (no folders, no "..", no
     * control or reserved characters), at most 120 characters, keeping the extension; "上传文件" when nothing is left.
     */
    public static String safeFileName(String fileName) {
        String n = fileName == null ? "" : fileName;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
        while (n.startsWith(".")) n = n.substring(1);
        if (n.isEmpty()) n = "上传文件";
        // File systems count a name's bytes (255 at most), not its characters: cut by bytes, keeping the extension
        // and leaving room for the "（2）" that tells two uploads of one name apart.
        if (utf8Length(n) > NAME_BYTES) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            String stem = n.substring(0, n.length() - ext.length());
            int budget = NAME_BYTES - utf8Length(ext);
            int end = 0;
            for (int used = 0; end < stem.length(); ) {
                int cp = stem.codePointAt(end);
                int len = utf8Length(new String(Character.toChars(cp)));
                if (used + len > budget) break;
                used += len;
                end += Character.charCount(cp);
            }
            n = stem.substring(0, end) + ext;
        }
        return n;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Copies at most {@code limit} bytes; false (and the file removed) when the stream holds more. */
    public static boolean copyLimited(InputStream in, Path target, long limit) throws IOException {
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) break;
                out.write(buf, 0, n);
            }
        }
        if (total > limit) {
            Files.deleteIfExists(target);
            return false;
        }
        return true;
    }
}
