package dev.promptwise.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.registry.RuleRegistry;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.vocabulary.Finding;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * SARIF 2.1.0 for code-scanning services. Regions are one-based; columns count UTF-16 code units, which the log
 * declares through {@code columnKind}.
 */
final class SarifOutput {

    static final String RULES_BASE = "https://github.com/promptwise/promptwise/blob/main/docs/rules/";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private SarifOutput() {}

    static void write(Report report, PrintStream out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Promptwise");
        driver.put("informationUri", "https://github.com/promptwise/promptwise");
        ArrayNode rules = driver.putArray("rules");
        RuleRegistry.byId().forEach((id, rule) -> {
            ObjectNode node = rules.addObject();
            node.put("id", id);
            node.put("helpUri", RULES_BASE + id + ".md");
            node.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
        });
        run.put("columnKind", "utf16CodeUnits");
        ArrayNode results = run.putArray("results");
        for (FileReport file : report.files()) {
            for (Finding finding : file.findings()) {
                ObjectNode result = results.addObject();
                result.put("ruleId", finding.ruleId());
                result.put("level", level(finding.severity()));
                result.putObject("message").put("text", finding.message());
                ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", file.path());
                LineIndex.Position start = file.lines().position(finding.range().start());
                LineIndex.Position end = file.lines().position(finding.range().end());
                ObjectNode region = physical.putObject("region");
                region.put("startLine", start.line() + 1);
                region.put("startColumn", start.character() + 1);
                region.put("endLine", end.line() + 1);
                region.put("endColumn", end.character() + 1);
                if (finding.workload() != null) {
                    ObjectNode properties = result.putObject("properties");
                    properties.put("workload", finding.workload().name());
                    properties.put("strategyFile", finding.workload().strategyFile());
                }
            }
        }
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFORMATION, HINT -> "note";
            case OFF -> "none";
        };
    }
}
