package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document's workspace-relative path, asked for again and again on every keystroke, follows the workspace root. */
class WorkspaceIndexPathsTest {

    @TempDir
    Path root;

    @Test
    void aDocumentsPathIsRelativeToTheCurrentRootEachTimeItIsAsked() {
        WorkspaceIndex index = new WorkspaceIndex(new PromptwiseAnalysis(PriceCatalog.bundled()),
                new DocumentStore(message -> { }), ServerLog.toStandardError());
        String uri = root.resolve("prompts/triage.prompty").toUri().toString();
        assertEquals(FromLsp.path(uri), index.relativePath(uri), "no root yet: the URI's path");
        index.setRoot(root.toUri().toString());
        assertEquals("prompts/triage.prompty", index.relativePath(uri));
        assertEquals("prompts/triage.prompty", index.relativePath(uri), "asked again");
        // Another root (a client that sends a new one): the path is found against it, not remembered from the old.
        index.setRoot(root.resolve("prompts").toUri().toString());
        assertEquals("triage.prompty", index.relativePath(uri));
        String outside = root.getParent().resolve("elsewhere.txt").toUri().toString();
        assertEquals(FromLsp.path(outside), index.relativePath(outside), "outside the root: the URI's path");
        for (int document = 0; document < 5_000; document++) {
            String other = root.resolve("prompts/p" + document + ".txt").toUri().toString();
            assertEquals("p" + document + ".txt", index.relativePath(other));
        }
        assertEquals("triage.prompty", index.relativePath(uri), "still right after more documents than are kept");
    }
}
