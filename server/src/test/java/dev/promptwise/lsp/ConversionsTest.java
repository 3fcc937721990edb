package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** ToLsp and FromLsp turn offsets into lines and UTF-16 columns and back, and the core's records into LSP's. */
class ConversionsTest {

    private static final String TEXT = "sys 😀\r\nline two\nthree";
    private static final LineIndex INDEX = LineIndex.of(TEXT);

    @Test
    void positionsCountUtf16UnitsAndRoundTrip() {
        int afterEmoji = TEXT.indexOf('\r');
        assertEquals(new Position(0, 6), ToLsp.position(INDEX, afterEmoji));
        int two = TEXT.indexOf("two");
        assertEquals(new Position(1, 5), ToLsp.position(INDEX, two));
        for (int offset = 0; offset <= TEXT.length(); offset++) {
            if (TEXT.charAt(Math.max(0, offset - 1)) == '\r' && offset < TEXT.length() && TEXT.charAt(offset) == '\n') {
                continue; // Between \r and \n is not a position LSP can name.
            }
            assertEquals(offset, FromLsp.offset(INDEX, TEXT, ToLsp.position(INDEX, offset)), "offset " + offset);
        }
    }

    @Test
    void rangesPastTheEndClampAndReversedRangesAreOrdered() {
        assertEquals(TextRange.of(4, 6), FromLsp.range(INDEX, TEXT, range(0, 40, 0, 4)));
        assertEquals(TextRange.of(TEXT.length(), TEXT.length()), FromLsp.range(INDEX, TEXT, range(9, 0, 12, 3)));
    }

    @Test
    void aFindingBecomesADiagnosticWithRuleIdLinkAndSeverity() {
        Finding finding = new Finding("duplicate-instruction", Severity.WARNING, TextRange.of(8, 12),
                "Repeated twice", List.of());
        Diagnostic diagnostic = ToLsp.diagnostic(INDEX, finding).orElseThrow();
        assertEquals("promptwise", diagnostic.getSource());
        assertEquals(Either.forLeft("duplicate-instruction"), diagnostic.getCode());
        assertEquals("https://github.com/promptwise/promptwise/blob/main/docs/rules/duplicate-instruction.md",
                diagnostic.getCodeDescription().getHref());
        assertEquals(DiagnosticSeverity.Warning, diagnostic.getSeverity());
        assertEquals(range(1, 0, 1, 4), diagnostic.getRange());
        assertEquals("Repeated twice", diagnostic.getMessage().getLeft());
    }

    @Test
    void everySeverityMapsAndOffIsNotPublished() {
        assertEquals(DiagnosticSeverity.Error, ToLsp.severity(Severity.ERROR));
        assertEquals(DiagnosticSeverity.Information, ToLsp.severity(Severity.INFORMATION));
        assertEquals(DiagnosticSeverity.Hint, ToLsp.severity(Severity.HINT));
        Finding off = new Finding("unused-variable", Severity.OFF, TextRange.of(0, 1), "off", List.of());
        assertTrue(ToLsp.diagnostic(INDEX, off).isEmpty());
        assertEquals(List.of(), ToLsp.diagnostics(INDEX, List.of(off)));
    }

    @Test
    void codeActionsAreTheFixesThenOneDisableActionPerRule() {
        Fix remove = new Fix("Remove duplicate", List.of(new TextEdit(TextRange.of(8, 17), "")), true);
        Finding first = new Finding("duplicate-instruction", Severity.WARNING, TextRange.of(8, 16), "twice",
                List.of(remove));
        Finding second = new Finding("duplicate-instruction", Severity.WARNING, TextRange.of(17, 22), "twice",
                List.of());
        DocumentStore store = new DocumentStore(message -> { });
        WorkspaceIndex index = new WorkspaceIndex(new dev.promptwise.core.analysis.PromptwiseAnalysis(
                dev.promptwise.core.catalog.PriceCatalog.bundled()), store, ServerLog.toStandardError());
        WorkspaceEdits edits = new WorkspaceEdits(index, store, new org.eclipse.lsp4j.ClientCapabilities());
        List<Either<Command, CodeAction>> actions = ToLsp.codeActions("file:///a.prompty", INDEX,
                List.of(first, second), edits);
        assertEquals(2, actions.size());
        CodeAction fix = actions.get(0).getRight();
        assertEquals("Remove duplicate", fix.getTitle());
        assertEquals(Boolean.TRUE, fix.getIsPreferred());
        org.eclipse.lsp4j.TextEdit edit = fix.getEdit().getChanges().get("file:///a.prompty").get(0);
        assertEquals(range(1, 0, 2, 0), edit.getRange());
        CodeAction disable = actions.get(1).getRight();
        assertEquals("Disable duplicate-instruction in settings", disable.getTitle());
        assertEquals("promptwise.disableRule", disable.getCommand().getCommand());
        assertEquals(List.of("duplicate-instruction"), disable.getCommand().getArguments());
    }

