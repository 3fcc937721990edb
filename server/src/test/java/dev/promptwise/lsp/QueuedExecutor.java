package dev.promptwise.lsp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that only queues its tasks; the test decides when, and in which order, they run. */
final class QueuedExecutor implements Executor {

    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        queue.addLast(task);
    }

    /** Runs queued tasks, oldest first, until none is left (tasks may queue more). */
    void runAll() {
        while (!queue.isEmpty()) {
            queue.removeFirst().run();
        }
    }

    /** Runs only the newest queued task. */
    void runNewest() {
        queue.removeLast().run();
    }

    int size() {
        return queue.size();
    }
}
