package io.selfeval.check;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps count of checks given up at their time limit whose threads have not yet stopped, so a health report can say
 * the machine is still busy with them (a cancelled thread stops at its next checkpoint, which may take a moment).
 */
public final class AbandonedWork {
    private static final AtomicInteger STILL_RUNNING = new AtomicInteger();
    private static final AtomicLong STOPPED_EARLY = new AtomicLong();

    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;
    private static final int FINISHED = 3;

    private AbandonedWork() {
    }

    /** Abandoned checks whose threads are still working. */
    public static int stillRunning() {
        return STILL_RUNNING.get();
    }

    /** Abandoned checks that stopped at a checkpoint rather than running to the end (since the program started). */
    public static long stoppedEarly() {
        return STOPPED_EARLY.get();
    }

    /** The life of one check: started by its worker, given up by the waiting thread, finished by the worker. */
    static final class Attempt {
        private final AtomicInteger state = new AtomicInteger(WAITING);

        /** Called by the worker first; false when the check was given up before it began. */
        boolean start() {
            return state.compareAndSet(WAITING, RUNNING);
        }

        /** Called by the waiting thread at the time limit. */
        void abandon() {
            if (state.compareAndSet(RUNNING, ABANDONED)) STILL_RUNNING.incrementAndGet();
            else state.compareAndSet(WAITING, FINISHED);
        }

        /** Called by the worker when its work ends, however it ends; {@code cancelled} when it stopped at a checkpoint. */
        void finish(boolean cancelled) {
            if (state.getAndSet(FINISHED) == ABANDONED) {
                if (cancelled) STOPPED_EARLY.incrementAndGet();
                STILL_RUNNING.decrementAndGet();
            }
        }
    }
}
