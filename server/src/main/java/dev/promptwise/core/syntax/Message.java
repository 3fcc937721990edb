package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;

/**
 * One chat message of a prompt.
 *
 * @param role {@code system}, {@code user}, {@code assistant}, {@code developer}, {@code model} or {@code tool};
 *     lower case
 * @param range the whole message in the file, role marker included; used for symbols and hovers
 * @param contentRange where {@code content} sits in the file; for YAML scalars that are quoted or folded this is
 *     the scalar's range and {@code content} is its value, which may differ from the raw text
 * @param content the text sent to the model (before template expansion); tokens are counted on it
 * @param verbatim whether {@code content} is exactly the file's text in {@code contentRange}, so that offsets in the
 *     content are offsets in the file (sections, format instructions and duplicates are then found in the file);
 *     known when the message is made, so that no later pass compares a megabyte of content with the file again
 */
public record Message(String role, TextRange range, TextRange contentRange, String content, boolean verbatim) {

    /** A message whose content is the file's text in {@code contentRange}, as written. */
    public static Message verbatim(String role, TextRange range, TextRange contentRange, String fileText) {
        return new Message(role, range, contentRange, contentRange.slice(fileText), true);
    }

    /**
     * A message whose content was derived from the file (a YAML scalar's value, text without its comments): verbatim
     * when it is the same as the file's text in {@code contentRange}.
     */
    public static Message derived(String role, TextRange range, TextRange contentRange, String content,
            String fileText) {
        boolean same = content.length() == contentRange.length() && contentRange.end() <= fileText.length()
                && fileText.startsWith(content, contentRange.start());
        return new Message(role, range, contentRange, content, same);
    }
}
