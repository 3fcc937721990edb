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
import java.time.LocalDate;
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
 * (LiteLLM's price file, {@code litellm-snapshot.json}, with the hand-kept {@code overlay.json} laid over it, read
 * at start-up from the {@code catalog.tsv} the build makes of the two; see docs/pricing.md), or a workspace's
 * newer LiteLLM file ({@link #fromLiteLlm}), which users extend or override with their own entries.
 *
 * <p>Ids are matched case-insensitively after normalisation: spaces become dashes and a parenthesised suffix
 * ({@code o4-mini (Preview)}) is ignored, so VS Code's display names ({@code GPT-4o}, {@code Gemini 2.5 Pro})
 * resolve too. An id with a provider route ({@code azure/eu/gpt-4o-2024-08-06}) is first looked up as written, so a
 * provider's own price wins, then without the route ({@code openai/}, {@code vertex_ai/}, {@code bedrock/},
 * GitHub Models' {@code openai/gpt-4o}). A dated id ({@code gpt-4o-2024-08-06}, {@code claude-sonnet-4-5-20250929})
 * is its own model when priced otherwise ({@code gpt-4o-2024-05-13}), else resolves to its undated model.
 */
public final class PriceCatalog {

    /** The LiteLLM snapshot shipped in the jar (filtered by {@link LiteLlmFormat#filter}). */
    public static final String SNAPSHOT_RESOURCE = "litellm-snapshot.json";
    /** The hand-kept facts LiteLLM lacks, each entry with its source and date. */
    public static final String OVERLAY_RESOURCE = "overlay.json";
    /** What the shipped catalog's {@link CatalogInfo#source()} says. */
    public static final String SHIPPED_SOURCE = "LiteLLM " + LiteLlmFormat.FILE_NAME + " (BerriAI/litellm, MIT)";
    /**
     * Jackson's reader: immutable and thread-safe, unlike the mapper it comes from; made on first use, since the
     * bundled catalog is read without it and making a mapper costs a cold JVM a quarter of a second.
     */
    private static final class Json {
        static final ObjectReader READER = new ObjectMapper().reader();
    }
    private static final Pattern DASHED_DATE_SUFFIX = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern COMPACT_DATE_SUFFIX = Pattern.compile("-\\d{8}$");
    private static final Pattern PARENTHESISED_SUFFIX = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final int MOST_SUGGESTIONS = 3;

    /**
     * Where a catalog's prices come from and how fresh they are.
     *
     * @param source the file the prices were read from
     * @param asOf the day of its prices ({@code YYYY-MM-DD}), or {@code null} when it does not say
     * @param models how many models it prices
     */
    public record CatalogInfo(String source, String asOf, int models) {

        /** Prices older than this many days are worth updating, and reports say so. */
        public static final int STALE_AFTER_DAYS = 180;

        /** Returns how many days old the prices are on {@code today}, or empty when the catalog gives no date. */
        public java.util.OptionalLong ageInDays(LocalDate today) {
            LocalDate date = date();
            return date == null || today == null ? java.util.OptionalLong.empty()
                    : java.util.OptionalLong.of(java.time.temporal.ChronoUnit.DAYS.between(date, today));
        }

        /** Returns whether the prices are older than {@link #STALE_AFTER_DAYS} on {@code today}. */
        public boolean staleOn(LocalDate today) {
            return ageInDays(today).orElse(0) > STALE_AFTER_DAYS;
        }

        /**
         * The sentence a report shows when the prices are stale on {@code today}, or {@code null} when they are
         * not: how old they are and how to update them.
         */
        public String staleHint(LocalDate today) {
            if (!staleOn(today)) {
                return null;
            }
            return "the price catalog is " + ageInDays(today).getAsLong() + " days old (prices as of " + asOf
                    + "): update it with `promptwise prices update --from <LiteLLM price file or URL>`";
        }

        /** The day of the prices, or {@code null}. */
        public LocalDate date() {
            try {
                return asOf == null ? null : LocalDate.parse(asOf);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    /**
     * A user's entries as written (only the fields they give), kept so that overrides can be merged field by field:
     * unmodifiable maps, lists and values rather than Jackson's trees, so that a catalog is immutable; {@code null}
     * for the bundled catalog and merged ones, whose entries are their models ({@link #entryOf}).
     */
    private final List<Map<String, Object>> entries;
    private final List<ModelInfo> models;
    /** Normalised id or alias to the index of its model. */
    private final Map<String, Integer> indexByName;
    /** Provider facts by lower-case id: the {@code providers} section of a catalog file. */
    private final Map<String, ProviderInfo> providers;
    /** Fine-tuned inference prices of LiteLLM's {@code ft:<base>} entries, by lower-case base id. */
    private final Map<String, ModelInfo.FineTuning> fineTunedPrices;
    private final CatalogInfo info;
    /** The day deprecations and the catalog's age are judged on, or {@code null} when no edge gave one. */
    private final LocalDate today;

    private PriceCatalog(List<ObjectNode> entries, Map<String, ProviderInfo> providers) {
        this(build(entries), freeze(entries), providers, Map.of(), null, null);
    }

    PriceCatalog(List<ModelInfo> models, List<Map<String, Object>> entries, Map<String, ProviderInfo> providers,
            Map<String, ModelInfo.FineTuning> fineTunedPrices, CatalogInfo info, LocalDate today) {
        this.providers = Map.copyOf(providers);
        this.entries = entries == null ? null : List.copyOf(entries);
        this.models = List.copyOf(models);
        this.fineTunedPrices = Map.copyOf(fineTunedPrices);
        this.info = info != null ? new CatalogInfo(info.source(), info.asOf(), models.size())
                : new CatalogInfo("user catalog", null, models.size());
        this.today = today;
        this.indexByName = Map.copyOf(index(this.models));
    }

    private static List<Map<String, Object>> freeze(List<ObjectNode> entries) {
        List<Map<String, Object>> frozen = new ArrayList<>(entries.size());
        for (ObjectNode entry : entries) {
            frozen.add(freezeOne(entry));
        }
        return frozen;
    }

    private static List<ModelInfo> build(List<ObjectNode> entries) {
        List<ModelInfo> built = new ArrayList<>(entries.size());
        for (ObjectNode entry : entries) {
            built.add(toModelInfo(entry));
        }
        return built;
    }

    /**
     * Indexes every model under its id as written (lower-cased, a provider route such as {@code azure/} kept),
     * then its aliases, then both without the route: a canonical id always wins over another model's alias, and a
     * provider's own entry over the bare model of the same name.
     */
    private static Map<String, Integer> index(List<ModelInfo> models) {
        Map<String, Integer> index = new HashMap<>(models.size() * 4);
        for (int position = 0; position < models.size(); position++) {
            index.putIfAbsent(normaliseKeepingRoute(models.get(position).id()), position);
        }
        for (int position = 0; position < models.size(); position++) {
            for (String alias : models.get(position).aliases()) {
                index.putIfAbsent(normaliseKeepingRoute(alias), position);
            }
        }
        for (int position = 0; position < models.size(); position++) {
            ModelInfo model = models.get(position);
            if (model.id().indexOf('/') < 0) {
                index.putIfAbsent(normalise(model.id()), position);
            }
        }
        for (int position = 0; position < models.size(); position++) {
            ModelInfo model = models.get(position);
            index.putIfAbsent(normalise(model.id()), position);
            for (String alias : model.aliases()) {
                index.putIfAbsent(normalise(alias), position);
            }
        }
        return index;
    }

    /**
     * Starts reading the bundled catalog on a daemon thread of its own and returns at once, so that it loads while
     * the caller starts up (the command line when it starts, the language server at {@code initialize}); a caller
     * of {@link #bundled()} meanwhile waits for that read instead of starting a second one.
     */
    public static void loadInBackground() {
        Thread loader = new Thread(PriceCatalog::bundled, "promptwise-catalog");
        loader.setDaemon(true);
        loader.start();
    }

    /** Returns the catalog bundled with Promptwise (read from the classpath once, on first use). */
    public static PriceCatalog bundled() {
        return BundledHolder.CATALOG;
    }

    /**
     * Returns the catalog made of a LiteLLM price file (the one {@code promptwise prices update} wrote, in place
     * of the shipped snapshot) and Promptwise's overlay of hand-kept facts.
     *
     * @param source what {@link #info()} names as the source
     * @throws IllegalArgumentException when the text is not a LiteLLM price file
     */
    public static PriceCatalog fromLiteLlm(String json, String source) {
        JsonNode root;
        try {
            root = Json.READER.readTree(json);
        } catch (JsonProcessingException exception) {
            throw new IllegalArgumentException("The price file is not valid JSON: " + exception.getOriginalMessage(),
                    exception);
        }
        if (!LiteLlmFormat.looksLikeLiteLlm(root)) {
            throw new IllegalArgumentException("The price file is not in LiteLLM's format (an object of models"
                    + " with input_cost_per_token, output_cost_per_token, litellm_provider…)");
        }
        return withOverlay(LiteLlmFormat.convert(root, source, true), source, BundledHolder.overlay());
    }

    /**
     * Parses a user's catalog. Three shapes are accepted: {@code {"models": [{"id": …, …}, …]}}, like the overlay
     * file; a mapping from id to entry, {@code {"acme-ft": {"input": 0.3, …}}}, like the strategy file's
     * {@code models:} section; and LiteLLM's {@code model_prices_and_context_window.json} as it is (prices per
     * token, {@code litellm_provider}…). Every field but the id may be left out.
     *
     * @throws IllegalArgumentException when the text is not JSON of any shape, or a field has the wrong type;
     *     the message says which entry and field
     */
    public static PriceCatalog parse(String json) {
        JsonNode root;
        try {
            root = Json.READER.readTree(json);
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
     * field, and entries that name no model of this catalog are added at the end. Aliases are merged. An entry
     * named with a provider route ({@code azure/gpt-4o}) that this catalog knows only as another model's alias
     * becomes a model of its own, so that a price for one provider does not change the others'. An entry that
     * names no known model but gives {@code model: <known id>} (an Azure deployment, a proxy's name) starts
     * from that model's figures.
     */
    public PriceCatalog withOverrides(PriceCatalog extra) {
        List<ModelInfo> mergedModels = new ArrayList<>(models);
        for (Map<String, Object> extraValues : extra.rawEntries()) {
            ObjectNode extraEntry = (ObjectNode) tree(extraValues);
            String id = extraEntry.get("id").asText();
            Optional<Integer> target = indexOf(id);
            if (target.isPresent() && (id.indexOf('/') < 0
                    || normaliseKeepingRoute(models.get(target.get()).id()).equals(normaliseKeepingRoute(id)))) {
                ObjectNode merged = entryOf(mergedModels.get(target.get()));
                mergeInto(merged, extraEntry);
                mergedModels.set(target.get(), toModelInfo(merged));
                continue;
            }
            Optional<Integer> like = target.isPresent() ? target
                    : extraEntry.path("model").isTextual() ? indexOf(extraEntry.get("model").asText())
                    : Optional.empty();
            ObjectNode merged = extraEntry;
            if (like.isPresent()) {
                merged = entryOf(mergedModels.get(like.get()));
                merged.remove("aliases");
                merged.put("id", id);
                mergeInto(merged, extraEntry);
            }
            mergedModels.add(toModelInfo(merged));
        }
        Map<String, ProviderInfo> mergedProviders = new HashMap<>(providers);
        mergedProviders.putAll(extra.providers);
        Map<String, ModelInfo.FineTuning> mergedFineTuned = new HashMap<>(fineTunedPrices);
        mergedFineTuned.putAll(extra.fineTunedPrices);
        // A user's ft:<base> prices override the fine-tuned inference prices the overlay gives its base.
        extra.fineTunedPrices.forEach((base, prices) -> indexOf(base).ifPresent(position -> {
            ModelInfo model = mergedModels.get(position);
            if (model.fineTuning() != null) {
                ObjectNode entry = entryOf(model);
                ObjectNode tuning = (ObjectNode) entry.get("fineTuning");
                tuning.put("input", prices.input());
                tuning.put("output", prices.output());
                if (prices.cachedInput() != null) {
                    tuning.put("cachedInput", prices.cachedInput());
                }
                mergedModels.set(position, toModelInfo(entry));
            }
        }));
        return new PriceCatalog(mergedModels, null, mergedProviders, mergedFineTuned, info, today);
    }

    /** The entries as written for a user's catalog; else each model as an entry. */
    private List<Map<String, Object>> rawEntries() {
        if (entries != null) {
            return entries;
        }
        List<Map<String, Object>> all = new ArrayList<>(models.size());
        for (ModelInfo model : models) {
            all.add(freezeOne(entryOf(model)));
        }
        return all;
    }

    /** A model as a catalog entry with every field, so that an override can be merged into it. */
    static ObjectNode entryOf(ModelInfo model) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("id", model.id());
        entry.put("provider", model.provider());
        entry.put("input", model.input());
        putNumber(entry, "cachedInput", model.cachedInput());
        putNumber(entry, "cacheWrite", model.cacheWrite());
        entry.put("output", model.output());
        entry.put("contextWindow", model.contextWindow());
        entry.put("maxOutput", model.maxOutput());
        entry.put("encoding", model.encoding());
        entry.put("exactTokens", model.exactTokens());
        ModelInfo.FineTuning fineTuning = model.fineTuning();
        if (fineTuning != null) {
            ObjectNode tuning = entry.putObject("fineTuning");
            putNumber(tuning, "training", fineTuning.training());
            tuning.put("input", fineTuning.input());
            putNumber(tuning, "cachedInput", fineTuning.cachedInput());
            tuning.put("output", fineTuning.output());
            putText(tuning, "note", fineTuning.note());
            putNumber(tuning, "trainingPerHour", fineTuning.trainingPerHour());
            putText(tuning, "baseModel", fineTuning.baseModel());
            ArrayNode methods = tuning.putArray("methods");
            fineTuning.methods().forEach(methods::add);
            putText(tuning, "source", fineTuning.source());
            putText(tuning, "asOf", fineTuning.asOf());
        }
        ArrayNode aliases = entry.putArray("aliases");
        model.aliases().forEach(aliases::add);
        putText(entry, "source", model.source());
        putText(entry, "asOf", model.asOf());
        ModelInfo.PriceTier tier = model.aboveThreshold();
        if (tier != null) {
            ObjectNode above = entry.putObject("aboveThreshold");
            above.put("thresholdTokens", tier.thresholdTokens());
            above.put("input", tier.input());
            putNumber(above, "cachedInput", tier.cachedInput());
            above.put("output", tier.output());
        }
        putText(entry, "note", model.note());
        if (model.cacheMinTokens() != null) {
            entry.put("cacheMinTokens", model.cacheMinTokens());
        }
        entry.put("reasoning", model.reasoning());
        putText(entry, "deprecationDate", model.deprecationDate());
        putText(entry, "successor", model.successor());
        return entry;
    }

    private static void putNumber(ObjectNode entry, String name, Double value) {
        if (value != null) {
            entry.put(name, value);
        }
    }

    private static void putText(ObjectNode entry, String name, String value) {
        if (value != null) {
            entry.put(name, value);
        }
    }

    /**
     * Returns this catalog judging deprecations and its own age on {@code day} (the edges pass today's date; tests
     * a fixed one). Shares everything else with this catalog.
     */
    public PriceCatalog on(LocalDate day) {
        return new PriceCatalog(models, entries, providers, fineTunedPrices, info, day);
    }

    /** The day deprecations and the catalog's age are judged on: the one {@link #on} gave, else {@code null}. */
    public LocalDate today() {
        return today;
    }

    Map<String, ProviderInfo> providers() {
        return providers;
    }

    Map<String, ModelInfo.FineTuning> fineTunedPrices() {
        return fineTunedPrices;
    }

    /**
     * Returns the bundled catalog's start-up form ({@link CompactCatalog}) made from the texts of LiteLLM's
     * snapshot and the overlay: what the build writes, so that start-up need not convert JSON.
     */
    public static String compactFromSources(String snapshotJson, String overlayJson) {
        return CompactCatalog.write(fromSources(snapshotJson, overlayJson));
    }

    /** The bundled catalog as its sources give it: LiteLLM's snapshot with the overlay laid over it. */
    static PriceCatalog fromSources(String snapshotJson, String overlayJson) {
        try {
            LiteLlmFormat.Converted snapshot = LiteLlmFormat.convert(Json.READER.readTree(snapshotJson),
                    "LiteLLM " + LiteLlmFormat.FILE_NAME, true);
            return withOverlay(snapshot, SHIPPED_SOURCE, Json.READER.readTree(overlayJson));
        } catch (JsonProcessingException exception) {
            throw new IllegalArgumentException("The catalog's sources are not valid JSON: "
                    + exception.getOriginalMessage(), exception);
        }
    }

    /** Where the prices come from, their date and how many models there are. */
    public CatalogInfo info() {
        return info;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> freezeOne(ObjectNode entry) {
        return (Map<String, Object>) frozen(entry);
    }

    /**
     * Returns the model that {@code id} names (exact id, alias, dated id, {@code ft:} id by base), or empty when none
     * does or {@code id} is {@code null} or blank.
     *
     * <p>A fine-tuned id {@code ft:<base>:<org>:<suffix>:<id>} resolves to its base model with the fine-tuned
     * model's inference prices in place of the base prices (the overlay's, else LiteLLM's {@code ft:<base>}
     * entry's), under the id as written.
     */
    public Optional<ModelInfo> resolve(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String trimmed = id.strip();
        if (trimmed.regionMatches(true, 0, "ft:", 0, 3)) {
            int baseEnd = trimmed.indexOf(':', 3);
            String base = baseEnd < 0 ? trimmed.substring(3) : trimmed.substring(3, baseEnd);
            ModelInfo.FineTuning litellm = fineTunedPrices.get(base.strip().toLowerCase(Locale.ROOT));
            return indexOf(base).map(position -> asFineTuned(models.get(position), trimmed, litellm));
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
        Integer position = indexByName.get(normaliseKeepingRoute(id));
        if (position != null) {
            return Optional.of(position);
        }
        String name = normalise(id);
        position = indexByName.get(name);
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
        String name = normaliseKeepingRoute(id);
        int slash = name.lastIndexOf('/');
        return slash >= 0 ? name.substring(slash + 1) : name;
    }

    /** As {@link #normalise}, keeping a provider route ({@code azure/}, {@code bedrock/us-east-1/}). */
    static String normaliseKeepingRoute(String id) {
        if (isPlain(id)) {
            return id.toLowerCase(Locale.ROOT);
        }
        String name = PARENTHESISED_SUFFIX.matcher(id.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
        return name.strip().replace('@', '-').replaceAll("\\s+", "-").replaceAll("-{2,}", "-");
    }

    /** Whether an id is already normal but for its case: no space, {@code @}, parenthesis or double dash. */
    private static boolean isPlain(String id) {
        int length = id.length();
        if (length == 0 || Character.isWhitespace(id.charAt(0)) || Character.isWhitespace(id.charAt(length - 1))) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c == '@' || c == '(' || Character.isWhitespace(c) || (c == '-' && i + 1 < length && id.charAt(i + 1) == '-')) {
                return false;
            }
        }
        return true;
    }

    private static ModelInfo asFineTuned(ModelInfo base, String fineTunedId, ModelInfo.FineTuning litellm) {
        ModelInfo.FineTuning fineTuning = base.fineTuning() != null ? base.fineTuning() : litellm;
        if (fineTuning == null) {
            return new ModelInfo(fineTunedId, base.provider(), base.input(), base.cachedInput(), base.cacheWrite(),
                    base.output(), base.contextWindow(), base.maxOutput(), base.encoding(), base.exactTokens(), null,
                    List.of(), base.source(), base.asOf(), base.aboveThreshold(),
                    "fine-tuned from " + base.id() + "; the catalog has no fine-tuned prices, so base prices are shown",
                    base.cacheMinTokens(), base.reasoning(), base.deprecationDate(), base.successor());
        }
        return new ModelInfo(fineTunedId, base.provider(), fineTuning.input(), fineTuning.cachedInput(), null,
                fineTuning.output(), base.contextWindow(), base.maxOutput(), base.encoding(), base.exactTokens(),
                base.fineTuning(), List.of(), base.source(), base.asOf(), null,
                "fine-tuned from " + base.id() + ": fine-tuned inference prices", base.cacheMinTokens(),
                base.reasoning(), base.deprecationDate(), base.successor());
    }

    private static PriceCatalog fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The price catalog must be a JSON object");
        }
        if (LiteLlmFormat.looksLikeLiteLlm(root)) {
            LiteLlmFormat.Converted converted = LiteLlmFormat.convert(root, "user catalog (LiteLLM format)", false);
            for (ObjectNode entry : converted.entries()) {
                // A user's entry gives only what it overrides: no date of its own, no source over the shipped one
                // unless it adds a model.
                entry.remove("asOf");
            }
            return new PriceCatalog(build(converted.entries()), freeze(converted.entries()), Map.of(),
                    fineTunedPrices(converted.fineTuned()), null, null);
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

    private static boolean contains(ArrayNode list, String text) {
        for (JsonNode item : list) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** LiteLLM's {@code ft:<base>} entries as the fine-tuned inference prices of their base. */
    private static Map<String, ModelInfo.FineTuning> fineTunedPrices(Map<String, ObjectNode> entries) {
        Map<String, ModelInfo.FineTuning> prices = new HashMap<>();
        entries.forEach((base, entry) -> {
            if (entry.hasNonNull("input") && entry.hasNonNull("output")) {
                prices.put(base, new ModelInfo.FineTuning(null, entry.get("input").asDouble(),
                        entry.hasNonNull("cachedInput") ? entry.get("cachedInput").asDouble() : null,
                        entry.get("output").asDouble(), "fine-tuned inference price of LiteLLM's ft:" + base
                        + " entry", null, base, List.of(), entry.path("source").asText(null),
                        entry.path("asOf").asText(null)));
            }
        });
        return prices;
    }

    /**
     * Joins a LiteLLM snapshot and the overlay: each overlay entry is laid over the snapshot entry it names
     * ({@code litellm}, else its id; the overlay's id becomes the model's and the snapshot's key an alias), field
     * by field, its {@code source} and {@code asOf} kept only for the facts it adds (a model the snapshot lacks
     * takes them as its price source). Overlay models come first, in the overlay's order, then the rest of the
     * snapshot in file order. A snapshot model that an overlay alias names, with the same figures, is folded in.
     */
    static PriceCatalog withOverlay(LiteLlmFormat.Converted snapshot, String source, JsonNode overlay) {
        Map<String, ObjectNode> byName = new HashMap<>();
        for (ObjectNode entry : snapshot.entries()) {
            byName.putIfAbsent(entry.get("id").asText().toLowerCase(Locale.ROOT), entry);
            entry.path("aliases").forEach(alias -> byName.putIfAbsent(alias.asText().toLowerCase(Locale.ROOT), entry));
        }
        java.util.Set<ObjectNode> placed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<ObjectNode> ordered = new ArrayList<>();
        for (JsonNode overlayNode : overlay.path("models")) {
            ObjectNode facts = (ObjectNode) overlayNode.deepCopy();
            String id = facts.get("id").asText();
            String key = facts.path("litellm").asText(id);
            facts.remove("litellm");
            ObjectNode base = byName.get(key.toLowerCase(Locale.ROOT));
            if (base == null || placed.contains(base)) {
                ordered.add(facts);
                continue;
            }
            String snapshotId = base.get("id").asText();
            facts.remove("source");
            facts.remove("asOf");
            mergeInto(base, facts);
            base.put("id", id);
            if (!snapshotId.equals(id) && !contains(base.withArray("aliases"), snapshotId)) {
                base.withArray("aliases").add(snapshotId);
            }
            for (JsonNode alias : facts.path("aliases")) {
                ObjectNode other = byName.get(alias.asText().toLowerCase(Locale.ROOT));
                if (other != null && other != base && !placed.contains(other)
                        && other.get("id").asText().equalsIgnoreCase(alias.asText())
                        && LiteLlmFormat.sameFigures(other, base)) {
                    placed.add(other);
                    other.path("aliases").forEach(more -> {
                        if (!contains(base.withArray("aliases"), more.asText())) {
                            base.withArray("aliases").add(more.asText());
                        }
                    });
                }
            }
            placed.add(base);
            ordered.add(base);
        }
        for (ObjectNode entry : snapshot.entries()) {
            if (!placed.contains(entry)) {
                ordered.add(entry);
            }
        }
        return new PriceCatalog(build(ordered), null, providers(overlay.get("providers")),
                fineTunedPrices(snapshot.fineTuned()), new CatalogInfo(source, snapshot.asOf(), ordered.size()), null);
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
                fields.bool("reasoning", false),
                fields.text("deprecationDate", null),
                fields.text("successor", null));
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

    /** Loads the bundled catalog once, on first use of {@link #bundled()}: the LiteLLM snapshot and the overlay. */
    private static final class BundledHolder {
        /** The overlay's text (a string, immutable, where a JSON tree would not be); parsed where it is used. */
        static final String OVERLAY = text(OVERLAY_RESOURCE);
        static final PriceCatalog CATALOG = loadBundled();

        private static PriceCatalog loadBundled() {
            return CompactCatalog.read(text(CompactCatalog.RESOURCE));
        }

        static JsonNode overlay() {
            try {
                return Json.READER.readTree(OVERLAY);
            } catch (IOException exception) {
                throw new UncheckedIOException("The bundled overlay " + OVERLAY_RESOURCE + " cannot be read", exception);
            }
        }

        private static String text(String resource) {
            try (InputStream stream = PriceCatalog.class.getResourceAsStream(resource)) {
                if (stream == null) {
                    throw new IllegalStateException("The bundled " + resource + " is missing");
                }
                return new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException exception) {
                throw new UncheckedIOException("The bundled " + resource + " cannot be read", exception);
            }
        }
    }
}
