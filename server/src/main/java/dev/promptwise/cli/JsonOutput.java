package dev.promptwise.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptwise.core.analysis.AnalyzedPrompt;
import dev.promptwise.core.analysis.Finding;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.text.TextRange;
import java.io.PrintStream;
import java.io.UncheckedIOException;

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
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode files = root.putArray("files");
        for (FileReport file : report.files()) {
            ObjectNode node = files.addObject();
            node.put("path", file.path());
            node.put("format", file.format().id());
            AnalyzedPrompt prompt = file.prompt();
            if (prompt != null) {
                node.put("model", prompt.modelId());
                ObjectNode tokens = node.putObject("tokens");
                tokens.put("text", prompt.textTokens());
                tokens.put("total", prompt.totalTokens());
                tokens.put("encoding", prompt.encoding());
                tokens.put("estimated", prompt.estimated());
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
            }
        }
        root.putArray("workloads");
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
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
