package dev.promptwise.io;

import dev.promptwise.core.catalog.PriceCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The price catalog a workspace keeps: {@code .promptwise/prices-YYYY-MM-DD.json}, a LiteLLM price file that
 * {@code promptwise prices update} wrote, used in place of the shipped snapshot by the editor and {@code check}
 * alike, so that a committed catalog prices CI as it priced the developer. The overlay of hand-kept facts applies
 * to it as to the shipped one; {@code pricing.file} applies on top.
 */
public final class WorkspaceCatalogs {

    /** The folder under the workspace root. */
    public static final String FOLDER = ".promptwise";
    /** A catalog file's name: {@code prices-} and the day of its prices. */
    public static final Pattern NAME = Pattern.compile("prices-(\\d{4}-\\d{2}-\\d{2})\\.json");
    /** Larger files are refused: LiteLLM's whole file is 1.5 MB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private WorkspaceCatalogs() {}

    /** Returns the newest catalog file under {@code root}'s {@code .promptwise/}, by the day in its name. */
    public static Optional<Path> find(Path root) {
        if (root == null) {
            return Optional.empty();
        }
        Path folder = root.resolve(FOLDER);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path newest = null;
        String newestDay = "";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && name.group(1).compareTo(newestDay) > 0) {
                    newest = file;
                    newestDay = name.group(1);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(newest);
    }

    /**
     * Returns the workspace's catalog when it keeps one, else the shipped one.
     *
     * @throws IOException when the workspace's file cannot be read or is not a LiteLLM price file
     */
    public static PriceCatalog forWorkspace(Path root) throws IOException {
        Optional<Path> file = find(root);
        return file.isPresent() ? load(root, file.get()) : PriceCatalog.bundled();
    }

    /** Reads a catalog file written by {@code prices update}. */
    static PriceCatalog load(Path root, Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        try {
            return PriceCatalog.fromLiteLlm(Files.readString(file, StandardCharsets.UTF_8),
                    root.relativize(file).toString().replace('\\', '/') + " (LiteLLM format)");
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
