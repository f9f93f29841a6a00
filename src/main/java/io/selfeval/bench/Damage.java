package io.selfeval.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The ways Office files arrive damaged, applied to a good file's bytes with a seeded random: cut short, bytes
 * changed, and for a zip-based file (.docx, .xlsx) an XML part cut or garbled, a part removed, or the body given one
 * enormous paragraph. Repeatable: the same seed damages the same way.
 */
public final class Damage {
    public enum Kind { TRUNCATED, BYTES_FLIPPED, XML_CUT, XML_GARBLED, PART_REMOVED, HUGE_PARAGRAPH }

    /** A damaged copy and how it was damaged. */
    public record Damaged(byte[] bytes, Kind kind) {
    }

    private Damage() {
    }

    /** The longest paragraph {@link Kind#HUGE_PARAGRAPH} writes: as long as the damaged files that hit the time limit. */
    public static final int HUGE_PARAGRAPH_CHARS = 4_000_000;

    public static Damaged apply(byte[] good, Random random) {
        return apply(good, random, HUGE_PARAGRAPH_CHARS);
    }

    /** @param hugeChars the longest huge paragraph; it is at least an eighth of that */
    public static Damaged apply(byte[] good, Random random, int hugeChars) {
        boolean zip = good.length > 4 && good[0] == 'P' && good[1] == 'K';
        Kind[] kinds = zip ? Kind.values() : new Kind[]{Kind.TRUNCATED, Kind.BYTES_FLIPPED};
        Kind kind = kinds[random.nextInt(kinds.length)];
        byte[] out = switch (kind) {
            case TRUNCATED -> Arrays.copyOf(good, random.nextInt(Math.max(1, good.length)));
            case BYTES_FLIPPED -> flipped(good, random);
            case XML_CUT -> rewriteOneXml(good, random, (xml, r) -> Arrays.copyOf(xml, r.nextInt(Math.max(1, xml.length))));
            case XML_GARBLED -> rewriteOneXml(good, random, Damage::flipped);
            case PART_REMOVED -> rewriteOneXml(good, random, (xml, r) -> null);
            case HUGE_PARAGRAPH -> hugeParagraph(good, random, hugeChars);
        };
        return new Damaged(out, kind);
    }

    private static byte[] flipped(byte[] good, Random random) {
        byte[] b = good.clone();
        int flips = 1 + random.nextInt(24);
        for (int i = 0; i < flips && b.length > 0; i++) {
            int at = random.nextInt(b.length);
            b[at] = (byte) (b[at] ^ (1 + random.nextInt(255)));
        }
        return b;
    }

    private interface PartChange {
        /** The part's new bytes, or null to leave it out. */
        byte[] apply(byte[] xml, Random random);
    }

    /** The zip's entries in order, or null when it cannot be unpacked. */
    private record Entries(List<String> names, List<byte[]> bodies) {
        static Entries of(byte[] zip) {
            List<String> names = new ArrayList<>();
            List<byte[]> bodies = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    names.add(e.getName());
                    bodies.add(in.readAllBytes());
                }
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
            return names.isEmpty() ? null : new Entries(names, bodies);
        }
    }

    /** The zip with one of its XML parts changed (chosen at random). */
    private static byte[] rewriteOneXml(byte[] good, Random random, PartChange change) {
        Entries z = Entries.of(good);
        if (z == null) return flipped(good, random);
        List<Integer> xml = new ArrayList<>();
        for (int i = 0; i < z.names().size(); i++) {
            if (z.names().get(i).endsWith(".xml") || z.names().get(i).endsWith(".rels")) xml.add(i);
        }
        if (xml.isEmpty()) return flipped(good, random);
        int victim = xml.get(random.nextInt(xml.size()));
        z.bodies().set(victim, change.apply(z.bodies().get(victim), random));
        return zip(z);
    }

    /** A Word body that starts with one paragraph of up to {@code max} characters, varied so it packs like text. */
    private static byte[] hugeParagraph(byte[] good, Random random, int max) {
        Entries z = Entries.of(good);
        int body = z == null ? -1 : z.names().indexOf("word/document.xml");
        if (body < 0) return flipped(good, random);
        String xml = new String(z.bodies().get(body), StandardCharsets.UTF_8);
        int at = xml.indexOf("<w:body>");
        if (at < 0) return flipped(good, random);
        String words = "本部门严格执行预算资金使用规范绩效目标完成情况良好项目支出基本支出人员经费公用经费合计万元其中0123456789.%，。";
        int length = max / 8 + random.nextInt(Math.max(1, max - max / 8));
        StringBuilder p = new StringBuilder(length + 64).append("<w:p><w:r><w:t>");
        for (int i = 0; i < length; i++) p.append(words.charAt(random.nextInt(words.length())));
        p.append("</w:t></w:r></w:p>");
        at += "<w:body>".length();
        z.bodies().set(body, (xml.substring(0, at) + p + xml.substring(at)).getBytes(StandardCharsets.UTF_8));
        return zip(z);
    }

    private static byte[] zip(Entries z) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < z.names().size(); i++) {
                if (z.bodies().get(i) == null) continue;
                out.putNextEntry(new ZipEntry(z.names().get(i)));
                out.write(z.bodies().get(i));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
