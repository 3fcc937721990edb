package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one writer of the user's disk, on a real folder with symbolic links out of it: it creates new files inside
 * the root, never overwrites one, and leaves nothing behind outside the root, not even an empty folder, whatever
 * the path.
 */
class SafeFilesTest {

    @TempDir
    Path temp;
    private Path root;
    private Path outside;

    @BeforeEach
    void createAWorkspaceWithALinkOut() throws IOException {
        root = Files.createDirectories(temp.resolve("workspace"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("folder-out"), outside);
        Files.writeString(root.resolve("existing.jsonl"), "{\"kept\": true}\n");
    }

    @Test
    void createsANewFileInsideInNewFolders() throws IOException {
        Path created = SafeFiles.createNew(root, "datasets/triage/examples.jsonl", "{}\n");
        assertEquals(root.resolve("datasets/triage/examples.jsonl"), created);
        assertEquals("{}\n", Files.readString(created));
    }

    @Test
    void neverOverwritesAFile() throws IOException {
        assertThrows(IOException.class, () -> SafeFiles.createNew(root, "existing.jsonl", "replaced\n"));
        assertEquals("{\"kept\": true}\n", Files.readString(root.resolve("existing.jsonl")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder-out/x.jsonl", "folder-out/new/x.jsonl", "folder-out/a/b/c/x.jsonl",
        "../outside/x.jsonl", "/tmp/x.jsonl", "%2e%2e/outside/x.jsonl", "..\\outside\\x.jsonl", "C:/x.jsonl"})
    void writesNothingOutsideTheRoot(String path) throws IOException {
        assertThrows(IOException.class, () -> SafeFiles.createNew(root, path, "escaped\n"));
        try (Stream<Path> left = Files.walk(outside)) {
            assertEquals(1, left.count(), "something was created outside the workspace for " + path);
        }
        assertFalse(Files.exists(Path.of("/tmp/x.jsonl")) && Files.readString(Path.of("/tmp/x.jsonl"))
                .equals("escaped\n"));
        assertTrue(Files.isDirectory(root));
    }
}
