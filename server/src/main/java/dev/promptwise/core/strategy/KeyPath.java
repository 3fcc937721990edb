package dev.promptwise.core.strategy;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an offset falls in a strategy file's YAML: the keys from the root to the innermost key or scalar value under
 * it, for hovers, completion and go-to-definition.
 *
 * @param path the keys from the root ({@code ["workloads", "triage", "traffic", "requestsPerDay"]}); sequence items
 *     appear as their index
 * @param range the range of the key or value under the offset
 * @param onKey whether the offset is on the key rather than on its value
 */
public record KeyPath(List<String> path, TextRange range, boolean onKey) {

    public KeyPath {
        path = List.copyOf(path);
    }

    /** Returns the last key of the path, or an empty string for the root. */
    public String key() {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    /** Returns the key path at {@code offset}, or empty when the offset is on no key or scalar value. */
    public static Optional<KeyPath> at(YamlNode root, int offset) {
        List<String> path = new ArrayList<>();
        YamlNode node = root;
        int depth = 0;
        while (node != null && depth++ < 200) {
            YamlNode next = null;
            if (node instanceof YamlNode.Mapping mapping) {
                for (YamlNode.Entry entry : mapping.entries()) {
                    String key = entry.key().value();
                    if (entry.key().range().contains(offset)) {
                        path.add(key);
                        return Optional.of(new KeyPath(path, entry.key().range(), true));
                    }
                    if (within(entry.value(), offset)) {
                        path.add(key);
                        if (entry.value() instanceof YamlNode.Scalar scalar) {
                            return Optional.of(new KeyPath(path, scalar.range(), false));
                        }
                        next = entry.value();
                        break;
                    }
                }
            } else if (node instanceof YamlNode.Sequence sequence) {
                List<YamlNode> items = sequence.items();
                for (int i = 0; i < items.size(); i++) {
                    if (within(items.get(i), offset)) {
                        path.add(Integer.toString(i));
                        if (items.get(i) instanceof YamlNode.Scalar scalar) {
                            return Optional.of(new KeyPath(path, scalar.range(), false));
                        }
                        next = items.get(i);
                        break;
                    }
                }
            }
            node = next;
        }
        return Optional.empty();
    }

    /**
     * Returns whether the offset is inside the node: a scalar includes its end (the cursor just after a value), a
     * collection does not, since a block collection ends where the next key starts.
     */
    private static boolean within(YamlNode node, int offset) {
        return node instanceof YamlNode.Scalar
                ? node.range().contains(offset) && node.range().length() > 0
                : offset >= node.range().start() && offset < node.range().end();
    }
}
