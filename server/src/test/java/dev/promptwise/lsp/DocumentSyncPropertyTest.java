package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/**
 * Random incremental edits, as an editor sends them, leave the store's text equal to the client's. The client
 * side here computes positions with its own line counting (not the server's LineIndex), so the two sides are
 * independent; the seed is fixed so a failure replays.
 */
class DocumentSyncPropertyTest {

    private static final String URI = "file:///workspace/prompts/random.prompty";
    private static final String[] PIECES = {
        "a", "Z", " ", "\n", "\r\n", "\r", "é", "ñ", "😀", "🎉", "日本", "{{x}}", "system:\n", "", "\t"};

    @Test
    void twentyThousandRandomEditsKeepBothSidesEqual() {
        Random random = new Random(20261128L);
        DocumentStore store = new DocumentStore(message -> { });
        String clientText = "system:\r\nYou sort 😀 tickets.\nuser:\n{{ticket}}";
        store.open(URI, "prompty", 0, clientText);
        for (int version = 1; version <= 20_000; version++) {
            List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
            int changeCount = 1 + random.nextInt(3);
            for (int i = 0; i < changeCount; i++) {
                if (random.nextInt(200) == 0) {
                    clientText = ClientText.random(random, PIECES, 1 + random.nextInt(30));
                    changes.add(new TextDocumentContentChangeEvent(clientText));
                    continue;
                }
                int start = ClientText.boundary(clientText, random.nextInt(clientText.length() + 1));
                int end = ClientText.boundary(clientText, Math.min(clientText.length(), start + random.nextInt(8)));
                String inserted = random.nextInt(4) == 0 ? "" : ClientText.random(random, PIECES, 1 + random.nextInt(3));
                Position startPosition = ClientText.position(clientText, start);
                Position endPosition = ClientText.position(clientText, end);
                if (random.nextInt(10) == 0 && end == ClientText.lineContentEnd(clientText, end)) {
                    // An end past the line's end means the end of that line, as LSP says.
                    endPosition = new Position(endPosition.getLine(), endPosition.getCharacter() + 5);
                }
                changes.add(new TextDocumentContentChangeEvent(new Range(startPosition, endPosition), inserted));
                clientText = clientText.substring(0, start) + inserted + clientText.substring(end);
            }
            String serverText = store.change(URI, version, changes).orElseThrow().text();
            assertEquals(clientText, serverText, "after version " + version);
        }
    }
}
