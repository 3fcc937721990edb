package dev.promptwise.io;

import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.text.TextDecoding;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workspace as the disk holds it, for the edges (the command line and the language server): answers the
 * core's questions about files by workspace-relative path, and never lets a path, or a symbolic link, reach
 * outside the workspace's root.
 */
public class DiskWorkspace implements StrategyWorkspace {

    /** Prompt files larger than this are not read for strategy analysis. */
    public static final long MAX_READ_BYTES = 16L * 1024 * 1024;

    /** Folders of tools and builds that never hold the user's prompts, skipped when a workspace is searched. */
    private static final java.util.Set<String> SKIPPED_FOLDERS = java.util.Set.of(".git", "node_modules", "target",
            "out", "dist", ".venv", "venv", "__pycache__", ".idea", ".vscode-test");

    private final Path root;
    private final Path realRoot;

    public DiskWorkspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
    }

    /**
     * Returns whether a folder with this name is skipped when a workspace is searched: build output, dependencies,
     * and hidden folders other than {@code .github} (which holds VS Code prompt files).
     */
    public static boolean isSkippedFolder(String name) {
        return SKIPPED_FOLDERS.contains(name) || (name.startsWith(".") && !name.equals(".github"));
    }

    /**
     * Returns every regular file below {@code folder}, outside the folders {@link #isSkippedFolder} names, in the
     * order the walk finds them; a file that vanishes during the walk is left out. The command line's file walk.
     */
    public static List<Path> files(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(folder) && isSkippedFolder(name)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return files;
    }

    public Path root() {
        return root;
    }

    /**
     * Returns the file a workspace-relative path names, or empty when the path leaves the workspace, whether by
     * its text ({@code ..}, an absolute path) or through a symbolic link, or does not exist.
     */
    public Optional<Path> resolve(String workspaceRelativePath) {
        if (workspaceRelativePath == null || workspaceRelativePath.isEmpty()) {
            return Optional.empty();
        }
        Path candidate;
        try {
            candidate = root.resolve(workspaceRelativePath).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!candidate.startsWith(root) || !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return candidate.toRealPath().startsWith(realRoot) ? Optional.of(candidate) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Returns the workspace-relative path of a file inside the root, with {@code /} separators, or empty. */
    public Optional<String> relativize(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
            return Optional.empty();
        }
        return Optional.of(root.relativize(absolute).toString().replace('\\', '/'));
    }

    @Override
    public boolean exists(String workspaceRelativePath) {
        return resolve(workspaceRelativePath).isPresent();
    }

    @Override
    public boolean isDirectory(String workspaceRelativePath) {
        return resolve(workspaceRelativePath).map(Files::isDirectory).orElse(false);
    }

    @Override
    public Optional<String> read(String workspaceRelativePath) {
        Optional<Path> file = resolve(workspaceRelativePath).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (Files.size(file.get()) > MAX_READ_BYTES) {
                return Optional.empty();
            }
            TextDecoding.Decoded decoded = TextDecoding.decode(Files.readAllBytes(file.get()));
            return decoded.binary() ? Optional.empty() : Optional.of(decoded.text());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> readStart(String workspaceRelativePath, int maxBytes) {
        Optional<Path> file = resolve(workspaceRelativePath).filter(Files::isRegularFile);
        if (file.isEmpty() || maxBytes <= 0) {
            return Optional.empty();
        }
        try (java.io.InputStream in = Files.newInputStream(file.get())) {
            return Optional.of(in.readNBytes(maxBytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
