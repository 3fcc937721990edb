package dev.promptwise.core.rules.registry;

import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.rules.prompt.CacheablePrefixRule;
import dev.promptwise.core.rules.prompt.ContextWindowExceededRule;
import dev.promptwise.core.rules.prompt.DuplicateInstructionRule;
import dev.promptwise.core.rules.prompt.FewShotHeavyRule;
import dev.promptwise.core.rules.prompt.FileTooLargeRule;
import dev.promptwise.core.rules.prompt.InvalidPromptFileRule;
import dev.promptwise.core.rules.prompt.PromptContext;
import dev.promptwise.core.rules.prompt.PromptCostAtScaleRule;
import dev.promptwise.core.rules.prompt.PromptDeprecatedModelRule;
import dev.promptwise.core.rules.prompt.PromptTooLongRule;
import dev.promptwise.core.rules.prompt.PromptUnknownModelRule;
import dev.promptwise.core.rules.prompt.UndefinedVariableRule;
import dev.promptwise.core.rules.prompt.UnpricedInputRule;
import dev.promptwise.core.rules.prompt.UnusedVariableRule;
import dev.promptwise.core.rules.strategy.ApproachMismatchRule;
import dev.promptwise.core.rules.strategy.BaseModelNotFineTunableRule;
import dev.promptwise.core.rules.strategy.FineTuningPaysOffRule;
import dev.promptwise.core.rules.strategy.InsufficientTrainingDataRule;
import dev.promptwise.core.rules.strategy.MissingPromptRule;
import dev.promptwise.core.rules.strategy.StrategyContext;
import dev.promptwise.core.rules.strategy.StrategyDeprecatedModelRule;
import dev.promptwise.core.rules.strategy.StrategySchemaRule;
import dev.promptwise.core.rules.strategy.StrategyUnknownModelRule;
import dev.promptwise.core.rules.strategy.VolatileRequirementsRule;
import dev.promptwise.core.rules.strategy.WorkloadCostAtScaleRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one list of every rule, prompt and strategy, in the order a reader meets them. The façade runs these lists;
 * the SARIF output, the documentation checks and the settings checks read them. Scan this file to know them all.
 */
public final class RuleRegistry {

    /** The rules that check one prompt file. */
    public static final List<Rule<PromptContext>> PROMPT = List.of(
            new InvalidPromptFileRule(),
            new FileTooLargeRule(),
            new PromptUnknownModelRule(),
            new PromptDeprecatedModelRule(),
            new ContextWindowExceededRule(),
            new PromptTooLongRule(),
            new PromptCostAtScaleRule(),
            new DuplicateInstructionRule(),
            new UndefinedVariableRule(),
            new UnusedVariableRule(),
            new FewShotHeavyRule(),
            new CacheablePrefixRule(),
            new UnpricedInputRule());

    /** The prompt rules that run once per prompt, whichever workloads bind it. */
    public static final List<Rule<PromptContext>> PROMPT_ONCE =
            PROMPT.stream().filter(rule -> !rule.dependsOnWorkload()).toList();

    /** The prompt rules that run once per workload that binds the prompt ({@link Rule#dependsOnWorkload}). */
    public static final List<Rule<PromptContext>> PROMPT_PER_WORKLOAD =
            PROMPT.stream().filter(Rule::dependsOnWorkload).toList();

    /** The rules that check one strategy file. */
    public static final List<Rule<StrategyContext>> STRATEGY = List.of(
            new StrategySchemaRule(),
            new StrategyUnknownModelRule(),
            new StrategyDeprecatedModelRule(),
            new BaseModelNotFineTunableRule(),
            new MissingPromptRule(),
            new ApproachMismatchRule(),
            new InsufficientTrainingDataRule(),
            new VolatileRequirementsRule(),
            new WorkloadCostAtScaleRule(),
            new FineTuningPaysOffRule());

    private RuleRegistry() {}

    /**
     * Returns every rule by id, prompt rules first. An id both kinds use ({@code cost-at-scale},
     * {@code unknown-model}, {@code deprecated-model}) is one setting, one page and one entry here: the prompt rule's.
     */
    public static Map<String, Rule<?>> byId() {
        Map<String, Rule<?>> rules = new LinkedHashMap<>();
        List<Rule<?>> all = new ArrayList<>(PROMPT);
        all.addAll(STRATEGY);
        for (Rule<?> rule : all) {
            rules.putIfAbsent(rule.id(), rule);
        }
        return rules;
    }
}
