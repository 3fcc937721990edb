package dev.promptwise.core.analysis;

import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.text.TextDecoding;

/**
 * One file as an edge hands it to {@link WorkspaceSession#analyze}: the editor gives a buffer's text, the command
 * line what it read from disk, or only the size of a file too large to read.
 *
 * @param path the workspace-relative path, with {@code /} separators
 * @param formatPath the path the prompt format is recognised from (absolute: a {@code prompts} folder above the
 *         workspace counts)
 * @param text the text, {@code ""} when the file was not read
 * @param length the file's length in characters, or in bytes when it was not read
 * @param binary whether the bytes were binary (the text is then meaningless)
 * @param decodingProblem what decoding the bytes found wrong, or {@code null}
 * @param fallback the format to read a file in that Promptwise does not recognise as a prompt, or {@code null} to
 *         leave it alone (the command line reads a file named on its command line as plain text)
 */
public record SourceFile(String path, String formatPath, String text, long length, boolean binary,
        String decodingProblem, PromptFormat fallback) {

    /** A text as the editor holds it. */
    public static SourceFile of(String path, String formatPath, String text) {
        return new SourceFile(path, formatPath, text, text.length(), false, null, null);
    }

    /** Bytes read from disk and decoded. */
    public static SourceFile decoded(String path, String formatPath, TextDecoding.Decoded decoded) {
        return new SourceFile(path, formatPath, decoded.text(), decoded.text().length(), decoded.binary(),
                decoded.problem(), null);
    }

    /** A file too large to read: only its size in bytes is known; the {@code file-too-large} rule reports it. */
    public static SourceFile unread(String path, String formatPath, long bytes) {
        return new SourceFile(path, formatPath, "", bytes, false, null, null);
    }

    /** Returns this file, read as {@code format} when Promptwise does not recognise it as a prompt. */
    public SourceFile orElseAs(PromptFormat format) {
        return new SourceFile(path, formatPath, text, length, binary, decodingProblem, format);
    }

    /** Returns whether only the file's size is known. */
    public boolean unread() {
        return text.isEmpty() && length > 0;
    }
}
