package io.selfeval.check;

import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A check given up at its time limit really stops: its thread leaves the work and uses no more CPU. */
class CancellationTest {
    @TempDir
    Path dir;

    @Test
    void aTimedOutCheckStopsAtItsNextCheckpointAndUsesNoMoreCpu() throws Exception {
        // eight hundred reports in one file: seconds of reading and recognizing, far beyond a 300 ms limit, which is
        // long enough for the check to have begun (a check given up before it begins is not this test's case)
        Path big = dir.resolve("很长的报告.txt");
        Files.writeString(big, Reports.complete().repeat(800), StandardCharsets.UTF_8);
        long stoppedBefore = AbandonedWork.stoppedEarly();

        SubmissionResult r = new Checker(Checks.rules(), Duration.ofMillis(300)).check(big);

        assertEquals("PARSE_UNREADABLE", r.getFindings().get(0).getCode());
        assertTrue(r.getError().contains("处理超时"), r.getError());
        assertTrue(waitUntil(() -> AbandonedWork.stillRunning() == 0, Duration.ofSeconds(60)),
                "the abandoned check is still running");
        assertEquals(stoppedBefore + 1, AbandonedWork.stoppedEarly(), "it stopped at a checkpoint, not at its end");
        long cpu = workerCpuNanos();
        Thread.sleep(500);
        long more = workerCpuNanos() - cpu;
        assertTrue(more < 50_000_000L, "the worker threads used " + more / 1_000_000 + " ms of CPU after stopping");
    }

    @Test
    void anAbandonedCheckIsCountedUntilItsThreadFinishes() {
        int before = AbandonedWork.stillRunning();
        AbandonedWork.Attempt attempt = new AbandonedWork.Attempt();
        assertTrue(attempt.start());
        attempt.abandon();
        assertEquals(before + 1, AbandonedWork.stillRunning());
        attempt.finish(true);
        assertEquals(before, AbandonedWork.stillRunning());

        AbandonedWork.Attempt neverStarted = new AbandonedWork.Attempt();
        neverStarted.abandon();
        assertFalse(neverStarted.start(), "a check given up before it began does not begin");
        assertEquals(before, AbandonedWork.stillRunning());
    }

    @Test
    void aCheckWithinItsLimitIsNotCounted() {
        int before = AbandonedWork.stillRunning();
        SubmissionResult r = Checks.text(Reports.complete());
        assertTrue(r.getError() == null, r.getError());
        assertEquals(before, AbandonedWork.stillRunning());
    }

    private static long workerCpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("selfeval-submission")) sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
        }
        return sum;
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier done, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(20);
        }
        return true;
    }
}
