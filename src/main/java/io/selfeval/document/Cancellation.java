package io.selfeval.document;

/**
 * Cooperative cancellation of one submission's work. A check that runs over its time limit is abandoned by
 * interrupting its thread; Java cannot stop a thread from outside, so the reading, recognizing and rule loops call
 * {@link #checkpoint()} and give up at the next one instead of running on for minutes.
 */
public final class Cancellation {
    private Cancellation() {
    }

    /** Thrown at a checkpoint of a thread whose work was abandoned; nobody waits for its result any more. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("检查已放弃（超时）", null, false, false);
        }
    }

    /** Stops the current work when its thread has been interrupted (the flag stays set for whoever looks next). */
    public static void checkpoint() {
        if (Thread.currentThread().isInterrupted()) throw new CancelledException();
    }

    /** Whether the current thread's work has been abandoned. */
    public static boolean requested() {
        return Thread.currentThread().isInterrupted();
    }
}
