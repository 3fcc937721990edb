package dev.promptwise.core.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link YamlNode} into plain Java values (maps, lists, strings, numbers, booleans, nulls) by the scalars'
 * resolved tags, for consumers that want data rather than ranges, such as a user's price catalog.
 */
public final class YamlValues {

    private YamlValues() {}

    /** Returns the node as plain Java values; a scalar whose tag is not a number or boolean stays a string. */
    public static Object toJava(YamlNode node) {
        if (node instanceof YamlNode.Mapping mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (YamlNode.Entry entry : mapping.entries()) {
                map.put(entry.key().value(), toJava(entry.value()));
            }
            return map;
        }
        if (node instanceof YamlNode.Sequence sequence) {
            List<Object> list = new ArrayList<>();
            for (YamlNode item : sequence.items()) {
                list.add(toJava(item));
            }
            return list;
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        try {
            return switch (scalar.tag()) {
                case "null" -> null;
                case "bool" -> Boolean.parseBoolean(scalar.value().toLowerCase(java.util.Locale.ROOT));
                case "int" -> Long.parseLong(scalar.value().replace("_", ""));
                case "float" -> Double.parseDouble(scalar.value().replace("_", ""));
                default -> scalar.value();
            };
        } catch (NumberFormatException e) {
            return scalar.value();
        }
    }
}
