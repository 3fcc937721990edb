package dev.promptwise.core.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strategy file's JSON Schema, bundled at {@value #RESOURCE}: validation of a YAML tree with every error mapped
 * back to the key or value it concerns, and the lookups that completion and hovers need (allowed keys, enum values,
 * descriptions at a path).
 */
public final class StrategySchema {

    /** The classpath resource of the schema; the VS Code extension and {@code docs/} carry copies of it. */
    public static final String RESOURCE = "/schema/promptwise.schema.json";

    /** Most nodes a YAML tree may expand to (aliases are expanded) before validation is refused. */
    public static final int MAX_NODES = 50_000;

    private final JsonNode schemaJson;
    private final Schema schema;

    private StrategySchema(JsonNode schemaJson) {
        this.schemaJson = schemaJson;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaJson);
    }

    /**
     * Reads the bundled schema. Each analysis host reads its own, once ({@link StrategyMemo#schema}): the schema
     * keeps the problems of the workloads it validated, and Jackson's tree and the validator are not known to be
     * immutable, so no two hosts share one.
     */
    public static StrategySchema load() {
        try (InputStream in = StrategySchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled schema " + RESOURCE + " is missing from the jar");
            }
            return new StrategySchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the schema as JSON. */
    public JsonNode json() {
        return schemaJson;
    }

    /**
     * Validates a strategy file's YAML and returns the problems in text order; an empty list when it is valid or has
     * no root (YAML errors are {@link YamlDocument#problems()}'s business).
     */
    public List<SchemaProblem> validate(YamlDocument yaml) {
        if (yaml.root() == null) {
            return List.of();
        }
        JsonNode instance;
        JsonConverter converter = new JsonConverter(this);
        try {
            instance = converter.convert(yaml.root());
        } catch (TooLarge e) {
            return List.of(new SchemaProblem(firstLine(yaml.root().range()),
                    "The strategy file expands to more than " + MAX_NODES + " YAML nodes (through aliases or sheer"
                            + " size); it was not validated", List.of(), null));
        }
        List<SchemaProblem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Error error : schema.validate(instance)) {
            SchemaProblem problem = toProblem(error, yaml.root(), instance);
            if (problem != null && seen.add(problem.range() + problem.message())) {
                problems.add(problem);
            }
        }
        for (SchemaProblem problem : converter.readings) {
            add(problem, problems, seen);
        }
        problems.sort(Comparator.comparingInt((SchemaProblem p) -> p.range().start()));
        return List.copyOf(problems);
    }

    /**
     * Validates a strategy file's YAML read from {@code text} as {@link #validate(YamlDocument)} does, with the same
     * problems in the same order, validating each workload on its own and reusing the problems found before for a
     * workload whose text is unchanged (wherever it now stands): a keystroke then validates one workload and the
     * sections around them, not thousands.
     */
    public List<SchemaProblem> validate(YamlDocument yaml, String text) {
        YamlNode.Mapping root = yaml.rootMapping();
        YamlNode.Entry workloadsEntry = root == null ? null : root.entry("workloads");
        if (workloadsEntry == null || !(workloadsEntry.value() instanceof YamlNode.Mapping workloads)) {
            return validate(yaml);
        }
        // The limit on nodes holds as for the whole tree; remembered workloads know their own count.
        List<YamlNode.Entry> entries = workloads.entries();
        EntryFingerprint[] fingerprints = new EntryFingerprint[entries.size()];
        Remembered[] remembered = new Remembered[entries.size()];
        int[] counts = new int[entries.size()];
        long values = 2;
        for (YamlNode.Entry entry : root.entries()) {
            values += entry == workloadsEntry ? 0 : valueCount(entry.value(), MAX_NODES + 1);
        }
        for (int i = 0; i < entries.size() && values <= MAX_NODES; i++) {
            YamlNode.Entry workload = entries.get(i);
            fingerprints[i] = EntryFingerprint.of(text, workload.range(), workload.key().value());
            remembered[i] = fingerprints[i] == null ? null : find(fingerprints[i]);
            counts[i] = remembered[i] != null ? remembered[i].values() : valueCount(workload.value(), MAX_NODES + 1);
            values += counts[i];
        }
        if (values > MAX_NODES) {
            return validate(yaml);
        }
        List<SchemaProblem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        JsonConverter converter = new JsonConverter(this);
        JsonNode rest = converter.convertExcept(root, workloadsEntry);
        for (Error error : schema.validate(rest)) {
            add(toProblem(error, root, rest), problems, seen);
        }
        for (SchemaProblem problem : converter.readings) {
            add(problem, problems, seen);
        }
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            YamlNode.Entry workload = entries.get(i);
            if (!names.add(workload.key().value())) {
                continue;
            }
            int start = workload.range().start();
            List<SchemaProblem> found = remembered[i] != null ? shifted(remembered[i].problems(), start)
                    : workloadProblems(root, workload);
            if (remembered[i] == null && fingerprints[i] != null) {
                remember(fingerprints[i].compact(), new Remembered(counts[i], List.copyOf(shifted(found, -start))));
            }
            for (SchemaProblem problem : found) {
                add(problem, problems, seen);
            }
        }
        problems.sort(Comparator.comparingInt((SchemaProblem p) -> p.range().start()));
        return List.copyOf(problems);
    }

    /**
     * Returns the keys allowed in the mapping at {@code path} (names of workloads and models are any string, so
     * {@code ["workloads", "triage"]} gives a workload's keys), in schema order; empty when the path leads to no
     * mapping the schema describes.
     */
    public List<String> allowedKeys(List<String> path) {
        JsonNode properties = schemaAt(path).map(node -> node.get("properties")).orElse(null);
        if (properties == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        properties.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /**
     * Returns the values allowed at {@code path} as text, in schema order: its {@code enum}, or for an enumeration
     * that {@link Spellings} reads leniently its canonical values, the schema's {@code examples}; empty when the
     * value is not an enumeration.
     */
    public List<String> enumValues(List<String> path) {
        JsonNode values = schemaAt(path).map(node -> node.has("enum") ? node.get("enum") : node.get("examples"))
                .orElse(null);
        if (values == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        values.forEach(value -> result.add(value.asText()));
        return result;
    }

    /** Returns the schema's description of the key at {@code path}, or empty when the schema does not know it. */
    public Optional<String> description(List<String> path) {
        return schemaAt(path).map(node -> node.path("description").asText(null));
    }

    /** Returns the subschema that governs the value at {@code path}, or empty when the schema has none. */
    public Optional<JsonNode> schemaAt(List<String> path) {
        JsonNode node = schemaJson;
        for (String key : path) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.has(key)) {
                node = properties.get(key);
            } else if (node.path("additionalProperties").isObject()) {
                node = node.get("additionalProperties");
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /** The most workloads whose problems are remembered in each of the memo's two generations. */
    private static final int MAX_REMEMBERED_WORKLOADS = 16_384;

    /** Problems and value counts per workload fingerprint, ranges relative to its start: the current generation. */
    private volatile Map<EntryFingerprint, Remembered> recentWorkloads = new ConcurrentHashMap<>();
    /** The generation before: consulted, and its entries moved up, until the current one fills. */
    private volatile Map<EntryFingerprint, Remembered> olderWorkloads = new ConcurrentHashMap<>();

    /** What validating one workload alone found: its problems (ranges from its start) and its number of values. */
    private record Remembered(int values, List<SchemaProblem> problems) {}

    /** Returns the problems of one workload entry, validated alone against the whole schema. */
    private List<SchemaProblem> workloadProblems(YamlNode.Mapping root, YamlNode.Entry workload) {
        ObjectNode instance = JsonNodeFactory.instance.objectNode();
        JsonConverter converter = new JsonConverter(this, "workloads", workload.key().value());
        JsonNode value = converter.convert(workload.value());
        instance.putObject("workloads").set(workload.key().value(), value == null ? JsonNodeFactory.instance.nullNode()
                : value);
        List<SchemaProblem> found = new ArrayList<>(converter.readings);
        for (Error error : schema.validate(instance)) {
            SchemaProblem problem = toProblem(error, root, instance);
            if (problem != null) {
                found.add(problem);
            }
        }
        return found;
    }

    private Remembered find(EntryFingerprint fingerprint) {
        Remembered known = recentWorkloads.get(fingerprint);
        if (known == null) {
            known = olderWorkloads.get(fingerprint);
            if (known != null) {
                remember(fingerprint.compact(), known);
            }
        }
        return known;
    }

    private void remember(EntryFingerprint fingerprint, Remembered remembered) {
        if (recentWorkloads.size() >= MAX_REMEMBERED_WORKLOADS) {
            olderWorkloads = recentWorkloads;
            recentWorkloads = new ConcurrentHashMap<>();
        }
        recentWorkloads.put(fingerprint, remembered);
    }

    private static List<SchemaProblem> shifted(List<SchemaProblem> problems, int delta) {
        if (problems.isEmpty()) {
            return List.of();
        }
        List<SchemaProblem> moved = new ArrayList<>(problems.size());
        for (SchemaProblem problem : problems) {
            moved.add(problem.shift(delta));
        }
        return moved;
    }

    private static void add(SchemaProblem problem, List<SchemaProblem> problems, Set<String> seen) {
        if (problem != null && seen.add(problem.range() + problem.message())) {
            problems.add(problem);
        }
    }

    /** Counts the values {@link JsonConverter} would make of {@code node}, duplicates included, up to {@code limit}. */
    private static int valueCount(YamlNode node, int limit) {
        int count = 1;
        if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                count += valueCount(entry.value(), limit - count);
                if (count >= limit) {
                    return count;
                }
            }
        } else if (node instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                count += valueCount(item, limit - count);
                if (count >= limit) {
                    return count;
                }
            }
        }
        return count;
    }

    private SchemaProblem toProblem(Error error, YamlNode root, JsonNode instance) {
        List<Object> location = elements(error.getInstanceLocation());
        List<String> path = location.stream().map(String::valueOf).toList();
        Target target = locate(root, location);
        if (target == null) {
            return null;
        }
        String keyword = String.valueOf(error.getKeyword());
        String name = path.isEmpty() ? "the strategy file" : "'" + path.get(path.size() - 1) + "'";
        JsonNode value = instanceAt(instance, location);
        switch (keyword) {
            case "additionalProperties": {
                String unknown = error.getProperty();
                if (unknown == null || !(target.node instanceof YamlNode.Mapping mapping)
                        || mapping.entry(unknown) == null) {
                    return null;
                }
                List<String> allowed = allowedKeys(path);
                String suggestion = DidYouMean.best(unknown, allowed);
                String where = path.isEmpty() ? "at the top level" : "in " + name;
                String message = "Unknown key '" + unknown + "' " + where
                        + (suggestion != null ? ": did you mean '" + suggestion + "'?"
                                : allowed.isEmpty() ? "" : ": expected " + oneOf(allowed));
                List<String> keyPath = new ArrayList<>(path);
                keyPath.add(unknown);
                return new SchemaProblem(mapping.entry(unknown).key().range(), message, keyPath, suggestion);
            }
            case "type": {
                String expected = schemaAt(path).map(StrategySchema::mainType).orElse("");
                String message = capitalise(name) + " must be " + article(expected) + ", not " + describe(value);
                return new SchemaProblem(target.valueRange(), message, path, null);
            }
            case "enum": {
                List<String> allowed = enumValues(path);
                String found = value == null ? "" : value.asText();
                String suggestion = DidYouMean.best(found, allowed);
                String message = "'" + found + "' is not a valid " + name.replace("'", "") + ": expected "
                        + oneOf(allowed) + (suggestion != null ? "; did you mean '" + suggestion + "'?" : "");
                return new SchemaProblem(target.valueRange(), message, path, suggestion);
            }
            case "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum": {
                JsonNode bound = schemaAt(path).map(node -> node.get(keyword)).orElse(null);
                String relation = switch (keyword) {
                    case "minimum" -> "at least";
                    case "exclusiveMinimum" -> "more than";
                    case "maximum" -> "at most";
                    default -> "less than";
                };
                String message = capitalise(name) + " must be " + relation + " " + (bound == null ? "its bound"
                        : bound.asText()) + ", not " + (value == null ? "this" : value.asText());
                return new SchemaProblem(target.valueRange(), message, path, null);
            }
            default: {
                String message = String.valueOf(error.getMessage());
                int colon = message.indexOf(": ");
                if (message.startsWith("$") && colon > 0) {
                    message = message.substring(colon + 2);
                }
                return new SchemaProblem(target.valueRange(), capitalise(name) + ": " + message, path, null);
            }
        }
    }

    /**
     * A YAML node found by an instance location, and the key it is the value of ({@code null} for the root or a
     * sequence item).
     */
    private record Target(YamlNode node, YamlNode.Scalar key) {

        /** Returns where to flag a bad value: the value, or its key when the value is empty and has no text. */
        TextRange valueRange() {
            return node.range().length() == 0 && key != null ? key.range() : node.range();
        }
    }

    private static Target locate(YamlNode root, List<Object> location) {
        YamlNode node = root;
        YamlNode.Scalar key = null;
        for (Object element : location) {
            if (element instanceof Integer index && node instanceof YamlNode.Sequence sequence
                    && index >= 0 && index < sequence.items().size()) {
                node = sequence.items().get(index);
                key = null;
            } else if (node instanceof YamlNode.Mapping mapping && mapping.entry(String.valueOf(element)) != null) {
                YamlNode.Entry entry = mapping.entry(String.valueOf(element));
                node = entry.value();
                key = entry.key();
            } else {
                return null;
            }
        }
        return new Target(node, key);
    }

    private static JsonNode instanceAt(JsonNode instance, List<Object> location) {
        JsonNode node = instance;
        for (Object element : location) {
            node = element instanceof Integer index ? node.path(index) : node.path(String.valueOf(element));
        }
        return node.isMissingNode() ? null : node;
    }

    private static List<Object> elements(NodePath path) {
        List<Object> elements = new ArrayList<>();
        if (path != null) {
            for (int i = 0; i < path.getNameCount(); i++) {
                elements.add(path.getElement(i));
            }
        }
        return elements;
    }

    /** Returns whether the schema asks for a number or a whole number at {@code path}. */
    private boolean isNumberAt(List<String> path) {
        String type = schemaAt(path).map(StrategySchema::mainType).orElse("");
        return type.equals("number") || type.equals("integer");
    }

    /**
     * Returns the type a subschema asks for: its {@code type}, or the first of a list ({@code ["number", "string"]}
     * is a number that may also be written as text such as {@code 10k}).
     */
    static String mainType(JsonNode subschema) {
        JsonNode type = subschema.path("type");
        return type.isArray() ? type.path(0).asText("") : type.asText("");
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isNull()) {
            return "empty";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isBoolean()) {
            return "a boolean (" + value.asText() + ")";
        }
        if (value.isNumber()) {
            return "a number (" + value.asText() + ")";
        }
        String text = value.asText();
        return "text ('" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "')";
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "string" -> "text";
            default -> type;
        };
    }

    private static String oneOf(List<String> values) {
        if (values.size() <= 1) {
            return String.join("", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static TextRange firstLine(TextRange range) {
        return new TextRange(range.start(), range.start());
    }

    /** Thrown when a YAML tree expands past {@link #MAX_NODES}. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /**
     * Converts a YAML tree into a Jackson tree for the validator, counting nodes so that alias bombs stop early, and
     * reading values as {@link Spellings} does: an enumeration's other spellings become its canonical id, a number
     * written as {@code 10k} a number, an accuracy of 95 the fraction 0.95. How a value was read is kept in
     * {@link #readings} (a hint, a warning, or an error for what cannot be understood, which is then left out of
     * the tree so that the schema does not report it twice).
     */
    private static final class JsonConverter {
        private final JsonNodeFactory factory = JsonNodeFactory.instance;
        private final StrategySchema owner;
        private final List<String> path;
        final List<SchemaProblem> readings = new ArrayList<>();
        private int nodes;

        JsonConverter(StrategySchema owner, String... at) {
            this.owner = owner;
            this.path = new ArrayList<>(List.of(at));
        }

        /** Converts the root mapping with the value of {@code skipped} (the workloads) as an empty mapping. */
        JsonNode convertExcept(YamlNode.Mapping root, YamlNode.Entry skipped) {
            ObjectNode object = factory.objectNode();
            for (YamlNode.Entry entry : root.entries()) {
                if (!object.has(entry.key().value())) {
                    if (entry == skipped) {
                        object.set(entry.key().value(), factory.objectNode());
                    } else {
                        set(object, entry);
                    }
                }
            }
            return object;
        }

        /** Returns the tree of {@code node}, or {@code null} for a scalar that cannot be understood. */
        JsonNode convert(YamlNode node) {
            return convert(node, null);
        }

        private JsonNode convert(YamlNode node, YamlNode.Scalar key) {
            if (++nodes > MAX_NODES) {
                throw new TooLarge();
            }
            if (node instanceof YamlNode.Mapping mapping) {
                ObjectNode object = factory.objectNode();
                List<String> unreadable = null;
                for (YamlNode.Entry entry : mapping.entries()) {
                    if (!object.has(entry.key().value())) {
                        if (!set(object, entry)) {
                            unreadable = unreadable == null ? new ArrayList<>() : unreadable;
                            unreadable.add(entry.key().value());
                        }
                    }
                }
                if (unreadable != null) {
                    object.remove(unreadable);
                }
                return object;
            }
            if (node instanceof YamlNode.Sequence sequence) {
                ArrayNode array = factory.arrayNode();
                for (int i = 0; i < sequence.items().size(); i++) {
                    path.add(String.valueOf(i));
                    JsonNode item = convert(sequence.items().get(i), null);
                    path.remove(path.size() - 1);
                    array.add(item == null ? factory.nullNode() : item);
                }
                return array;
            }
            return scalar((YamlNode.Scalar) node, key);
        }

        /**
         * Sets the entry's value on {@code object}; returns {@code false} when it cannot be understood (it is then
         * set to null, a placeholder that keeps later duplicates of the key out, and removed by the caller).
         */
        private boolean set(ObjectNode object, YamlNode.Entry entry) {
            path.add(entry.key().value());
            JsonNode value = convert(entry.value(), entry.key());
            path.remove(path.size() - 1);
            object.set(entry.key().value(), value == null ? factory.nullNode() : value);
            return value != null;
        }

        private JsonNode scalar(YamlNode.Scalar scalar, YamlNode.Scalar key) {
            JsonNode plain = plain(scalar);
            if (key == null || path.isEmpty() || plain.isNull() || plain.isBoolean()) {
                return plain;
            }
            boolean yamlNumber = plain.isNumber();
            String last = key.value();
            if (yamlNumber && scalar.value().indexOf('_') < 0 && !Spellings.isAccuracyKey(last)
                    && !Spellings.isEnumerationKey(last)) {
                return plain; // a plain YAML number where no enumeration or accuracy is: nothing to read
            }
            if (!yamlNumber && !Spellings.isEnumerationKey(last) && !Spellings.isAccuracyKey(last)
                    && !owner.isNumberAt(path)) {
                return plain; // text where text belongs, or where the schema reports its type
            }
            String page = StrategyKeys.docPath(path);
            Spellings.Vocabulary vocabulary = Spellings.vocabulary(page);
            Spellings.Reading reading;
            String type = "";
            if (vocabulary != null) {
                reading = Spellings.choose(vocabulary, scalar.value());
            } else if (Spellings.isAccuracy(page)) {
                reading = Spellings.accuracy(scalar.value(), yamlNumber);
                type = "number";
            } else {
                type = owner.schemaAt(path).map(StrategySchema::mainType).orElse("");
                if (!type.equals("number") && !type.equals("integer")) {
                    return plain;
                }
                reading = Spellings.number(scalar.value(), yamlNumber);
            }
            if (!reading.understood() && yamlNumber && vocabulary == null && reading.message().startsWith("must be")) {
                return plain; // a YAML number in a form Spellings does not spell (0x1F): the schema judges it
            }
            if (reading.severity() != null) {
                String message = reading.message();
                if (!reading.understood() && vocabulary == null && message.startsWith("must be")) {
                    message = capitalise("'" + path.get(path.size() - 1) + "'") + " must be " + article(type)
                            + ", not " + describe(plain);
                }
                TextRange range = scalar.range().length() == 0 ? key.range() : scalar.range();
                readings.add(new SchemaProblem(range, message, path, reading.suggestion(), reading.severity()));
            }
            if (!reading.understood()) {
                return null;
            }
            if (reading.value() instanceof String id) {
                return factory.textNode(id);
            }
            double value = (Double) reading.value();
            if (reading.severity() == null && yamlNumber) {
                return plain;
            }
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? factory.numberNode(BigInteger.valueOf((long) value)) : factory.numberNode(value);
        }

        private JsonNode plain(YamlNode.Scalar scalar) {
            String text = scalar.value().replace("_", "");
            switch (scalar.tag()) {
                case "null":
                    return factory.nullNode();
                case "bool":
                    return factory.booleanNode(text.strip().toLowerCase(Locale.ROOT).matches("true|yes|on|y"));
                case "int":
                    try {
                        return factory.numberNode(new BigInteger(text.strip()));
                    } catch (NumberFormatException e) {
                        return factory.textNode(scalar.value());
                    }
                case "float":
                    try {
                        double value = Double.parseDouble(text.strip());
                        return Double.isFinite(value) ? factory.numberNode(value) : factory.textNode(scalar.value());
                    } catch (NumberFormatException e) {
                        return factory.textNode(scalar.value());
                    }
                default:
                    return factory.textNode(scalar.value());
            }
        }
    }
}