    @Test
    void aFixThatTwoWorkloadsFindingsShareIsOfferedOnce() {
        // A prompt bound by two workloads has a finding per workload, each carrying the same "disable" fix.
        Fix disable = new Fix("Disable prompt-too-long in this file",
                List.of(new TextEdit(TextRange.of(0, 0), "# promptwise-disable prompt-too-long\n")), false);
        Finding forA = new Finding("prompt-too-long", Severity.WARNING, TextRange.of(0, 7), "long (workload a, x.yaml)",
                List.of(disable), new Finding.Workload("a", "x.yaml"));
        Finding forB = new Finding("prompt-too-long", Severity.WARNING, TextRange.of(0, 7), "long (workload b, x.yaml)",
                List.of(disable), new Finding.Workload("b", "x.yaml"));
        DocumentStore store = new DocumentStore(message -> { });
        WorkspaceIndex index = new WorkspaceIndex(new dev.promptwise.core.analysis.PromptwiseAnalysis(
                dev.promptwise.core.catalog.PriceCatalog.bundled()), store, ServerLog.toStandardError());
        WorkspaceEdits edits = new WorkspaceEdits(index, store, new org.eclipse.lsp4j.ClientCapabilities());
        List<String> titles = ToLsp.codeActions("file:///a.prompty", INDEX, List.of(forA, forB), edits).stream()
                .map(action -> action.getRight().getTitle()).toList();
        assertEquals(List.of("Disable prompt-too-long in this file", "Disable prompt-too-long in settings"), titles);
        assertEquals(Map.of("workload", "b", "strategyFile", "x.yaml"), ToLsp.diagnostic(INDEX, forB).orElseThrow()
                .getData(), "the diagnostic's data names the workload");
    }

    @Test
    void noHoverIsLspNull() {
        assertNull(ToLsp.hover(INDEX, java.util.Optional.empty()));
    }

    @Test
    void pathsComeFromFileUrisAndFromThePathPartOfOtherSchemes() {
        assertEquals("/work/my prompts/a.prompty", FromLsp.path("file:///work/my%20prompts/a.prompty"));
        assertEquals("/c:/Users/a/prompts/b.txt", FromLsp.path("file:///c%3A/Users/a/prompts/b.txt"));
        assertEquals("Untitled-1", FromLsp.path("untitled:Untitled-1"));
        assertEquals("/prompts/new.prompty", FromLsp.path("untitled:/prompts/new.prompty"));
        assertEquals("/bad path/x.prompt", FromLsp.path("file:/bad path/x.prompt"));
    }

    @Test
    void settingsAreReadWithOrWithoutThePromptwiseNamespace() {
        List<String> problems = new ArrayList<>();
        Settings nested = Settings.fromJson(FromLsp.settingsJson(
                JsonParser.parseString("{\"promptwise\": {\"diagnostics\": {\"debounceMs\": 0}}}")), problems);
        Settings bare = Settings.fromJson(FromLsp.settingsJson(
                JsonParser.parseString("{\"diagnostics.debounceMs\": 0, \"rules\": {\"unused-variable\": \"off\"}}")),
                problems);
        assertEquals(0, nested.debounceMs());
        assertEquals(0, bare.debounceMs());
        assertEquals(Severity.OFF, bare.severity("unused-variable", Severity.WARNING));
        assertEquals(Settings.DEFAULTS, Settings.fromJson(FromLsp.settingsJson(null), problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void settingsFromGsonAreTheTreeJacksonWouldReadFromTheSameText() throws Exception {
        String text = """
                {"promptwise": {"defaultModel": "gpt-4o-mini", "budget": {"maxPromptTokens": 4000,
                 "maxMonthlyCost": null}, "traffic": {"requestsPerDay": 12.5, "big": 9007199254740993,
                 "huge": 123456789012345678901234567890, "exponent": 1e3, "negative": -7},
                 "flags": [true, false, "off", 0.25, []], "text": "café ✓ \\u00e9 \\"quoted\\""}}
                """;
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(text),
                FromLsp.settingsJson(JsonParser.parseString(text)));
    }

    private static Range range(int startLine, int startCharacter, int endLine, int endCharacter) {
        return new Range(new Position(startLine, startCharacter), new Position(endLine, endCharacter));
    }
}
