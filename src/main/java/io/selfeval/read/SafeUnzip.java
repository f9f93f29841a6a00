package io.selfeval.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a submitted .zip into a folder, refusing the whole archive before anything is written when an entry's
 * path would leave the folder ("../", absolute paths, drive letters), and stopping when the archive holds too many
 * entries, an entry too big, or unpacks far beyond its compressed size (a zip bomb). Entry sizes are counted as
 * they are unpacked, not taken from the archive's headers. Names written by Chinese Windows tools (GBK, without the
 * UTF-8 flag) are read as GB18030.
 */
final class SafeUnzip {
    static final int MAX_ENTRIES = 1000;
    static final long MAX_ENTRY_BYTES = Readers.MAX_FILE_BYTES;
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    /** Unpacked/compressed beyond this, for an entry over {@link #RATIO_FLOOR} bytes, is a zip bomb. */
    static final long MAX_RATIO = 100;
    static final long RATIO_FLOOR = 1024 * 1024;

    private SafeUnzip() {
    }

    static void extract(Path zip, Path dir) throws UnreadableException {
        try (ZipFile zf = open(zip)) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zf.entries(); e.hasMoreElements(); ) {
                entries.add(e.nextElement());
                if (entries.size() > MAX_ENTRIES) {
                    throw new UnreadableException("压缩包中的文件过多（超过 " + MAX_ENTRIES + " 个），已拒绝解压");
                }
            }
            Path root = dir.toAbsolutePath().normalize();
            List<Path> targets = new ArrayList<>();
            for (ZipEntry e : entries) targets.add(target(root, e.getName()));
            long total = 0;
            for (int i = 0; i < entries.size(); i++) {
                ZipEntry e = entries.get(i);
                Path target = targets.get(i);
                if (target == null) continue;
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += copy(zf, e, target, MAX_TOTAL_BYTES - total);
            }
        } catch (UnreadableException e) {
            throw e;
        } catch (ZipException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("encrypted")) throw new UnreadableException("压缩包设有密码，无法解压；请去除密码后重新提交", e);
            throw new UnreadableException("压缩包已损坏，无法解压", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException("压缩包无法解压（读取出错）", e);
        }
    }

    /** The archive with UTF-8 names, else GB18030 names. */
    private static ZipFile open(Path zip) throws IOException, UnreadableException {
        IOException last = null;
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                ZipFile zf = new ZipFile(zip.toFile(), cs);
                try {
                    // Names are decoded lazily: touch them all now, so a wrong charset fails here.
                    for (Enumeration<? extends ZipEntry> e = zf.entries(); e.hasMoreElements(); ) e.nextElement().getName();
                    return zf;
                } catch (RuntimeException e) {
                    zf.close();
                    last = new ZipException(String.valueOf(e.getMessage()));
                }
            } catch (ZipException e) {
                last = e;
            }
        }
        if (last != null && String.valueOf(last.getMessage()).contains("encrypted")) throw last;
        throw new UnreadableException("压缩包已损坏或不是 zip 格式，无法解压", last);
    }

    /** Where an entry goes, or null for an entry not taken (macOS resource forks); refuses a path out of root. */
    private static Path target(Path root, String rawName) throws UnreadableException {
        String name = rawName.replace('\\', '/');
        boolean unsafe = name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0;
        for (String part : name.split("/")) {
            if (part.equals("..")) unsafe = true;
        }
        Path target = null;
        if (!unsafe) {
            try {
                target = root.resolve(name).normalize();
                unsafe = !target.startsWith(root);
            } catch (java.nio.file.InvalidPathException e) {
                unsafe = true;
            }
        }
        if (unsafe) throw new UnreadableException("压缩包中含有不安全的路径（" + rawName + "），已拒绝解压");
        if (name.startsWith("__MACOSX/") || target.equals(root)) return null;
        return target;
    }

    private static long copy(ZipFile zf, ZipEntry e, Path target, long budget) throws IOException, UnreadableException {
        long written = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = zf.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                written += n;
                if (written > MAX_ENTRY_BYTES) {
                    throw new UnreadableException("压缩包中的文件 " + e.getName() + " 过大（超过 " + MAX_ENTRY_BYTES / (1024 * 1024) + " MB），已拒绝解压");
                }
                if (written > budget) {
                    throw new UnreadableException("压缩包解压后超过 " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB（疑似压缩炸弹），已拒绝解压");
                }
                long packed = e.getCompressedSize();
                if (written > RATIO_FLOOR && packed > 0 && written / packed > MAX_RATIO) {
                    throw new UnreadableException("压缩包解压后体积异常（疑似压缩炸弹），已拒绝解压");
                }
                out.write(buf, 0, n);
            }
        }
        return written;
    }
}
