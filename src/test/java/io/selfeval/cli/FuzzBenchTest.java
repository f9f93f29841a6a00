package io.selfeval.cli;

import io.selfeval.bench.Damage;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench --fuzz: a small seeded run damages files, checks them and reports escapes and missing results. */
class FuzzBenchTest {
    @TempDir
    Path dir;

    @Test
    void aSmallFuzzRunReportsNoEscapeAndNoMissingInput() throws Exception {
        Files.writeString(dir.resolve("自评报告.txt"), Reports.complete(), StandardCharsets.UTF_8);
        io.selfeval.testing.OfficeDocs.docx(dir.resolve("自评报告.docx"), Reports.complete());
        CliRun run = CliRun.of("bench", "--fuzz", "8", "--seed", "3", "--jobs", "2", "--dir", dir.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("损坏文件：8份"), run.out());
        assertTrue(run.out().contains("逃逸的异常：0"), run.out());
        assertTrue(run.out().contains("没有结果的输入：0"), run.out());
        assertTrue(run.out().contains("最慢的文件："), run.out());
        assertTrue(run.out().contains("堆内存："), run.out());
    }

    @Test
    void damageIsRepeatableAndChangesTheFile() throws Exception {
        byte[] good = Reports.complete().getBytes(StandardCharsets.UTF_8);
        Damage.Damaged a = Damage.apply(good, new Random(11));
        Damage.Damaged b = Damage.apply(good, new Random(11));
        assertArrayEquals(a.bytes(), b.bytes());
        assertEquals(a.kind(), b.kind());
        assertFalse(Arrays.equals(good, a.bytes()));
    }

    @Test
    void aZipBasedFileGetsEveryKindOfDamage() throws Exception {
        Path docx = io.selfeval.testing.OfficeDocs.docx(dir.resolve("r.docx"), Reports.complete());
        byte[] good = Files.readAllBytes(docx);
        Set<Damage.Kind> seen = EnumSet.noneOf(Damage.Kind.class);
        Random random = new Random(5);
        for (int i = 0; i < 40; i++) {
            Damage.Damaged d = Damage.apply(good, random, 200_000);
            seen.add(d.kind());
            assertFalse(Arrays.equals(good, d.bytes()), d.kind().toString());
        }
        assertEquals(EnumSet.allOf(Damage.Kind.class), seen);
    }
}
