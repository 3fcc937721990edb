package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 end to end, through the real jar over its pipes: a strategy file's diagnostics sit on the right key or
 * value, changing requestsPerDay in the strategy file changes the diagnostics of the prompt it references without
 * touching the prompt, and the approach fix rewrites the file into one that re-validates clean.
 */
class StrategyWorkspaceIT {

    private static final String PROMPT = """
            ---
            name: triage
            model:
              id: gpt-4o
            ---
            system:
            Route the ticket to billing, outage or account. Answer with the queue name only.

            user:
            {{ticket}}
            """;
    private static final String STRATEGY = """
            version: 1
            workloads:
              triage:
                prompt: prompts/triage.prompty
                model: gpt-4o
                approach: fine-tuning
                traffic: { requestsPerDay: 100, avgInputTokens: 50, avgOutputTokens: 5 }
                requirements: { changeFrequency: weekly }
                task: { domain: general, outputFormat: text }
                team: { mlExpertise: none, timelineWeeks: 1 }
                budget: { maxMonthlyCost: 50 }
                trafic: { requestsPerDay: 1 }
            """;

    @TempDir
    Path root;

    @Test
    void strategyAndPromptValidateEachOtherOverThePipes() throws Exception {
        Files.createDirectories(root.resolve("prompts"));
        Files.writeString(root.resolve("prompts/triage.prompty"), PROMPT);
        Files.writeString(root.resolve("promptwise.yaml"), STRATEGY);
        String promptUri = root.resolve("prompts/triage.prompty").toUri().toString();
        String strategyUri = root.resolve("promptwise.yaml").toUri().toString();
        try (LanguageServerProcess server = LanguageServerProcess.start("strategy-workspace")) {
            server.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
                    "rootUri", root.toUri().toString(),
                    "capabilities", Map.of("workspace", Map.of("workspaceEdit", Map.of("documentChanges", true))),
                    "initializationOptions", Map.of("promptwise", Map.of("diagnostics", Map.of("debounceMs", 0)))));
            server.notify("initialized", Map.of());

            open(server, strategyUri, STRATEGY);
            JsonNode strategy = server.awaitNotification("textDocument/publishDiagnostics",
                    params -> strategyUri.equals(params.path("uri").asText()) && params.path("diagnostics").size() > 0);
            JsonNode unknownKey = diagnostic(strategy, "strategy-schema");
            assertEquals(position(STRATEGY, "trafic"), unknownKey.at("/range/start"), "on the key");
            assertTrue(unknownKey.path("message").asText().contains("did you mean 'traffic'?"));
            JsonNode mismatch = diagnostic(strategy, "approach-mismatch");
            assertEquals(position(STRATEGY, "fine-tuning"), mismatch.at("/range/start"), "on the value");

            open(server, promptUri, PROMPT);
            JsonNode cheap = server.awaitNotification("textDocument/publishDiagnostics",
                    params -> promptUri.equals(params.path("uri").asText()));
            assertEquals(List.of(), rules(cheap), "100 requests a day fit the $50 budget");

