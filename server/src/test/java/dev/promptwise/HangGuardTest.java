package dev.promptwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The guard of the hostile-input tests stops both kinds of hang and lets finished work through. */
class HangGuardTest {

    @Test
    void aLoopThatNeverEndsIsStoppedByItsCpuTime() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> HangGuard.run(Duration.ofMillis(200), Duration.ofMinutes(10), () -> {
                    long spins = 0;
                    while (!Thread.currentThread().isInterrupted()) {
                        spins++;
                    }
                    return spins;
                }));
        assertTrue(error.getMessage().contains("CPU time"), error.getMessage());
    }

    @Test
    void aBlockedThreadIsStoppedByTheWallClock() {
        CountDownLatch never = new CountDownLatch(1);
        AssertionError error = assertThrows(AssertionError.class,
                () -> HangGuard.run(Duration.ofMinutes(10), Duration.ofMillis(300), () -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
        assertTrue(error.getMessage().contains("blocked"), error.getMessage());
    }

    @Test
    void finishedWorkReturnsItsValueAndExceptionsPassThrough() {
        HangGuard.Measured<Integer> measured = HangGuard.run(Duration.ofSeconds(10), Duration.ofMinutes(1), () -> 42);
        assertEquals(42, measured.value());
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> HangGuard.run(Duration.ofSeconds(10), Duration.ofMinutes(1), () -> {
                    throw new IllegalStateException("boom");
                }));
        assertEquals("boom", thrown.getMessage());
    }
}
