package dev.promptwise.core.vocabulary;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.text.TextRange;
import java.util.List;

/**
 * One diagnostic in the core's terms: a rule id, a severity after settings, a range and a message that leads with
 * the figure that matters, and the fixes that resolve it.
 */
public record Finding(String ruleId, Severity severity, TextRange range, String message, List<Fix> fixes) {

    public Finding {
        fixes = List.copyOf(fixes);
    }
}