            // Raise the traffic in the strategy file only: the prompt's diagnostics change without touching it.
            String busy = STRATEGY.replace("requestsPerDay: 100,", "requestsPerDay: 900000,");
            server.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", strategyUri, "version", 2),
                    "contentChanges", List.of(Map.of("text", busy))));
            JsonNode expensive = server.awaitNotification("textDocument/publishDiagnostics",
                    params -> promptUri.equals(params.path("uri").asText()) && rules(params).contains("cost-at-scale"));
            assertTrue(diagnostic(expensive, "cost-at-scale").path("message").asText().contains("900,000 requests/day"));

            // Apply the approach fix as an editor would, then the file re-validates clean of the mismatch.
            JsonNode actions = server.request("textDocument/codeAction", Map.of("textDocument", Map.of("uri", strategyUri),
                    "range", Map.of("start", position(busy, "fine-tuning"), "end", position(busy, "fine-tuning")),
                    "context", Map.of("diagnostics", List.of())));
            JsonNode setApproach = null;
            for (JsonNode action : actions.path("result")) {
                if (action.path("title").asText().startsWith("Set approach to")) {
                    setApproach = action;
                }
            }
            assertTrue(setApproach != null, actions.toString());
            String fixed = apply(busy, setApproach.path("edit"), strategyUri);
            server.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", strategyUri, "version", 3),
                    "contentChanges", List.of(Map.of("text", fixed))));
            JsonNode after = server.awaitNotification("textDocument/publishDiagnostics",
                    params -> strategyUri.equals(params.path("uri").asText()) && params.path("version").asInt() == 3);
            assertTrue(!rules(after).contains("approach-mismatch"), fixed + "\n" + after);

            server.request("shutdown", null);
            server.notify("exit", null);
            assertEquals(0, server.awaitExit());
            assertEquals(List.of(), server.protocolViolations());
        }
    }

    @Test
    void theCostReportPageOverThePipesShowsTheFiguresOfTheDataAnswer() throws Exception {
        Files.createDirectories(root.resolve("prompts"));
        Files.writeString(root.resolve("prompts/triage.prompty"), PROMPT);
        Files.writeString(root.resolve("promptwise.yaml"), STRATEGY);
        String strategyUri = root.resolve("promptwise.yaml").toUri().toString();
        try (LanguageServerProcess server = LanguageServerProcess.start("cost-report-page")) {
            JsonNode initialized = server.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
                    "rootUri", root.toUri().toString(), "capabilities", Map.of(),
                    "initializationOptions", Map.of("promptwise", Map.of("diagnostics", Map.of("debounceMs", 0)))));
            assertTrue(initialized.at("/result/capabilities/executeCommandProvider/commands").toString()
                    .contains("\"promptwise.costReportHtml\""), initialized.toString());
            server.notify("initialized", Map.of());
            open(server, strategyUri, STRATEGY);
            server.awaitNotification("textDocument/publishDiagnostics",
                    params -> strategyUri.equals(params.path("uri").asText()));

            JsonNode data = server.request("workspace/executeCommand",
                    Map.of("command", "promptwise.costReport", "arguments", List.of())).path("result");
            JsonNode page = server.request("workspace/executeCommand",
                    Map.of("command", "promptwise.costReportHtml", "arguments", List.of()));
            String html = page.at("/result/html").asText();
            assertTrue(html.startsWith("<!doctype html>"), page.toString());
            assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                    + " style-src 'sha256-"), html);
            assertTrue(!html.contains("<script") && !html.matches("(?s).*https?:.*"), "nothing runs, nothing loads");

            JsonNode triage = data.path("workloads").get(0);
            assertEquals("triage", triage.path("name").asText());
            String row = "<tr><td>triage</td><td>gpt-4o</td><td class=\"number\">100</td><td class=\"number\">"
                    + usd(triage.path("monthlyCostUsd")) + "</td><td class=\"number\">"
                    + usd(triage.path("fineTunedMonthlyUsd")) + "</td><td class=\"number\">"
                    + usd(triage.path("hybridMonthlyUsd")) + "</td>";
            assertTrue(html.contains(row), row + "\n" + html);
            assertTrue(html.contains("<h3>triage</h3>\n<p class=\"muted\">promptwise.yaml · "), html);
            assertTrue(html.contains("<polyline class=\"series-prompt\""), "the prompt's cost against the traffic");
            assertEquals(triage.path("fineTunedMonthlyUsd").isNumber(),
                    html.contains("<polyline class=\"series-fine-tuned\""), "a fine-tuned curve when it is priced");
            JsonNode prompt = data.path("prompts").get(0);
            assertTrue(html.contains("<tr><td><code>" + prompt.path("path").asText() + "</code></td><td>gpt-4o</td>"
                    + "<td class=\"number\">" + prompt.path("tokens").asInt() + "</td>"), html);

            server.request("shutdown", null);
            server.notify("exit", null);
            assertEquals(0, server.awaitExit());
            assertEquals(List.of(), server.protocolViolations());
        }
    }

    /** Words a figure of the data answer as the page does; Gson leaves unknown figures out. */
    private static String usd(JsonNode figure) {
        return figure.isNumber() ? dev.promptwise.core.cost.Money.usd(figure.asDouble()) : "unknown";
    }

    private static void open(LanguageServerProcess server, String uri, String text) throws Exception {
        server.notify("textDocument/didOpen", Map.of("textDocument",
                Map.of("uri", uri, "languageId", "", "version", 1, "text", text)));
    }

    private static JsonNode diagnostic(JsonNode notification, String rule) {
        for (JsonNode diagnostic : notification.at("/params/diagnostics")) {
            if (rule.equals(diagnostic.path("code").asText())) {
                return diagnostic;
            }
        }
        throw new AssertionError("no " + rule + " in " + notification);
    }

    private static List<String> rules(JsonNode notification) {
        JsonNode diagnostics = notification.has("params") ? notification.at("/params/diagnostics")
                : notification.path("diagnostics");
        List<String> rules = new ArrayList<>();
        diagnostics.forEach(d -> rules.add(d.path("code").asText()));
        return rules;
    }

    private static JsonNode position(String text, String needle) {
        int offset = text.indexOf(needle);
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        int character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
        return LanguageServerProcess.JSON.valueToTree(Map.of("line", line, "character", character));
    }

    /** Applies the text edits a workspace edit makes to {@code uri}, last first. */
    private static String apply(String text, JsonNode edit, String uri) {
        List<JsonNode> edits = new ArrayList<>();
        edit.path("changes").path(uri).forEach(edits::add);
        edit.path("documentChanges").forEach(change -> {
            if (uri.equals(change.at("/textDocument/uri").asText())) {
                change.path("edits").forEach(edits::add);
            }
        });
        edits.sort(Comparator.comparingInt((JsonNode e) -> offset(text, e.at("/range/start"))).reversed());
        StringBuilder result = new StringBuilder(text);
        for (JsonNode e : edits) {
            result.replace(offset(text, e.at("/range/start")), offset(text, e.at("/range/end")), e.path("newText").asText());
        }
        return result.toString();
    }

    private static int offset(String text, JsonNode position) {
        int line = position.path("line").asInt();
        int offset = 0;
        for (int i = 0; i < line; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + position.path("character").asInt();
    }
}
