package dev.promptwise.core.rules;

import dev.promptwise.core.config.Settings;
import dev.promptwise.core.vocabulary.Fix;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@link RuleRunner} needs to know of the file that any rule checks, prompt or strategy: its path for the
 * failure log, the settings that give each rule its severity, and the file's {@code promptwise-disable} comments.
 */
public interface RuleContext {

    /** Returns the file's path, as the failure log names it. */
    String path();

    /** Returns the settings in force (rule severities). */
    Settings settings();

    /** Returns whether the findings carry fixes ({@code false} when they are only published). */
    boolean wantsFixes();

    /** Returns the ids of the rules that the file's {@code promptwise-disable} comments switch off. */
    Set<String> disabledRules();

    /** Returns the fix that disables {@code ruleId} in this file, or empty when the file has no place for it. */
    Optional<Fix> disableFix(String ruleId);
}
