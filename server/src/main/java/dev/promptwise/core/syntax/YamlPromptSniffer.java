package dev.promptwise.core.syntax;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells Semantic Kernel and LangChain prompt YAML (and GitHub Models prompts saved under a plain {@code .yml}
 * name) from every other YAML file in a workspace, without parsing the YAML: it reads only the top-level keys in
 * the first {@value #MAX_CHARS} characters, and the first item of the lists it needs, so a megabyte of CI
 * configuration costs almost nothing.
 *
 * <p>The decision, in order:
 * <ol>
 *   <li>{@code _type: prompt | few_shot | chat_prompt | chat} is LangChain;
 *   <li>{@code template} with {@code input_variables} listing plain names is LangChain;
 *   <li>{@code template} with {@code template_format} {@code f-string} or {@code mustache} is LangChain;
 *   <li>{@code template} with any other {@code template_format}, {@code input_variables} listing mappings, or
 *       {@code execution_settings} is Semantic Kernel;
 *   <li>{@code messages} whose first item has a {@code role} is GitHub Models;
 *   <li>anything else is not a prompt.
 * </ol>
 */
final class YamlPromptSniffer {

    /** How much of a file is looked at; prompt files put these keys near the top. */
    static final int MAX_CHARS = 64 * 1024;

    private static final Set<String> LANGCHAIN_TYPES = Set.of("prompt", "few_shot", "chat_prompt", "chat",
            "few_shot_with_templates");

    private YamlPromptSniffer() {}

    /** Returns the format of the YAML prompt in {@code text}, or empty when it is not one. */
    static Optional<PromptFormat> sniff(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Map<String, TopLevelKey> keys = topLevelKeys(text);
        TopLevelKey type = keys.get("_type");
        if (type != null && LANGCHAIN_TYPES.contains(unquote(type.inlineValue()).toLowerCase(Locale.ROOT))) {
            return Optional.of(PromptFormat.LANGCHAIN);
        }
        TopLevelKey template = keys.get("template");
        TopLevelKey inputVariables = keys.get("input_variables");
        TopLevelKey templateFormat = keys.get("template_format");
        if (template != null) {
            if (inputVariables != null && inputVariables.listsPlainNames()) {
                return Optional.of(PromptFormat.LANGCHAIN);
            }
            String format = templateFormat == null
                    ? "" : unquote(templateFormat.inlineValue()).toLowerCase(Locale.ROOT);
            if (format.equals("f-string") || format.equals("mustache")) {
                return Optional.of(PromptFormat.LANGCHAIN);
            }
            if (templateFormat != null || keys.containsKey("execution_settings")
                    || (inputVariables != null && inputVariables.listsMappings())) {
                return Optional.of(PromptFormat.SEMANTIC_KERNEL);
            }
        }
        TopLevelKey messages = keys.get("messages");
        if (messages != null && messages.firstItem().matches("-\\s*\"?(role|content)\"?\\s*:.*")) {
            return Optional.of(PromptFormat.GITHUB_MODELS);
        }
        return Optional.empty();
    }

    /**
     * A top-level key as the sniffer sees it.
     *
     * @param inlineValue the text after the colon on the key's line, without a trailing comment
     * @param firstItem the first non-blank line after the key's line, stripped, when it is more indented or a list
     *     item; empty otherwise
     */
    private record TopLevelKey(String inlineValue, String firstItem) {

        boolean listsPlainNames() {
            if (inlineValue.startsWith("[")) {
                return !inlineValue.startsWith("[{");
            }
            return firstItem.startsWith("-") && !firstItem.matches("-\\s*[\"']?[A-Za-z_][\\w-]*[\"']?\\s*:(\\s.*)?");
        }

        boolean listsMappings() {
            if (inlineValue.startsWith("[")) {
                return inlineValue.startsWith("[{");
            }
            return firstItem.matches("-\\s*[\"']?[A-Za-z_][\\w-]*[\"']?\\s*:(\\s.*)?");
        }
    }

    private static Map<String, TopLevelKey> topLevelKeys(String text) {
        Map<String, TopLevelKey> keys = new HashMap<>();
        int limit = Math.min(text.length(), MAX_CHARS);
        int lineStart = text.startsWith("\uFEFF") ? 1 : 0;
        String pendingKey = null;
        String pendingValue = null;
        while (lineStart < limit) {
            int lineEnd = lineStart;
            while (lineEnd < limit && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            String line = text.substring(lineStart, lineEnd);
            String stripped = line.strip();
            lineStart = lineEnd + 1;
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (pendingKey != null) {
                boolean nested = Character.isWhitespace(line.charAt(0)) || stripped.startsWith("-");
                keys.putIfAbsent(pendingKey, new TopLevelKey(pendingValue, nested ? stripped : ""));
                pendingKey = null;
            }
            if (line.equals("---") && !keys.isEmpty()) {
                break;
            }
            if (Character.isWhitespace(line.charAt(0)) || stripped.startsWith("-")) {
                continue;
            }
            int colon = keyColon(line);
            if (colon < 0) {
                continue;
            }
            pendingKey = unquote(line.substring(0, colon).strip());
            pendingValue = withoutComment(line.substring(colon + 1)).strip();
        }
        if (pendingKey != null) {
            keys.putIfAbsent(pendingKey, new TopLevelKey(pendingValue, ""));
        }
        return keys;
    }

    /** Returns the index of the colon that ends a simple key at the start of {@code line}, or -1 when none. */
    private static int keyColon(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t')) {
                return i;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '"' || c == '\'' || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    private static String withoutComment(String value) {
        int hash = value.indexOf(" #");
        return hash < 0 ? value : value.substring(0, hash);
    }

    private static String unquote(String value) {
        String stripped = value.strip();
        if (stripped.length() >= 2 && (stripped.charAt(0) == '"' || stripped.charAt(0) == '\'')
                && stripped.charAt(stripped.length() - 1) == stripped.charAt(0)) {
            return stripped.substring(1, stripped.length() - 1);
        }
        return stripped;
    }
}
