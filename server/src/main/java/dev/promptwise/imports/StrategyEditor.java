package dev.promptwise.imports;

import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlReader;
import java.util.Map;

/**
 * Writes measured facts into a workload of a strategy file as text edits that keep the file's comments, layout and
 * style: a value already written is replaced where it stands, a key missing from a flow mapping
 * ({@code traffic: { requestsPerDay: 10 }}) is added inside the braces, one missing from a block mapping is added on
 * its own line at the indentation of its siblings, and a missing section is added as a one-line flow mapping. The
 * YAML is never re-serialised.
 */
public final class StrategyEditor {

    /** The first words of the provenance comment, by which a later import of the same source replaces it. */
    static final String COMMENT_PREFIX = "# promptwise import ";

    private StrategyEditor() {}

    /**
     * Returns {@code text} with {@code values} (canonical keys, written values) set in section {@code section} of
     * workload {@code workload}, and {@code comment} (without {@code #}) on the line above the section's key, in place
     * of an earlier comment of the same import source.
     *
     * @param fileName the strategy file as the user knows it, for messages
     * @throws ImportException when the file does not parse, the workload does not exist, or the workload or section
     *         is written in a form the edit cannot extend (a flow-style workload, a section that is not a mapping)
     */
    public static String apply(String fileName, String text, String workload, String section,
            Map<String, String> values, String source, String comment) throws ImportException {
        String edited = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            edited = set(fileName, edited, workload, section, value.getKey(), value.getValue());
        }
        return comment(fileName, edited, workload, section, source, comment);
    }

    private static String set(String fileName, String text, String workload, String section, String key, String value)
            throws ImportException {
        YamlNode.Mapping entry = workloadMapping(fileName, text, workload);
        YamlNode.Entry sectionEntry = entry.entry(section);
        if (sectionEntry == null) {
            if (isFlow(text, entry)) {
                throw new ImportException(fileName + ": workload '" + workload + "' is written in flow style ({…}); "
                        + "add a '" + section + ":' key to it, then import again");
            }
            YamlNode.Entry last = entry.entries().get(entry.entries().size() - 1);
            String indent = indentOf(text, entry.entries().get(0).key().range().start());
            int at = nextLineStart(text, last.value().range().end());
            return insert(text, at, indent + section + ": { " + key + ": " + value + " }\n");
        }
        if (!(sectionEntry.value() instanceof YamlNode.Mapping mapping)) {
            throw new ImportException(fileName + ": '" + section + "' of workload '" + workload
                    + "' is not a mapping; write it as '" + section + ": { " + key + ": " + value + " }'");
        }
        YamlNode.Entry existing = mapping.entry(key);
        if (existing != null) {
            int start = existing.value().range().start();
            int end = existing.value().range().end();
            if (end <= start) {
                // An empty value ("key:"): write after the colon.
                int colon = text.indexOf(':', existing.key().range().end());
                return insert(text, colon + 1, " " + value);
            }
            return text.substring(0, start) + value + text.substring(end);
        }
        if (isFlow(text, mapping)) {
            if (mapping.entries().isEmpty()) {
                int brace = text.indexOf('{', mapping.range().start());
                return insert(text, brace + 1, " " + key + ": " + value + " ");
            }
            int after = mapping.entries().get(mapping.entries().size() - 1).value().range().end();
            return insert(text, after, ", " + key + ": " + value);
        }
        YamlNode.Entry last = mapping.entries().get(mapping.entries().size() - 1);
        String indent = indentOf(text, mapping.entries().get(0).key().range().start());
        return insert(text, nextLineStart(text, last.value().range().end()), indent + key + ": " + value + "\n");
    }

    private static String comment(String fileName, String text, String workload, String section, String source,
            String comment) throws ImportException {
        YamlNode.Entry sectionEntry = workloadMapping(fileName, text, workload).entry(section);
        int keyStart = sectionEntry.key().range().start();
        int lineStart = lineStart(text, keyStart);
        String indent = text.substring(lineStart, keyStart);
        if (!indent.isBlank()) {
            return text; // the key does not start its line: no place for a comment line above it
        }
        String line = indent + COMMENT_PREFIX + source + " " + comment.replace('\n', ' ') + "\n";
        if (lineStart > 0) {
            int previousStart = lineStart(text, lineStart - 1);
            String previous = text.substring(previousStart, lineStart);
            if (previous.strip().startsWith(COMMENT_PREFIX + source + " ")) {
                return text.substring(0, previousStart) + line + text.substring(lineStart);
            }
        }
        return insert(text, lineStart, line);
    }

    /** Returns the workload's mapping, or throws naming the workloads the file has. */
    static YamlNode.Mapping workloadMapping(String fileName, String text, String workload) throws ImportException {
        YamlDocument yaml = YamlReader.read(text);
        if (!yaml.problems().isEmpty() && yaml.root() == null) {
            throw new ImportException(fileName + " is not valid YAML: " + yaml.problems().get(0));
        }
        YamlNode.Mapping root = yaml.rootMapping();
        YamlNode.Mapping workloads = root == null ? null : root.mapping("workloads");
        if (workloads == null) {
            throw new ImportException(fileName + " has no 'workloads' mapping");
        }
        YamlNode.Mapping entry = workloads.mapping(workload);
        if (entry == null || entry.entries().isEmpty()) {
            throw new ImportException(fileName + " has no workload '" + workload + "' (it has: "
                    + String.join(", ", workloads.entries().stream().map(e -> e.key().value()).toList()) + ")");
        }
        return entry;
    }

    private static boolean isFlow(String text, YamlNode.Mapping mapping) {
        int start = mapping.range().start();
        return start < text.length() && text.charAt(start) == '{';
    }

    private static String insert(String text, int at, String inserted) {
        if (at == text.length() && !text.isEmpty() && !text.endsWith("\n") && inserted.endsWith("\n")) {
            inserted = "\n" + inserted.substring(0, inserted.length() - 1);
        }
        return text.substring(0, at) + inserted + text.substring(at);
    }

    private static String indentOf(String text, int offset) {
        return text.substring(lineStart(text, offset), offset);
    }

    private static int lineStart(String text, int offset) {
        int newline = text.lastIndexOf('\n', offset - 1);
        return newline + 1;
    }

    /** Returns the start of the line after the one holding {@code offset}, or the end of the text. */
    private static int nextLineStart(String text, int offset) {
        if (offset > 0 && text.charAt(offset - 1) == '\n') {
            return offset; // the range ended with its line break
        }
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline + 1;
    }
}
