package dev.promptwise.core.rules.prompt;

import java.util.List;

/** The registry: every prompt rule, in the order their findings are listed. Scan this file to know them all. */
public final class Rules {

    private static final List<Rule> PROMPT_RULES = List.of(
            new InvalidPromptFileRule(),
            new FileTooLargeRule(),
            new PromptUnknownModelRule(),
            new ContextWindowExceededRule(),
            new PromptTooLongRule(),
            new PromptCostAtScaleRule(),
            new DuplicateInstructionRule(),
            new UndefinedVariableRule(),
            new UnusedVariableRule(),
            new FewShotHeavyRule(),
            new CacheablePrefixRule());

    private Rules() {}

    /** Returns the rules that check one prompt file. */
    public static List<Rule> promptRules() {
        return PROMPT_RULES;
    }
}
