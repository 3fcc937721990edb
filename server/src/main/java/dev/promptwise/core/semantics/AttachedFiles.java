package dev.promptwise.core.semantics;

import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.strategy.WorkspacePaths;
import dev.promptwise.core.syntax.Attachment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the files a prompt refers to held when it was analysed: the text of each {@code ${file:…}} input default and
 * tools file, the size of each image, or why one could not be read. Read by the edge's workspace before the
 * analysis (which never does I/O), and part of what the workload memo compares, so that a changed tools file prices
 * the prompt again.
 *
 * @param files by the path as the prompt writes it
 */
public record AttachedFiles(Map<String, AttachedFile> files) {

    /** Files longer than this are not priced: a default input of millions of characters is a mistake to report. */
    public static final int MAX_TEXT_CHARS = 2 * 1024 * 1024;

    /** A prompt that refers to no file, or analysed without a workspace. */
    public static final AttachedFiles NONE = new AttachedFiles(Map.of());

    public AttachedFiles {
        files = Map.copyOf(files);
    }

    /**
     * One referenced file.
     *
     * @param path the workspace-relative path it resolved to, or {@code null} when it was refused
     * @param text the text of a file default or tools file, else {@code null}
     * @param image the size of an image, else {@code null}
     * @param problem why the file could not be priced, as a phrase that completes "The file …", else {@code null}
     */
    public record AttachedFile(String path, String text, ImageSize image, String problem) {}

    /** Returns what the file written as {@code reference} held, or {@code null} when it was not read. */
    public AttachedFile get(String reference) {
        return files.get(reference);
    }

    /**
     * Reads every file the attachments of the prompt at {@code promptPath} (workspace-relative) refer to, through
     * {@code workspace}, which never answers for a path outside the workspace. Never throws.
     */
    public static AttachedFiles read(String promptPath, List<Attachment> attachments, StrategyWorkspace workspace) {
        if (attachments.isEmpty()) {
            return NONE;
        }
        Map<String, AttachedFile> files = new LinkedHashMap<>();
        for (Attachment attachment : attachments) {
            String reference = attachment.path();
            if (reference == null || files.containsKey(reference)) {
                continue;
            }
            files.put(reference, readOne(promptPath, reference, attachment.kind() == Attachment.Kind.IMAGE,
                    workspace));
        }
        return files.isEmpty() ? NONE : new AttachedFiles(files);
    }

    private static AttachedFile readOne(String promptPath, String reference, boolean image,
            StrategyWorkspace workspace) {
        WorkspacePaths.Resolution resolution = WorkspacePaths.resolve(promptPath, reference);
        if (!resolution.isInsideWorkspace()) {
            return new AttachedFile(null, null, null, resolution.refusal().replace("the strategy file", "the prompt file"));
        }
        String path = resolution.path();
        if (!workspace.exists(path) || workspace.isDirectory(path)) {
            return new AttachedFile(path, null, null, "does not exist in the workspace");
        }
        if (image) {
            Optional<byte[]> header = workspace.readStart(path, ImageSize.HEADER_BYTES);
            if (header.isEmpty()) {
                return new AttachedFile(path, null, null, "cannot be read");
            }
            ImageSize size = ImageSize.of(header.get());
            return size == null ? new AttachedFile(path, null, null, "is not a PNG, JPEG, GIF or WebP image")
                    : new AttachedFile(path, null, size, null);
        }
        Optional<String> text = workspace.read(path);
        if (text.isEmpty()) {
            return new AttachedFile(path, null, null, "cannot be read as text");
        }
        if (text.get().length() > MAX_TEXT_CHARS) {
            return new AttachedFile(path, null, null, "is larger than " + (MAX_TEXT_CHARS / (1024 * 1024))
                    + " MB, more than Promptwise prices");
        }
        return new AttachedFile(path, text.get(), null, null);
    }
}
