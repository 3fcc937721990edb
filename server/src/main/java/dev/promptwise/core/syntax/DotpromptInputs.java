package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the inputs a Dotprompt file declares: the top-level fields of {@code input.schema}, written in Picoschema
 * ({@code name: string, description}, {@code name?: type}, {@code name(array): …}, {@code name(object): …}) or as
 * a JSON Schema object ({@code type: object} with {@code properties}), with defaults from {@code input.default}.
 */
final class DotpromptInputs {

    /**
     * The declared inputs.
     *
     * @param inputs the top-level fields in declaration order; nested fields are parts of their parent input
     * @param declaresInputs true when the file has an object schema, so that a variable it lacks is undefined
     */
    record Declared(List<DeclaredInput> inputs, boolean declaresInputs) {}

    private DotpromptInputs() {}

    /**
     * Returns the inputs of the front matter {@code root}. Without {@code input.schema} the keys of
     * {@code input.default} are the inputs and nothing counts as undefined; a schema given by name (a scalar) or a
     * JSON Schema of a non-object type declares nothing.
     */
    static Declared read(String text, YamlNode.Mapping root) {
        YamlNode.Mapping input = root == null ? null : root.mapping("input");
        if (input == null) {
            return new Declared(List.of(), false);
        }
        YamlNode.Mapping defaults = input.mapping("default");
        YamlNode schema = input.get("schema");
        if (schema instanceof YamlNode.Mapping schemaMapping) {
            YamlNode.Mapping properties = schemaMapping.mapping("properties");
            if (properties != null) {
                return new Declared(fields(text, properties, defaults), true);
            }
            if (schemaMapping.get("type") instanceof YamlNode.Scalar) {
                return new Declared(List.of(), false);
            }
            return new Declared(fields(text, schemaMapping, defaults), true);
        }
        if (schema == null && defaults != null) {
            return new Declared(fields(text, defaults, defaults), false);
        }
        return new Declared(List.of(), false);
    }

    private static List<DeclaredInput> fields(String text, YamlNode.Mapping fields, YamlNode.Mapping defaults) {
        List<DeclaredInput> inputs = new ArrayList<>();
        for (YamlNode.Entry entry : fields.entries()) {
            String key = entry.key().value();
            String name = picoschemaName(key);
            if (name.isEmpty()) {
                continue;
            }
            int nameStart = entry.key().range().start() + Math.max(0, entry.key().range().slice(text).indexOf(name));
            TextRange nameRange = new TextRange(nameStart, Math.min(entry.key().range().end(), nameStart
                    + name.length()));
            inputs.add(new DeclaredInput(name, nameRange, removalRange(text, entry), defaultOf(text, defaults, name)));
        }
        return inputs;
    }

    /**
     * Returns the field name of a Picoschema key ({@code name} for {@code name?}, {@code name(array, list)}), or
     * an empty string for a wildcard key such as {@code (*)}.
     */
    static String picoschemaName(String key) {
        int end = 0;
        while (end < key.length() && "?( \t".indexOf(key.charAt(end)) < 0) {
            end++;
        }
        return key.substring(0, end).strip();
    }

    private static String defaultOf(String text, YamlNode.Mapping defaults, String name) {
        if (defaults == null) {
            return null;
        }
        YamlNode value = defaults.get(name);
        if (value instanceof YamlNode.Scalar scalar) {
            return scalar.value();
        }
        return value == null ? null : value.range().slice(text).strip();
    }

    /**
     * Returns the entry's whole lines with their final line break, or {@code null} when the entry shares a line
     * with other YAML (a flow mapping) and so cannot be removed line by line.
     */
    static TextRange removalRange(String text, YamlNode.Entry entry) {
        int keyStart = entry.key().range().start();
        int lineStart = keyStart;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        if (!text.substring(lineStart, keyStart).isBlank()) {
            return null;
        }
        int last = entry.range().end();
        while (last > keyStart && Character.isWhitespace(text.charAt(last - 1))) {
            last--;
        }
        int lineEnd = last;
        while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        String rest = text.substring(last, lineEnd).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            return null;
        }
        int end = lineEnd;
        if (end < text.length() && text.charAt(end) == '\r') {
            end++;
        }
        if (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return new TextRange(lineStart, end);
    }
}
