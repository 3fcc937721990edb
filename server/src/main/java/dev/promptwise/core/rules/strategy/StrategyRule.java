package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.vocabulary.Finding;
import java.util.List;

/** One rule over a strategy file: a stable id, a default severity that settings override, and its check. */
public interface StrategyRule {

    /** Returns the rule's kebab-case id, as users write it in settings ({@code missing-prompt}). */
    String id();

    /** Returns the severity the rule has when settings do not change it. */
    Severity defaultSeverity();

    /** Returns the rule's findings, with severities after settings; empty when it finds nothing or is off. */
    List<Finding> check(StrategyContext ctx);
}
