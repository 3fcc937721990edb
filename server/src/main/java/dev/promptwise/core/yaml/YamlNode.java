package dev.promptwise.core.yaml;

import dev.promptwise.core.text.TextRange;
import java.util.List;

/**
 * The project's own YAML tree, made once from SnakeYAML's composed nodes: every node knows its range in the
 * document's text as UTF-16 offsets, and mapping entries keep their key and value ranges apart, so that an unknown
 * key is flagged on the key and a bad value on the value.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    TextRange range();

    /**
     * A scalar. {@code value} is the parsed value (quotes removed, folding applied); {@code tag} is the resolved
     * YAML tag's short name ({@code str}, {@code int}, {@code float}, {@code bool}, {@code null}).
     */
    record Scalar(String value, String tag, boolean plain, TextRange range) implements YamlNode {

        public boolean isNull() {
            return "null".equals(tag);
        }
    }

    /** One {@code key: value} entry. */
    record Entry(Scalar key, YamlNode value) {

        /** Returns the range from the key's start to the value's end. */
        public TextRange range() {
            return new TextRange(key.range().start(), Math.max(key.range().end(), value.range().end()));
        }
    }

    /** A mapping, entries in document order (duplicates kept, so that they can be flagged). */
    record Mapping(List<Entry> entries, TextRange range) implements YamlNode {

        /** Returns the first entry with this key, or {@code null} when there is none. */
        public Entry entry(String key) {
            for (Entry entry : entries) {
                if (entry.key().value().equals(key)) {
                    return entry;
                }
            }
            return null;
        }

        /** Returns the value of the first entry with this key, or {@code null} when there is none. */
        public YamlNode get(String key) {
            Entry entry = entry(key);
            return entry == null ? null : entry.value();
        }

        /** Returns the value when it is a non-null scalar, or {@code null} otherwise. */
        public Scalar scalar(String key) {
            return get(key) instanceof Scalar scalar && !scalar.isNull() ? scalar : null;
        }

        /** Returns the value when it is a mapping, or {@code null} otherwise. */
        public Mapping mapping(String key) {
            return get(key) instanceof Mapping mapping ? mapping : null;
        }

        /** Returns the value when it is a sequence, or {@code null} otherwise. */
        public Sequence sequence(String key) {
            return get(key) instanceof Sequence sequence ? sequence : null;
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, TextRange range) implements YamlNode {}
}
