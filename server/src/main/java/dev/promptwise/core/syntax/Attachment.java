package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlNode;

/**
 * Something a prompt sends on every request besides its own text: a variable's default kept in another file, tool
 * definitions, an image. Pricing resolves each one (reading the file through the workspace) and counts it as the
 * provider bills it.
 *
 * @param kind what is attached
 * @param range what a finding about the attachment points at: the {@code ${file:…}} value, the {@code tools} key,
 *     the image reference
 * @param variable the variable whose default the file holds ({@link Kind#FILE_DEFAULT}), else {@code null}
 * @param path the file as written (relative to the prompt file), or {@code null} when the attachment is written in
 *     the prompt itself or has no file (an image given by a variable or a remote URL)
 * @param inline the tool definitions written in the prompt ({@link Kind#TOOLS} without a file), else {@code null}
 * @param detail what a person reads about an attachment that cannot be priced: a tool's name when only names are
 *     given, an image's URL or variable; else {@code null}
 */
public record Attachment(Kind kind, TextRange range, String variable, String path, YamlNode inline, String detail) {

    /** The kinds of attachment. */
    public enum Kind {
        /** A declared input whose default is {@code ${file:path}}: the file's text is sent in the variable's place. */
        FILE_DEFAULT,
        /** Tool or function definitions, written in the prompt or kept in a file. */
        TOOLS,
        /** Tools named in the prompt and defined in code: billed, but their definitions are not in the workspace. */
        TOOL_NAMES,
        /** An image: a workspace file, a remote URL or a variable. */
        IMAGE
    }

    /** Returns the path of a {@code ${file:path}} reference, or {@code null} when {@code value} is not one. */
    public static String fileReference(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.startsWith("${file:") && stripped.endsWith("}")) {
            return stripped.substring("${file:".length(), stripped.length() - 1).strip();
        }
        return null;
    }
}
