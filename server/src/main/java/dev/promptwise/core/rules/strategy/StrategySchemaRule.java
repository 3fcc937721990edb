package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.strategy.SchemaProblem;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import dev.promptwise.core.yaml.YamlProblem;
import java.util.List;

/**
 * {@code strategy-schema}: the strategy file is not valid YAML, repeats a key, or breaks the JSON Schema (an unknown
 * key, flagged on the key with a did-you-mean; a wrong type or a value outside its set, flagged on the value). How
 * values are read leniently, and which readings are hints or warnings, is {@code Spellings}' business; a problem's
 * own severity caps the rule's.
 */
public final class StrategySchemaRule implements Rule<StrategyContext> {

    public static final String ID = "strategy-schema";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void check(StrategyContext ctx, FindingSink sink) {
        for (YamlProblem problem : ctx.strategy().yaml().problems()) {
            sink.report(problem.range(), problem.message());
        }
        for (SchemaProblem problem : ctx.memo().schema().validate(ctx.strategy().yaml(), ctx.strategy().text())) {
            List<Fix> fixes = problem.suggestion() == null ? List.of()
                    : List.of(new Fix("Replace with '" + problem.suggestion() + "'",
                            List.of(new TextEdit(problem.range(), problem.suggestion())), true));
            sink.reportAtMost(problem.severity(), problem.range(), problem.message(), fixes);
        }
    }
}
