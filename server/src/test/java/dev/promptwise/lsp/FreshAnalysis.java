package dev.promptwise.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.vocabulary.Cancellation;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;

/**
 * What a server that lost nothing would publish: the diagnostics of an in-process analysis by a fresh host of the
 * text the client holds, described as one line each so that a failing comparison reads well. Tests compare the
 * server's {@code publishDiagnostics} with it.
 */
final class FreshAnalysis {

    private final Settings settings;

    /** Analyses with the settings the client sent, as {@code {"promptwise": {...}}} or the object itself. */
    FreshAnalysis(Object clientSettings) {
        this.settings = Settings.fromJson(FromLsp.settingsJson(clientSettings), new ArrayList<>());
    }

    /** Returns the diagnostics of {@code text} at {@code uri}, one line each; empty when it is not a prompt. */
    List<String> diagnostics(String uri, String text) {
        // A new façade each time: its host remembers no earlier version, so nothing incremental takes part.
        PromptwiseAnalysis core = new PromptwiseAnalysis(PriceCatalog.bundled());
        String path = FromLsp.path(uri);
        return core.formatOf(path, text).map(format -> {
            AnalyzedPrompt prompt = core.analyze(path, format, text, settings);
            return ToLsp.diagnostics(LineIndex.of(text), core.diagnostics(prompt, Cancellation.NONE)).stream()
                    .map(FreshAnalysis::describe).toList();
        }).orElse(List.of());
    }

    /** Returns the diagnostics of a {@code publishDiagnostics} notification, one line each. */
    static List<String> published(JsonNode publishDiagnostics) {
        List<String> described = new ArrayList<>();
        for (JsonNode diagnostic : publishDiagnostics.at("/params/diagnostics")) {
            JsonNode range = diagnostic.path("range");
            described.add(diagnostic.path("code").asText() + " " + diagnostic.path("severity").asInt() + " "
                    + range.at("/start/line").asInt() + ":" + range.at("/start/character").asInt() + "-"
                    + range.at("/end/line").asInt() + ":" + range.at("/end/character").asInt() + " "
                    + diagnostic.path("message").asText());
        }
        return described;
    }

    /** Returns diagnostics received in process, one line each. */
    static List<String> published(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(FreshAnalysis::describe).toList();
    }

    private static String describe(Diagnostic diagnostic) {
        return diagnostic.getCode().getLeft() + " " + diagnostic.getSeverity().getValue() + " "
                + diagnostic.getRange().getStart().getLine() + ":" + diagnostic.getRange().getStart().getCharacter()
                + "-" + diagnostic.getRange().getEnd().getLine() + ":" + diagnostic.getRange().getEnd().getCharacter()
                + " " + diagnostic.getMessage().getLeft();
    }
}
