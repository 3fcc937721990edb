package dev.promptwise.lsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A delay scheduler whose clock only moves when a test advances it, so debouncing is tested without sleeping. */
final class ManualScheduler implements DelayScheduler {

    private final List<Task> tasks = new ArrayList<>();
    private long now;

    @Override
    public Scheduled schedule(Runnable task, long delayMs) {
        Task scheduled = new Task(now + delayMs, task);
        tasks.add(scheduled);
        return () -> tasks.remove(scheduled);
    }

    /** Moves the clock forward and runs, in time order, every task that has come due. */
    void advance(long milliseconds) {
        now += milliseconds;
        while (true) {
            Task due = tasks.stream().filter(task -> task.dueAt <= now)
                    .min(Comparator.comparingLong(task -> task.dueAt)).orElse(null);
            if (due == null) {
                return;
            }
            tasks.remove(due);
            due.runnable.run();
        }
    }

    /** Returns how many tasks are waiting. */
    int pending() {
        return tasks.size();
    }

    private record Task(long dueAt, Runnable runnable) {}
}
