package dev.promptwise.core.rules;

import java.util.function.Consumer;

/**
 * Where the {@link RuleRunner} reports a rule that threw: the edge decides (the language server sends it to the
 * client's log with {@code window/logMessage}, the command line to standard error). The core never logs by itself.
 */
@FunctionalInterface
public interface RuleFailureLog {

    /** Records that the rule {@code ruleId} threw {@code failure} on the file at {@code path} and was skipped. */
    void ruleFailed(String ruleId, String path, Throwable failure);

    /** Returns a log that writes one line per failure to {@code lines}. */
    static RuleFailureLog lines(Consumer<String> lines) {
        return (ruleId, path, failure) -> lines.accept(
                "Rule " + ruleId + " failed on " + path + " and was skipped: " + failure);
    }
}
