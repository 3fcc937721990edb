package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/**
 * 100,000 random incremental edits sent to the real language server's {@code didChange} leave its text equal to the
 * client's after every edit. Complements {@link DocumentSyncPropertyTest} (the store alone) with what an editor
 * also sends: positions past the end of the line and of the text, empty changes, changes that split or join a CRLF,
 * several changes per notification, and whole-document replacements. The client computes positions with its own
 * line counting; the seeds are fixed so that a failure replays.
 */
class ServerDocumentSyncPropertyTest {

    private static final String URI = "file:///workspace/prompts/random-edits.prompty";
    private static final String[] PIECES = {
        "a", "Z", " ", "\n", "\r\n", "\r", "é", "ñ", "ß", "😀", "🎉", "👩‍💻", "日本語", "{{x}}", "system:\n",
        "user:\n", "", "\t", "---\n", "\u200b", "\uFEFF"};
    private static final int EDITS = 100_000;

    @Test
    void oneHundredThousandRandomEditsThroughTheServerKeepBothSidesEqual() {
        PromptwiseLanguageServer server = new PromptwiseLanguageServer(
                new PromptwiseAnalysis(PriceCatalog.bundled()),
                new PromptwiseLanguageServer.Environment(new QueuedExecutor(), new ManualScheduler(), code -> { },
                        new ServerLog(new PrintWriter(new StringWriter()))));
        server.connect(new RecordingClient());
        server.initialize(new InitializeParams()).join();
        Random random = new Random(100_000L);
        String clientText = "---\nname: random\n---\nsystem:\r\nYou sort 😀 tickets.\nuser:\n{{ticket}}";
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(URI, "prompty", 0, clientText)));
        int edits = 0;
        for (int version = 1; edits < EDITS; version++) {
            List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
            int changeCount = 1 + (random.nextInt(10) == 0 ? random.nextInt(4) : 0);
            for (int i = 0; i < changeCount; i++, edits++) {
                Edit edit = randomEdit(random, clientText);
                changes.add(edit.change());
                clientText = edit.textAfter();
            }
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(URI, version), changes));
            String serverText = server.documents().get(URI).orElseThrow().text();
            if (!clientText.equals(serverText)) {
                assertEquals(clientText, serverText, "after version " + version + ", changes " + changes);
            }
        }
    }

    /** One change as the client sends it, and the client's text once it is applied. */
    private record Edit(TextDocumentContentChangeEvent change, String textAfter) {}

    private static Edit randomEdit(Random random, String text) {
        int kind = random.nextInt(100);
        if (kind == 0) {
            String replacement = ClientText.random(random, PIECES, random.nextInt(40));
            return new Edit(new TextDocumentContentChangeEvent(replacement), replacement);
        }
        // Keep the text from growing without end, so that the run stays fast: long texts lose a chunk.
        boolean shrink = text.length() > 600;
        int start = ClientText.boundary(text, random.nextInt(text.length() + 1));
        int end = ClientText.boundary(text, Math.min(text.length(), start + (shrink ? 200 : random.nextInt(8))));
        String inserted = shrink || random.nextInt(4) == 0 ? "" : ClientText.random(random, PIECES, 1 + random.nextInt(3));
        Position startPosition = ClientText.position(text, start);
        Position endPosition = ClientText.position(text, end);
        if (kind < 10 && end == ClientText.lineContentEnd(text, end)) {
            // A character past the line's end means the end of that line, as LSP says.
            endPosition = new Position(endPosition.getLine(), endPosition.getCharacter() + 1 + random.nextInt(50));
        } else if (kind < 13 && end == text.length()) {
            // A line past the last line means the end of the text.
            endPosition = new Position(endPosition.getLine() + 1 + random.nextInt(3), random.nextInt(5));
        } else if (kind < 16) {
            // An empty change: an empty range and no text.
            endPosition = startPosition;
            end = start;
            inserted = "";
        }
        String after = text.substring(0, start) + inserted + text.substring(end);
        return new Edit(new TextDocumentContentChangeEvent(new Range(startPosition, endPosition), inserted), after);
    }
}
