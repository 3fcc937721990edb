package dev.promptwise;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs work on a thread of its own and fails when it hangs, by a measure that does not depend on how loaded the
 * machine is: the CPU time of the working thread. A loop that never ends spends CPU and is stopped at
 * {@code cpuBound}; a thread that blocks for ever spends none and is stopped at {@code wallBound}, which is set far
 * above any run on a busy machine. A wall-clock bound alone failed on a shared 2-core machine under a load of 20.
 */
public final class HangGuard {

    private static final long POLL_MILLIS = 50;

    private HangGuard() {}

    /** The work's value, with the CPU time and the bytes its thread spent. */
    public record Measured<T>(T value, long cpuNanos, long wallNanos, long allocatedBytes) {}

    public static <T> Measured<T> run(Duration cpuBound, Duration wallBound, Supplier<T> work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicLong workerId = new AtomicLong(-1);
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hang-guarded");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Measured<T>> future = executor.submit(() -> {
                workerId.set(Thread.currentThread().getId());
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                T value = work.get();
                return new Measured<>(value, threads.getCurrentThreadCpuTime() - cpuBefore, System.nanoTime() - start,
                        threads.getCurrentThreadAllocatedBytes() - allocatedBefore);
            });
            long wallDeadline = System.nanoTime() + wallBound.toNanos();
            while (true) {
                try {
                    return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    long id = workerId.get();
                    long cpu = id < 0 ? 0 : cpuTime(threads, id);
                    if (cpu > cpuBound.toNanos()) {
                        throw new AssertionError("the work spent more than " + cpuBound.toSeconds()
                                + " s of CPU time: it does not end");
                    }
                    if (System.nanoTime() > wallDeadline) {
                        throw new AssertionError("the work ran " + wallBound.toSeconds() + " s of wall time with "
                                + cpu / 1_000_000 + " ms of CPU: it is blocked");
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            executor.shutdownNow();
        }
    }

    private static long cpuTime(ThreadMXBean threads, long id) {
        long cpu = threads.getThreadCpuTime(id);
        return Math.max(0, cpu);
    }
}
