package dev.promptwise.lsp;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay. The server uses a scheduled executor; tests pass a scheduler whose clock they
 * advance by hand, so that debouncing is tested without sleeping.
 */
@FunctionalInterface
public interface DelayScheduler {

    /** A task waiting for its time. */
    @FunctionalInterface
    interface Scheduled {

        /** Stops the task from running when it has not started yet; does nothing otherwise. */
        void cancel();
    }

    /** Schedules {@code task} to run once, {@code delayMs} milliseconds from now. */
    Scheduled schedule(Runnable task, long delayMs);

    /** Returns a scheduler backed by {@code executor}. */
    static DelayScheduler of(ScheduledExecutorService executor) {
        return (task, delayMs) -> {
            ScheduledFuture<?> future = executor.schedule(task, delayMs, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
