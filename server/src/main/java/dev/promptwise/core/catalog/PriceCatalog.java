package dev.promptwise.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptwise.core.text.EditDistance;
import dev.promptwise.core.tokens.ModelEncodings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The prices and limits of the models Promptwise knows, so that every prompt can be priced: the bundled catalog
 * ({@code models.json} beside this class), which users extend or override with their own entries.
 *
 * <p>Ids are matched case-insensitively after normalisation: a provider prefix ({@code openai/}, {@code azure/},
 * {@code googleai/}, {@code vertexai/}, {@code anthropic/}, GitHub Models' {@code openai/gpt-4o}) is dropped, spaces
 * become dashes and a parenthesised suffix ({@code o4-mini (Preview)}) is ignored, so VS Code's display names
 * ({@code GPT-4o}, {@code Gemini 2.5 Pro}) resolve too. A dated id ({@code gpt-4o-2024-08-06},
 * {@code claude-sonnet-4-5-20250929}) resolves to its undated model when it is not listed itself.
 */
public final class PriceCatalog {

    private static final String BUNDLED_RESOURCE = "models.json";
    /** Jackson's reader: immutable and thread-safe, unlike the mapper it comes from. */
    private static final ObjectReader JSON = new ObjectMapper().reader();
    private static final Pattern DASHED_DATE_SUFFIX = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern COMPACT_DATE_SUFFIX = Pattern.compile("-\\d{8}$");
    private static final Pattern PARENTHESISED_SUFFIX = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final int MOST_SUGGESTIONS = 3;

    /**
     * The raw entries, kept so that overrides can be merged field by field: unmodifiable maps, lists and values
     * rather than Jackson's trees, so that a catalog (the bundled one above all, which every host reads) is
     * immutable.
     */
    private final List<Map<String, Object>> entries;
    private final List<ModelInfo> models;
    /** Normalised id or alias to the index of its model. */
    private final Map<String, Integer> indexByName;
    /** Provider facts by lower-case id: the {@code providers} section of a catalog file. */
    private final Map<String, ProviderInfo> providers;

    private PriceCatalog(List<ObjectNode> entries) {
        this(entries, Map.of());
    }

    private PriceCatalog(List<ObjectNode> entries, Map<String, ProviderInfo> providers) {
        this.providers = Map.copyOf(providers);
        List<Map<String, Object>> frozen = new ArrayList<>();
        for (ObjectNode entry : entries) {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) frozen(entry);
            frozen.add(values);
        }
        this.entries = List.copyOf(frozen);
        List<ModelInfo> built = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int position = 0; position < entries.size(); position++) {
            ModelInfo model = toModelInfo(entries.get(position));
            built.add(model);
            index.putIfAbsent(normalise(model.id()), position);
        }
        // Aliases come second so that a canonical id always wins over another model's alias.
        for (int position = 0; position < built.size(); position++) {
            for (String alias : built.get(position).aliases()) {
                index.putIfAbsent(normalise(alias), position);
            }
        }
        this.models = List.copyOf(built);
        this.indexByName = Map.copyOf(index);
    }

    /** Returns the catalog bundled with Promptwise (read from the classpath once, on first use). */
    public static PriceCatalog bundled() {
        return BundledHolder.CATALOG;
    }

    /**
     * Parses a user's catalog. Two shapes are accepted: {@code {"models": [{"id": …, …}, …]}}, like the bundled
     * file, and a mapping from id to entry, {@code {"acme-ft": {"input": 0.3, …}}}, like the strategy file's
     * {@code models:} section. Every field but the id may be left out.
     *
     * @throws IllegalArgumentException when the text is not JSON of either shape, or a field has the wrong type;
     *     the message says which entry and field
     */
    public static PriceCatalog parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException exception) {
            throw new IllegalArgumentException("The price catalog is not valid JSON: " + exception.getOriginalMessage(),
                    exception);
        }
        return fromTree(root);
    }

    /**
     * Builds a user's catalog from a mapping of id to entry fields, as a YAML reader gives the strategy file's
     * {@code models:} section (values are numbers, strings, booleans, lists and nested maps).
     *
     * @throws IllegalArgumentException when a field has the wrong type
     */
    public static PriceCatalog fromMapping(Map<String, ?> entriesById) {
        return fromTree(tree(entriesById));
    }

    /**
     * Returns a catalog in which {@code extra}'s entries override this one's, field by field where they give a
     * field, and entries that name no model of this catalog are added at the end. Aliases are merged.
     */
    public PriceCatalog withOverrides(PriceCatalog extra) {
        List<ObjectNode> merged = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            merged.add((ObjectNode) tree(entry));
        }
        for (Map<String, Object> extraValues : extra.entries) {
            ObjectNode extraEntry = (ObjectNode) tree(extraValues);
            Optional<Integer> target = indexOf(extraEntry.get("id").asText());
            if (target.isEmpty()) {
                merged.add(extraEntry);
                continue;
            }
            ObjectNode base = merged.get(target.get());
            mergeInto(base, extraEntry);
        }
        Map<String, ProviderInfo> mergedProviders = new HashMap<>(providers);
        mergedProviders.putAll(extra.providers);
        return new PriceCatalog(merged, mergedProviders);
    }

    /**
     * Returns the model that {@code id} names (exact id, alias, dated id, {@code ft:} id by base), or empty when none
     * does or {@code id} is {@code null} or blank.
     *
     * <p>A fine-tuned id {@code ft:<base>:<org>:<suffix>:<id>} resolves to its base model with the fine-tuned
     * model's inference prices in place of the base prices (when the catalog knows them), under the id as written.
     */
    public Optional<ModelInfo> resolve(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String trimmed = id.strip();
        if (trimmed.regionMatches(true, 0, "ft:", 0, 3)) {
            int baseEnd = trimmed.indexOf(':', 3);
            String base = baseEnd < 0 ? trimmed.substring(3) : trimmed.substring(3, baseEnd);
            return indexOf(base).map(position -> asFineTuned(models.get(position), trimmed));
        }
        return indexOf(trimmed).map(models::get);
    }

    /**
     * Returns up to three catalog ids to offer in place of the unknown {@code id}, best first, as
     * {@link #rankedSuggestions} ranks them; empty when none is close or {@code id} is {@code null}.
     */
    public List<String> suggestions(String id) {
        return rankedSuggestions(id).stream().map(ModelSuggestion::id).toList();
    }

    /**
     * Returns up to three catalog models to offer in place of the unknown {@code id}, best first: the same vendor
     * family, then the same tokenizer, then the same price class, then the closest name (see
     * {@link SuggestionRanking}); each says whether it differs in tokenizer or price class from what was meant.
     */
    public List<ModelSuggestion> rankedSuggestions(String id) {
        if (id == null || id.isBlank()) {
            return List.of();
        }
        return SuggestionRanking.rank(normalise(id), indexByName, models, MOST_SUGGESTIONS);
    }

    /**
     * Returns what the catalog knows of {@code provider} (its name, whether its API fine-tunes), or
     * {@link ProviderInfo#unknown} when it has no entry for it.
     */
    public ProviderInfo provider(String provider) {
        String key = provider == null ? "" : provider.strip().toLowerCase(Locale.ROOT);
        ProviderInfo known = providers.get(key);
        return known != null ? known : ProviderInfo.unknown(provider == null ? "unknown" : provider);
    }

    /** Returns every model, in catalog order. */
    public List<ModelInfo> models() {
        return models;
    }

    private Optional<Integer> indexOf(String id) {
        String name = normalise(id);
        Integer position = indexByName.get(name);
        if (position == null && DASHED_DATE_SUFFIX.matcher(name).find()) {
            position = indexByName.get(DASHED_DATE_SUFFIX.matcher(name).replaceFirst(""));
        }
        if (position == null && COMPACT_DATE_SUFFIX.matcher(name).find()) {
            position = indexByName.get(COMPACT_DATE_SUFFIX.matcher(name).replaceFirst(""));
        }
        if (position == null && name.endsWith("-latest")) {
            position = indexByName.get(name.substring(0, name.length() - "-latest".length()));
        }
        return Optional.ofNullable(position);
    }

    /** Lower-cases, drops a provider prefix and a parenthesised suffix, and turns spaces and {@code @} into dashes. */
    static String normalise(String id) {
        String name = PARENTHESISED_SUFFIX.matcher(id.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        return name.strip().replace('@', '-').replaceAll("\\s+", "-").replaceAll("-{2,}", "-");
    }

    private static ModelInfo asFineTuned(ModelInfo base, String fineTunedId) {
        ModelInfo.FineTuning fineTuning = base.fineTuning();
        if (fineTuning == null) {
            return new ModelInfo(fineTunedId, base.provider(), base.input(), base.cachedInput(), base.cacheWrite(),
                    base.output(), base.contextWindow(), base.maxOutput(), base.encoding(), base.exactTokens(), null,
                    List.of(), base.source(), base.asOf(), base.aboveThreshold(),
                    "fine-tuned from " + base.id() + "; the catalog has no fine-tuned prices, so base prices are shown",
                    base.cacheMinTokens(), base.reasoning());
        }
        return new ModelInfo(fineTunedId, base.provider(), fineTuning.input(), fineTuning.cachedInput(), null,
                fineTuning.output(), base.contextWindow(), base.maxOutput(), base.encoding(), base.exactTokens(),
                fineTuning, List.of(), base.source(), base.asOf(), null,
                "fine-tuned from " + base.id() + ": fine-tuned inference prices", base.cacheMinTokens(),
                base.reasoning());
    }

    private static PriceCatalog fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The price catalog must be a JSON object");
        }
        List<ObjectNode> entries = new ArrayList<>();
        Map<String, ProviderInfo> providers = providers(root.get("providers"));
        JsonNode modelsNode = root.get("models");
        if (modelsNode != null && modelsNode.isArray()) {
            int position = 0;
            for (JsonNode entry : modelsNode) {
                position++;
                if (!entry.isObject() || !entry.path("id").isTextual() || entry.get("id").asText().isBlank()) {
                    throw new IllegalArgumentException("Model entry " + position + " of the price catalog has no id");
                }
                entries.add((ObjectNode) entry.deepCopy());
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("providers") && providers.size() > 0) {
                    continue;
                }
                if (!field.getValue().isObject()) {
                    throw new IllegalArgumentException("Model " + field.getKey() + " of the price catalog must be an object");
                }
                // The mapping's key is the id, whatever the entry itself says.
                ObjectNode entry = JsonNodeFactory.instance.objectNode();
                entry.setAll((ObjectNode) field.getValue().deepCopy());
                entry.put("id", field.getKey());
                entries.add(entry);
            }
        }
        return new PriceCatalog(entries, providers);
    }

    /**
     * Reads a catalog's {@code providers} section: {@code {"anthropic": {"name": "Anthropic",
     * "fineTuningThroughApi": false, "note": …, "source": …, "asOf": …}}}. Tolerant: a section or entry of another
     * shape, or a field of another type, is left out rather than refused, since it only words messages.
     */
    private static Map<String, ProviderInfo> providers(JsonNode section) {
        Map<String, ProviderInfo> providers = new HashMap<>();
        if (section == null || !section.isObject()) {
            return providers;
        }
        section.fields().forEachRemaining(field -> {
            JsonNode entry = field.getValue();
            if (!entry.isObject()) {
                return;
            }
            String id = field.getKey().strip().toLowerCase(Locale.ROOT);
            providers.put(id, new ProviderInfo(id, textOr(entry, "name", field.getKey()),
                    entry.path("fineTuningThroughApi").asBoolean(false), textOr(entry, "note", null),
                    textOr(entry, "source", null), textOr(entry, "asOf", null)));
        });
        return providers;
    }

    private static String textOr(JsonNode entry, String name, String absent) {
        JsonNode value = entry.get(name);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : absent;
    }

    /** Returns a JSON value as unmodifiable maps and lists of strings, numbers, booleans and nulls. */
    private static Object frozen(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> values = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> values.put(field.getKey(), frozen(field.getValue())));
            return Collections.unmodifiableMap(values);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(frozen(item)));
            return Collections.unmodifiableList(items);
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /**
     * Returns plain values (maps, lists, strings, numbers, booleans, nulls, as {@link #frozen} and a YAML reader
     * give them) as a new JSON tree, as Jackson's {@code valueToTree} would; anything else as its text.
     */
    private static JsonNode tree(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), tree(item)));
            return object;
        }
        if (value instanceof Iterable<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(tree(item)));
            return array;
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Long number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Short number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Byte number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Float number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Double number) {
            return nodes.numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return nodes.numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return nodes.numberNode(number);
        }
        return nodes.textNode(String.valueOf(value));
    }

    private static void mergeInto(ObjectNode base, ObjectNode override) {
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("id")) {
                continue;
            }
            if (name.equals("aliases") && base.get("aliases") instanceof ArrayNode baseAliases && value.isArray()) {
                Set<String> union = new LinkedHashSet<>();
                baseAliases.forEach(alias -> union.add(alias.asText()));
                value.forEach(alias -> union.add(alias.asText()));
                ArrayNode mergedAliases = base.putArray("aliases");
                union.forEach(mergedAliases::add);
            } else if (value.isObject() && base.get(name) instanceof ObjectNode baseObject) {
                mergeInto(baseObject, (ObjectNode) value);
            } else {
                base.set(name, value.deepCopy());
            }
        }
    }

    private static ModelInfo toModelInfo(ObjectNode entry) {
        String id = entry.get("id").asText();
        FieldReader fields = new FieldReader(id, entry);
        ModelEncodings.ModelEncoding derivedEncoding = ModelEncodings.forModel(id);
        String encoding = fields.text("encoding", derivedEncoding.encoding());
        boolean exactByDefault = entry.hasNonNull("encoding") || !derivedEncoding.estimated();
        return new ModelInfo(
                id,
                fields.text("provider", "custom"),
                fields.number("input", 0.0),
                fields.number("cachedInput", null),
                fields.number("cacheWrite", null),
                fields.number("output", 0.0),
                fields.integer("contextWindow", 0),
                fields.integer("maxOutput", 0),
                encoding,
                fields.bool("exactTokens", exactByDefault),
                fields.fineTuning(),
                fields.texts("aliases"),
                fields.text("source", "user catalog"),
                fields.text("asOf", null),
                fields.priceTier(),
                fields.text("note", null),
                fields.entry().hasNonNull("cacheMinTokens") ? fields.integer("cacheMinTokens", 0) : null,
                fields.bool("reasoning", false));
    }

    /** Reads typed fields of one entry, naming the model and field in the message of any type error. */
    private record FieldReader(String modelId, JsonNode entry) {

        String text(String name, String absent) {
            JsonNode value = entry.get(name);
            if (value == null || value.isNull()) {
                return absent;
            }
            if (!value.isTextual()) {
                throw wrongType(name, "a string");
            }
            return value.asText();
        }

        Double number(String name, Double absent) {
            JsonNode value = entry.get(name);
            if (value == null || value.isNull()) {
                return absent;
            }
            if (!value.isNumber()) {
                throw wrongType(name, "a number");
            }
            return value.asDouble();
        }

        int integer(String name, int absent) {
            JsonNode value = entry.get(name);
            if (value == null || value.isNull()) {
                return absent;
            }
            if (!value.canConvertToInt()) {
                throw wrongType(name, "a whole number");
            }
            return value.asInt();
        }

        boolean bool(String name, boolean absent) {
            JsonNode value = entry.get(name);
            if (value == null || value.isNull()) {
                return absent;
            }
            if (!value.isBoolean()) {
                throw wrongType(name, "true or false");
            }
            return value.asBoolean();
        }

        List<String> texts(String name) {
            JsonNode value = entry.get(name);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                throw wrongType(name, "a list of strings");
            }
            List<String> texts = new ArrayList<>();
            value.forEach(element -> texts.add(element.asText()));
            return texts;
        }

        ModelInfo.FineTuning fineTuning() {
            JsonNode value = entry.get("fineTuning");
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                throw wrongType("fineTuning", "an object");
            }
            FieldReader inner = new FieldReader(modelId, value);
            return new ModelInfo.FineTuning(
                    inner.number("training", null),
                    inner.number("input", 0.0),
                    inner.number("cachedInput", null),
                    inner.number("output", 0.0),
                    inner.text("note", null),
                    inner.number("trainingPerHour", null),
                    inner.text("baseModel", null),
                    inner.methods(),
                    inner.text("source", null),
                    inner.text("asOf", null));
        }

        /**
         * Reads {@code methods}: a list of strings or one string, each lower-cased; an entry of another type is
         * skipped, and a method Promptwise does not know is kept as written, so that a newer catalog still loads.
         */
        List<String> methods() {
            JsonNode value = entry.get("methods");
            List<String> methods = new ArrayList<>();
            if (value == null || value.isNull()) {
                return methods;
            }
            if (value.isTextual()) {
                methods.add(value.asText().strip().toLowerCase(Locale.ROOT));
            } else if (value.isArray()) {
                value.forEach(element -> {
                    if (element.isTextual() && !element.asText().isBlank()) {
                        methods.add(element.asText().strip().toLowerCase(Locale.ROOT));
                    }
                });
            }
            return methods;
        }

        ModelInfo.PriceTier priceTier() {
            JsonNode value = entry.get("aboveThreshold");
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                throw wrongType("aboveThreshold", "an object");
            }
            FieldReader inner = new FieldReader(modelId, value);
            return new ModelInfo.PriceTier(
                    inner.integer("thresholdTokens", Integer.MAX_VALUE),
                    inner.number("input", 0.0),
                    inner.number("cachedInput", null),
                    inner.number("output", 0.0));
        }

        private IllegalArgumentException wrongType(String name, String expected) {
            return new IllegalArgumentException(
                    "Field " + name + " of model " + modelId + " in the price catalog must be " + expected);
        }
    }

    /** Loads the bundled catalog once, on first use of {@link #bundled()}. */
    private static final class BundledHolder {
        static final PriceCatalog CATALOG = loadBundled();

        private static PriceCatalog loadBundled() {
            try (InputStream stream = PriceCatalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (stream == null) {
                    throw new IllegalStateException("The bundled price catalog " + BUNDLED_RESOURCE + " is missing");
                }
                return fromTree(JSON.readTree(stream));
            } catch (IOException exception) {
                throw new UncheckedIOException("The bundled price catalog cannot be read", exception);
            }
        }
    }
}
