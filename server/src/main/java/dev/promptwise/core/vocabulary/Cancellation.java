package dev.promptwise.core.vocabulary;

/**
 * Asks whether the work in hand is still wanted: the client may have cancelled the request, or a newer version of
 * the document may have arrived. Throws {@link java.util.concurrent.CancellationException} when it is not.
 */
@FunctionalInterface
public interface Cancellation {

    Cancellation NONE = () -> { };

    /** Throws {@link java.util.concurrent.CancellationException} when the work should stop. */
    void check();
}
