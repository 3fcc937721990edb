package dev.promptwise.lsp;

import dev.promptwise.core.strategy.WorkspacePaths;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one place where the server writes to the user's disk: new files inside the workspace root, never over an
 * existing file, never through a path or a symbolic link that leaves the root.
 */
final class SafeFiles {

    private SafeFiles() {}

    /** Creates {@code relativePath} under {@code root} with {@code content} and returns it. */
    static Path createNew(Path root, String relativePath, String content) throws IOException {
        WorkspacePaths.Resolution resolution = WorkspacePaths.resolve("promptwise.yaml", relativePath);
        if (!resolution.isInsideWorkspace()) {
            throw new IOException(relativePath + " is outside the workspace: " + resolution.refusal());
        }
        Path base = root.toAbsolutePath().normalize();
        Path target = base.resolve(resolution.path()).normalize();
        if (!target.startsWith(base)) {
            throw new IOException(relativePath + " is outside the workspace");
        }
        // Check the deepest folder that exists before creating the missing ones: through a link out of the root,
        // createDirectories would otherwise make folders outside before the check below could refuse.
        Path existingFolder = target.getParent();
        while (!Files.exists(existingFolder, LinkOption.NOFOLLOW_LINKS)) {
            existingFolder = existingFolder.getParent();
        }
        if (!existingFolder.toRealPath().startsWith(base.toRealPath())) {
            throw new IOException(relativePath + " leads outside the workspace through a symbolic link");
        }
        Files.createDirectories(target.getParent());
        if (!target.getParent().toRealPath().startsWith(base.toRealPath())) {
            throw new IOException(relativePath + " leads outside the workspace through a symbolic link");
        }
        try {
            return Files.writeString(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(relativePath + " already exists; Promptwise never overwrites a file", e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The file was just created by us; if it cannot be removed, the user sees it and can delete it.
        }
    }
}
