package dev.promptwise.core.config;

import java.util.Locale;
import java.util.Optional;

/** How loudly a rule speaks; {@code OFF} silences it. Names match the settings values users write. */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT, OFF;

    /** Returns the settings name ({@code warning}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a settings value ({@code off}, {@code hint}, {@code information}, {@code info}, {@code warning}, {@code error}). */
    public static Optional<Severity> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "error" -> Optional.of(ERROR);
            case "warning", "warn" -> Optional.of(WARNING);
            case "information", "info" -> Optional.of(INFORMATION);
            case "hint" -> Optional.of(HINT);
            case "off", "none", "ignore" -> Optional.of(OFF);
            default -> Optional.empty();
        };
    }

    /** Returns whether this severity is at least as severe as {@code threshold}; {@code OFF} never is. */
    public boolean atLeast(Severity threshold) {
        return this != OFF && ordinal() <= threshold.ordinal();
    }
}
