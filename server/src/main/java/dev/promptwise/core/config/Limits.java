package dev.promptwise.core.config;

/** The sizes past which Promptwise stops analysing, shared by the façade that enforces them and the rules that say so. */
public final class Limits {

    /** Files longer than this many chars are not analysed; rule {@code file-too-large} says so. */
    public static final int MAX_ANALYSED_CHARS = 8 * 1024 * 1024;

    private Limits() {}
}
