package io.selfeval.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rules folder read once: every file (not hidden or lock files) with its bytes. The rules are compiled from these
 * bytes and the fingerprint is taken of them, so a file edited while the rules compile reaches neither: it is the
 * next reload's. Paths are relative to the folder, with '/'.
 */
public final class RulesSnapshot {
    private final Path dir;
    private final Map<String, byte[]> files;
    private final String fingerprint;

    private RulesSnapshot(Path dir, Map<String, byte[]> files) {
        this.dir = dir;
        this.files = Collections.unmodifiableMap(files);
        this.fingerprint = digest(files);
    }

    /** Reads every file under the folder (sorted by path). */
    public static RulesSnapshot read(Path dir) throws RuleCompileException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !hidden(p)).sorted().toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new RuleCompileException(List.of("无法读取规则目录 " + dir + "：" + e.getMessage()));
        }
        return new RulesSnapshot(dir, files);
    }

    public Path dir() {
        return dir;
    }

    /** SHA-256 over the names and bytes of every file, so any edit changes it. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The files at the top of the folder (where rule files and tables live), as paths under {@link #dir()}. */
    public List<Path> topLevel() {
        return files.keySet().stream().filter(n -> !n.contains("/")).map(dir::resolve).toList();
    }

    /** The bytes of a file of the snapshot. */
    public byte[] bytes(Path file) {
        byte[] b = files.get(dir.relativize(file).toString().replace('\\', '/'));
        if (b == null) throw new IllegalArgumentException("not in the snapshot: " + file);
        return b;
    }

    /** The file as UTF-8 text; throws for bytes that are not UTF-8. */
    public String utf8(Path file) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes(file))).toString();
    }

    static boolean hidden(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(".") || n.startsWith("~$");
    }

    private static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
