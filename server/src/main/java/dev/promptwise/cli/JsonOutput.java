package dev.promptwise.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptwise.core.advice.FactorAssessment;
import dev.promptwise.core.cost.CostFigures;
import dev.promptwise.core.cost.FineTunedCost;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.WorkloadAnalysis;
import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Finding;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The JSON format of DESIGN section 5. Field names are a contract: fields may be added, never renamed. Positions
 * are zero-based with UTF-16 columns, as in LSP.
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonOutput() {}

    static void write(Report report, PrintStream out) {
        print(tree(report), out);
    }

    /** Prints a JSON tree as this format indents it. */
    static void print(ObjectNode root, PrintStream out) {
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the report as the JSON format writes it. */
    static ObjectNode tree(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        if (report.catalog() != null) {
            ObjectNode catalog = root.putObject("catalog");
            catalog.put("source", report.catalog().source());
            if (report.catalog().asOf() != null) {
                catalog.put("asOf", report.catalog().asOf());
            } else {
                catalog.putNull("asOf");
            }
            catalog.put("models", report.catalog().models());
            String stale = report.catalog().staleHint(report.today());
            if (stale != null) {
                catalog.put("hint", stale);
            }
        }
        ArrayNode files = root.putArray("files");
        for (FileReport file : report.files()) {
            ObjectNode node = files.addObject();
            node.put("path", file.path());
            node.put("format", file.format());
            AnalyzedPrompt prompt = file.prompt();
            if (prompt != null) {
                node.put("model", prompt.modelId());
                ObjectNode tokens = node.putObject("tokens");
                tokens.put("text", prompt.textTokens());
                tokens.put("total", prompt.totalTokens());
                tokens.put("encoding", prompt.encoding());
                tokens.put("estimated", prompt.totalEstimated());
                if (prompt.inputCostPerRequest() != null) {
                    node.put("costPerRequestUsd", prompt.inputCostPerRequest());
                }
            } else {
                node.putNull("model");
                node.putNull("tokens");
            }
            ArrayNode diagnostics = node.putArray("diagnostics");
            for (Finding finding : file.findings()) {
                ObjectNode diagnostic = diagnostics.addObject();
                diagnostic.put("rule", finding.ruleId());
                diagnostic.put("severity", finding.severity().id());
                diagnostic.put("message", finding.message());
                diagnostic.set("range", range(file.lines(), finding.range()));
                if (finding.workload() != null) {
                    diagnostic.put("workload", finding.workload().name());
                    diagnostic.put("strategyFile", finding.workload().strategyFile());
                }
            }
        }
        ArrayNode workloads = root.putArray("workloads");
        for (Report.ShownStrategy shown : report.strategies()) {
            for (WorkloadAnalysis analysis : shown.strategy().workloads().values()) {
                workloads.add(workload(shown.shownPath(), analysis));
            }
        }
        return root;
    }

    private static ObjectNode workload(String strategyFile, WorkloadAnalysis analysis) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", analysis.workload().name());
        node.put("strategyFile", strategyFile);
        node.put("prompt", analysis.promptPath());
        node.put("model", analysis.prompt() == null ? null : analysis.prompt().modelId());
        node.put("recommendedApproach", analysis.recommendation().approach().id());
        if (analysis.recommendation().pattern() != null) {
            node.put("recommendedPattern", analysis.recommendation().pattern().id());
        }
        node.put("confidence", analysis.recommendation().confidence());
        node.put("rationale", analysis.recommendation().rationale());
        ArrayNode factors = node.putArray("factors");
        for (FactorAssessment assessment : analysis.recommendation().factors()) {
            ObjectNode factor = factors.addObject();
            factor.put("factor", assessment.factor().id());
            factor.put("vote", assessment.vote().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            factor.put("weight", assessment.weight());
            factor.put("known", assessment.known());
            factor.put("reason", assessment.reason());
        }
        Approach declared = analysis.workload().declaredApproach();
        node.put("declaredApproach", declared == null ? null : declared.id());
        Optional<CostFigures> now = analysis.cost() == null ? Optional.empty() : analysis.cost().now();
        // Whether the figures rest on another model's tokenizer (Claude, Gemini): messages write them with ≈.
        node.put("estimated", analysis.prompt() != null && analysis.prompt().estimated()
                || now.map(CostFigures::estimated).orElse(false));
        putNumber(node, "costPerRequestUsd", now.map(CostFigures::costPerRequest));
        putNumber(node, "monthlyCostUsd", now.map(CostFigures::costPerMonth));
        Optional<FineTunedCost> fineTuned = analysis.cost() == null ? Optional.empty() : analysis.cost().fineTuned();
        if (fineTuned.isPresent()) {
            // null below when there is no possible base model (docs/cost-model.md, "The base model").
            FineTunedCost cost = fineTuned.get();
            ObjectNode tuned = node.putObject("fineTuned");
            tuned.put("baseModel", cost.baseModelId());
            putNumber(tuned, "monthlyCostUsd", optional(cost.costPerMonth()));
            putNumber(tuned, "trainingCostUsd", optional(cost.trainingCost()));
            putNumber(tuned, "breakEvenDays", optional(cost.breakEvenDays()));
            putNumber(tuned, "monthlySavingUsd", optional(cost.monthlySaving()));
            putNumber(tuned, "modelSwitchMonthlyCostUsd", cost.modelSwitch().map(CostFigures::costPerMonth));
            putNumber(tuned, "savingFromPromptUsd", optional(cost.savingFromPrompt()));
            putNumber(tuned, "savingFromModelUsd", optional(cost.savingFromModel()));
            putNumber(tuned, "promptBreakEvenDays", optional(cost.promptBreakEvenDays()));
            tuned.put("trainingPriceUnconfirmed", cost.trainingPriceUnconfirmed());
        } else {
            node.putNull("fineTuned");
        }
        Optional<FineTunedCost> hybrid = analysis.cost() == null ? Optional.empty() : analysis.cost().hybrid();
        putNumber(node, "hybridMonthlyCostUsd", hybrid.flatMap(h -> optional(h.costPerMonth())));
        ArrayNode missing = node.putArray("missingInputs");
        if (analysis.prompt() != null) {
            analysis.prompt().missingInputs().forEach(missing::add);
        }
        return node;
    }

    private static Optional<Double> optional(java.util.OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    private static void putNumber(ObjectNode node, String field, Optional<Double> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }

    static ObjectNode range(LineIndex lines, TextRange range) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("start", position(lines.position(range.start())));
        node.set("end", position(lines.position(range.end())));
        return node;
    }

    private static ObjectNode position(LineIndex.Position position) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("line", position.line());
        node.put("character", position.character());
        return node;
    }
}
