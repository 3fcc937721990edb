package dev.promptwise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The disk workspace, on a real folder with real symbolic links, never resolves or reads a file outside its root,
 * whatever the path's text: {@code ..}, absolute paths, links out of the root, URL-encoded dots, Windows drive
 * letters and backslashes. A random walk over such segments checks the invariant itself: whatever resolves lies,
 * links followed, inside the root.
 */
class DiskWorkspaceSafetyTest {

    private static final String SECRET = "the secret outside the workspace";

    @TempDir
    Path temp;
    private Path root;
    private Path outside;
    private DiskWorkspace workspace;

    @BeforeEach
    void createAWorkspaceWithLinksOut() throws IOException {
        root = Files.createDirectories(temp.resolve("workspace"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.createDirectories(root.resolve("prompts"));
        Files.writeString(root.resolve("prompts/triage.prompty"), "system:\nSort tickets.\n");
        Files.createSymbolicLink(root.resolve("prompts/link-out.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("folder-out"), outside);
        Files.createSymbolicLink(root.resolve("prompts/link-in.prompty"), root.resolve("prompts/triage.prompty"));
        Files.createSymbolicLink(root.resolve("relative-out"), Path.of("..", "outside"));
        workspace = new DiskWorkspace(root);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "../outside/secret.txt", "prompts/../../outside/secret.txt", "./../outside/secret.txt",
        "prompts/link-out.txt", "folder-out/secret.txt", "relative-out/secret.txt", "folder-out",
        "%2e%2e/outside/secret.txt", "..%2foutside%2fsecret.txt", "..\\outside\\secret.txt",
        "prompts\\..\\..\\outside\\secret.txt", "C:/outside/secret.txt", "C:\\outside\\secret.txt",
        "~/secret.txt", "", "prompts/\u0000/x", "file:///etc/passwd"})
    void refusesEveryPathThatLeavesTheRoot(String path) {
        assertEquals(Optional.empty(), workspace.resolve(path), path);
        assertFalse(workspace.exists(path), path);
        assertEquals(Optional.empty(), workspace.read(path), path);
        assertEquals(Optional.empty(), workspace.readStart(path, 1024), path);
    }

    @org.junit.jupiter.api.Test
    void readsTheStartOfAFileInsideTheRootAndNoMore() throws IOException {
        byte[] bytes = new byte[5000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Files.write(root.resolve("prompts/form.png"), bytes);
        assertArrayEquals(java.util.Arrays.copyOf(bytes, 100), workspace.readStart("prompts/form.png", 100).orElseThrow());
        assertArrayEquals(bytes, workspace.readStart("prompts/form.png", 1 << 20).orElseThrow());
        assertEquals(Optional.empty(), workspace.readStart("prompts", 100), "a folder");
        assertEquals(Optional.empty(), workspace.readStart("prompts/missing.png", 100));
    }

    @Test
    void refusesAbsolutePathsEvenToItsOwnFiles() {
        assertEquals(Optional.empty(), workspace.read(outside.resolve("secret.txt").toString()));
        assertEquals(Optional.empty(), workspace.read("/etc/passwd"));
        // An absolute path to a file inside the root names it; it is the same file, so it is not a way out.
        workspace.resolve(root.resolve("prompts/triage.prompty").toString())
                .ifPresent(file -> assertTrue(file.startsWith(root)));
    }

    @Test
    void followsLinksThatStayInside() {
        assertEquals(Optional.of("system:\nSort tickets.\n"), workspace.read("prompts/link-in.prompty"));
        assertEquals(Optional.of("system:\nSort tickets.\n"), workspace.read("prompts/../prompts/triage.prompty"));
    }

    @Test
    void worksWhenTheRootItselfIsReachedThroughALink() throws IOException {
        Path linkToRoot = Files.createSymbolicLink(temp.resolve("workspace-link"), root);
        DiskWorkspace throughLink = new DiskWorkspace(linkToRoot);
        assertEquals(Optional.of("system:\nSort tickets.\n"), throughLink.read("prompts/triage.prompty"));
        assertEquals(Optional.empty(), throughLink.read("prompts/link-out.txt"));
        assertEquals(Optional.empty(), throughLink.read("../outside/secret.txt"));
    }

    @Test
    void doesNotReadFilesAboveItsSizeLimit() throws IOException {
        try (RandomAccessFile huge = new RandomAccessFile(root.resolve("prompts/huge.prompty").toFile(), "rw")) {
            huge.setLength(DiskWorkspace.MAX_READ_BYTES + 1);
        }
        assertTrue(workspace.exists("prompts/huge.prompty"));
        assertEquals(Optional.empty(), workspace.read("prompts/huge.prompty"));
    }

    @Test
    void aRandomWalkOfHostileSegmentsNeverResolvesOutside() throws IOException {
        String[] segments = {"..", ".", "prompts", "triage.prompty", "link-out.txt", "folder-out", "relative-out",
            "secret.txt", "outside", "%2e%2e", "..\\..", "C:", "~", "", "link-in.prompty", "//", "\\"};
        Path realRoot = root.toRealPath();
        Random random = new Random(4242);
        int resolved = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder path = new StringBuilder(random.nextInt(8) == 0 ? "/" : "");
            int length = 1 + random.nextInt(6);
            for (int s = 0; s < length; s++) {
                path.append(s == 0 ? "" : "/").append(segments[random.nextInt(segments.length)]);
            }
            Optional<Path> file = workspace.resolve(path.toString());
            if (file.isPresent()) {
                resolved++;
                assertTrue(file.get().toRealPath().startsWith(realRoot), path + " -> " + file.get().toRealPath());
                workspace.read(path.toString()).ifPresent(text -> assertFalse(text.contains(SECRET), path.toString()));
            }
        }
        assertTrue(resolved > 100, "the walk reaches files inside too, so it tests something: " + resolved);
    }
}
