package dev.promptwise.core.actions;

import dev.promptwise.core.advice.Recommendation;
import dev.promptwise.core.catalog.FineTunables;
import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import dev.promptwise.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fix "Set approach to the recommendation": it rewrites (or adds) a workload's {@code approach} and, when the
 * recommendation trains a model and the workload has no {@code fineTuning} section, scaffolds one (base model,
 * epochs, the hybrid pattern), never naming a base model that cannot be fine-tuned. The dataset path is left as a comment, since naming a file that does not exist yet
 * would itself be flagged by {@code missing-prompt}.
 */
public final class ApproachFix {

    private ApproachFix() {}

    /** Returns the fix that sets the workload's approach to the recommendation, with the bundled catalog's facts. */
    public static Fix setApproach(StrategyFile strategy, Workload workload, Recommendation recommendation) {
        return setApproach(strategy, workload, recommendation, PriceCatalog.bundled(), Settings.DEFAULT_MODEL);
    }

    /**
     * Returns the fix that sets the workload's approach to the recommendation. A scaffolded {@code fineTuning}
     * section names the workload's own model when {@code catalog} says it can be fine-tuned, else the cheapest
     * fine-tunable model of the same provider ({@link FineTunables#forScaffold}), else leaves {@code baseModel} out
     * with a comment that says why. The workload's model is its own, else the strategy file's default, else
     * {@code settingsModel} (the settings' default model), as the prompt is priced.
     */
    public static Fix setApproach(StrategyFile strategy, Workload workload, Recommendation recommendation,
            PriceCatalog catalog, String settingsModel) {
        Approach approach = recommendation.approach();
        List<TextEdit> edits = new ArrayList<>();
        YamlNode.Mapping body = body(strategy, workload);
        String indent = body == null ? null : indentOf(strategy.text(), body);
        if (workload.approach() != null) {
            edits.add(new TextEdit(workload.approach().valueRange(), approach.id()));
        } else if (indent != null) {
            int lineStart = lineStart(strategy.text(), body.entries().get(0).key().range().start());
            edits.add(new TextEdit(TextRange.at(lineStart), indent + "approach: " + approach.id() + "\n"));
        }
        boolean scaffold = approach.trainsAModel() && workload.fineTuning().keyRange() == null && indent != null;
        if (scaffold) {
            int end = endOfLastLine(strategy.text(), body.range().end());
            String ownId = strategy.modelOf(workload) != null ? strategy.modelOf(workload) : settingsModel;
            ModelInfo own = catalog.resolve(ownId).orElse(null);
            String baseModel = FineTunables.forScaffold(catalog, own, null).orElse(null);
            StringBuilder section = new StringBuilder();
            if (end > 0 && strategy.text().charAt(end - 1) != '\n') {
                section.append('\n');
            }
            section.append(indent).append("fineTuning:\n");
            if (baseModel != null) {
                section.append(indent).append("  baseModel: ").append(baseModel).append('\n');
            } else {
                section.append(indent).append("  # baseModel: none: ").append(own == null
                        ? (ownId == null ? "the workload names no model" : ownId + " is not in the price catalog")
                                + "; name a fine-tunable one"
                        : FineTunables.cannotBeFineTuned(catalog, own) + "; "
                                + FineTunables.alternatives(catalog, own)).append('\n');
            }
            section.append(indent).append("  epochs: 3\n");
            if (recommendation.pattern() != null) {
                section.append(indent).append("  pattern: ").append(recommendation.pattern().id()).append('\n');
            }
            section.append(indent).append("  # dataset: datasets/").append(workload.name())
                    .append(".jsonl   (the prompt's \"Extract examples to a fine-tuning dataset\" action writes it)\n");
            edits.add(new TextEdit(TextRange.at(end), section.toString()));
        }
        String title = "Set approach to " + approach.id() + (scaffold ? " and scaffold fineTuning" : "");
        return new Fix(title, edits, true);
    }

    /** Returns the workload's mapping when it is a block mapping with at least one key, or {@code null}. */
    private static YamlNode.Mapping body(StrategyFile strategy, Workload workload) {
        YamlNode.Mapping root = strategy.yaml().rootMapping();
        YamlNode.Mapping workloads = root == null ? null : root.mapping("workloads");
        YamlNode.Mapping body = workloads == null ? null : workloads.mapping(workload.name());
        if (body == null || body.entries().isEmpty()) {
            return null;
        }
        String text = strategy.text();
        int start = body.range().start();
        return start < text.length() && text.charAt(start) == '{' ? null : body;
    }

    /** Returns the spaces before the body's first key, or {@code null} when other text precedes it on its line. */
    private static String indentOf(String text, YamlNode.Mapping body) {
        int keyStart = body.entries().get(0).key().range().start();
        int lineStart = lineStart(text, keyStart);
        String indent = text.substring(lineStart, keyStart);
        return indent.isBlank() && !indent.contains("\t") ? indent : null;
    }

    private static int lineStart(String text, int offset) {
        int newline = text.lastIndexOf('\n', offset - 1);
        return newline + 1;
    }

    /** Returns the offset just past the line on which {@code offset - 1} sits (past its line break, if any). */
    private static int endOfLastLine(String text, int offset) {
        int last = Math.max(0, Math.min(offset, text.length()) - 1);
        while (last > 0 && (text.charAt(last) == '\n' || text.charAt(last) == '\r' || text.charAt(last) == ' ')) {
            last--;
        }
        int newline = text.indexOf('\n', last);
        return newline < 0 ? text.length() : newline + 1;
    }
}
