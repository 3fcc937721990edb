package dev.promptwise.core.yaml;

import java.util.List;

/**
 * The result of reading one YAML document.
 *
 * @param root the root node, or {@code null} when the text is empty or too broken to give one
 * @param problems syntax errors, limits crossed and duplicate keys, in text order
 */
public record YamlDocument(YamlNode root, List<YamlProblem> problems) {

    public YamlDocument {
        problems = List.copyOf(problems);
    }

    /** Returns the root when it is a mapping, or {@code null} otherwise. */
    public YamlNode.Mapping rootMapping() {
        return root instanceof YamlNode.Mapping mapping ? mapping : null;
    }
}
