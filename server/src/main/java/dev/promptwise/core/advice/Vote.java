package dev.promptwise.core.advice;

/** Which way one factor of the decision framework leans for a workload. */
public enum Vote {
    PROMPT_ENGINEERING,
    FINE_TUNING,
    NEUTRAL
}
