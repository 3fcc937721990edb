package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Fix;
import java.util.List;

/** Where a rule reports: the rule's id and severity are added by the caller. */
@FunctionalInterface
public interface FindingSink {

    void report(TextRange range, String message, List<Fix> fixes);

    default void report(TextRange range, String message) {
        report(range, message, List.of());
    }
}
