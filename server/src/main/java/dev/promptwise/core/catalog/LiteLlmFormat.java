package dev.promptwise.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LiteLLM's price file, {@code model_prices_and_context_window.json} (BerriAI/litellm, MIT): one key per model id,
 * prices in USD per token. Reads it into Promptwise's catalog entries (USD per 1M tokens, the field names of
 * {@code overlay.json}), and filters it to what Promptwise prices, for the snapshot shipped in the jar and the
 * catalog that {@code promptwise prices update} writes.
 *
 * <p>Only the fields a file gives are carried over, so that a user's LiteLLM-format file overrides the shipped
 * catalog field by field. Entries whose figures equal those of their bare, undated model
 * ({@code gpt-4o-2024-08-06} and {@code azure/gpt-4o} beside {@code gpt-4o}) become its aliases rather than
 * models of their own; a dated snapshot or a provider's entry priced otherwise ({@code gpt-4o-2024-05-13} at
 * $5/$15) stays a model with its own price. {@code ft:<base>} entries are the fine-tuned inference prices of
 * {@code <base>}, not models.
 */
public final class LiteLlmFormat {

    /** The name of the file in LiteLLM's repository, which every source string quotes. */
    public static final String FILE_NAME = "model_prices_and_context_window.json";

    /** The modes Promptwise prices: a prompt is sent to a chat, completion, responses or embedding endpoint. */
    public static final Set<String> MODES = Set.of("chat", "completion", "responses", "embedding");

    /**
     * The providers whose entries the shipped snapshot keeps: the model makers' own APIs, the clouds that resell
     * them and the hosts prompt files name most (Llama, Mistral, DeepSeek, Grok…). A catalog a user writes with
     * {@code prices update} keeps every provider.
     */
    public static final Set<String> SHIPPED_PROVIDERS = Set.of("openai", "text-completion-openai", "azure",
            "azure_text", "azure_ai", "anthropic", "gemini", "vertex_ai", "vertex_ai-language-models",
            "vertex_ai-anthropic_models", "vertex_ai-llama_models", "vertex_ai-mistral_models",
            "vertex_ai-embedding-models", "vertex_ai-text-models", "vertex_ai-chat-models", "bedrock",
            "bedrock_converse", "mistral", "codestral", "text-completion-codestral", "groq", "deepseek", "xai",
            "cohere", "cohere_chat", "together_ai", "meta_llama", "perplexity");

    /** The fields of an entry that Promptwise reads; the shipped snapshot keeps only these. */
    private static final Pattern KEPT_FIELD = Pattern.compile("(input_cost_per_token|output_cost_per_token"
            + "|cache_read_input_token_cost|cache_creation_input_token_cost"
            + "|(input|output)_cost_per_token_above_\\d+k_tokens|cache_read_input_token_cost_above_\\d+k_tokens"
            + "|max_input_tokens|max_output_tokens|max_tokens|litellm_provider|mode|prompt_cache_min_tokens"
            + "|deprecation_date|supports_reasoning)");
    private static final Pattern INPUT_ABOVE = Pattern.compile("input_cost_per_token_above_(\\d+)k_tokens");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DASHED_DATE_SUFFIX = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern COMPACT_DATE_SUFFIX = Pattern.compile("-\\d{8}$");
    /** Fields that do not count when deciding whether two entries are the same model under two names. */
    private static final Set<String> IDENTITY_FREE = Set.of("id", "provider", "mode", "source", "asOf", "aliases");

    private LiteLlmFormat() {}

    /**
     * A LiteLLM file read as catalog entries.
     *
     * @param entries the models, in file order, each with its aliases (the folded entries)
     * @param fineTuned the fine-tuned inference prices of {@code ft:<base>} entries, by lower-case base id
     * @param asOf the file's {@code last_updated} day, or {@code null} when it has none
     * @param folded how many entries became aliases of another
     */
    public record Converted(List<ObjectNode> entries, Map<String, ObjectNode> fineTuned, String asOf, int folded) {}

    /**
     * Returns whether {@code root} looks like a LiteLLM price file: an object without a {@code models} list whose
     * object values use LiteLLM's field names.
     */
    public static boolean looksLikeLiteLlm(JsonNode root) {
        if (root == null || !root.isObject() || root.path("models").isArray()) {
            return false;
        }
        Iterator<JsonNode> values = root.elements();
        while (values.hasNext()) {
            JsonNode value = values.next();
            if (value.isObject() && (value.has("litellm_provider") || value.has("input_cost_per_token")
                    || value.has("output_cost_per_token") || value.has("max_input_tokens"))) {
                return true;
            }
        }
        return false;
    }

    /** Returns the day of the file's {@code last_updated} stamp, or {@code null}. */
    public static String asOf(JsonNode root) {
        JsonNode stamp = root == null ? null : root.get("last_updated");
        if (stamp == null || !stamp.isTextual() || stamp.asText().length() < 10) {
            return null;
        }
        String day = stamp.asText().substring(0, 10);
        return ISO_DATE.matcher(day).matches() ? day : null;
    }

    /**
     * Returns {@code root} reduced to what Promptwise reads: the entries of {@link #MODES} (of {@code providers},
     * unless {@code null}) with the fields Promptwise prices with, and the {@code last_updated} stamp.
     */
    public static ObjectNode filter(JsonNode root, Set<String> providers) {
        ObjectNode filtered = JsonNodeFactory.instance.objectNode();
        if (root.hasNonNull("last_updated")) {
            filtered.set("last_updated", root.get("last_updated").deepCopy());
        }
        root.fields().forEachRemaining(field -> {
            JsonNode entry = field.getValue();
            if (!entry.isObject() || field.getKey().equals("sample_spec")
                    || !MODES.contains(entry.path("mode").asText())
                    || (providers != null && !providers.contains(entry.path("litellm_provider").asText()))) {
                return;
            }
            ObjectNode kept = filtered.putObject(field.getKey());
            entry.fields().forEachRemaining(value -> {
                if (KEPT_FIELD.matcher(value.getKey()).matches()) {
                    kept.set(value.getKey(), value.getValue().deepCopy());
                }
            });
        });
        return filtered;
    }

    /**
     * Reads a LiteLLM file into catalog entries.
     *
     * @param source what each entry's {@code source} says (its {@code asOf} is the file's {@code last_updated} day)
     * @param fold whether entries equal to their bare, undated model become its aliases (the shipped snapshot and
     *     an updated catalog); a user's overrides are not folded, so that each names what it overrides
     * @throws IllegalArgumentException when an entry is not an object or a field has the wrong type
     */
    public static Converted convert(JsonNode root, String source, boolean fold) {
        String asOf = asOf(root);
        String sourceText = source;
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        Map<String, ObjectNode> fineTuned = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("sample_spec") || key.equals("last_updated")) {
                continue;
            }
            if (!value.isObject()) {
                throw new IllegalArgumentException("Model " + key + " of the LiteLLM price file must be an object");
            }
            if (value.hasNonNull("mode") && !MODES.contains(value.get("mode").asText())) {
                continue;
            }
            ObjectNode entry = entry(key, value, sourceText, asOf);
            if (key.regionMatches(true, 0, "ft:", 0, 3)) {
                fineTuned.put(key.substring(3).toLowerCase(Locale.ROOT), entry);
            } else {
                byKey.put(key, entry);
            }
        }
        int folded = fold ? fold(byKey) : 0;
        return new Converted(List.copyOf(byKey.values()), fineTuned, asOf, folded);
    }

    /** Folds entries equal to their bare model into its aliases; returns how many were folded. */
    private static int fold(Map<String, ObjectNode> byKey) {
        Map<String, String> foldedInto = new HashMap<>();
        // Dated bare ids first, so that a provider's dated entry can follow its bare dated entry to the family.
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.sort((a, b) -> Boolean.compare(a.contains("/"), b.contains("/")));
        for (String key : keys) {
            for (String candidate : familyOf(key)) {
                String target = foldedInto.getOrDefault(candidate, candidate);
                ObjectNode family = byKey.get(target);
                if (family != null && !target.equals(key) && !target.contains("/") && sameFigures(family, byKey.get(key))) {
                    foldedInto.put(key, target);
                    break;
                }
            }
        }
        foldedInto.forEach((key, target) -> {
            ObjectNode entry = byKey.remove(key);
            ArrayNode aliases = byKey.get(target).withArray("aliases");
            aliases.add(key);
            entry.path("aliases").forEach(aliases::add);
        });
        return foldedInto.size();
    }

    /** The bare ids an entry may be a copy of: without its provider route, then without its date. */
    private static List<String> familyOf(String key) {
        List<String> family = new ArrayList<>();
        String bare = key.substring(key.lastIndexOf('/') + 1);
        if (!bare.equals(key)) {
            family.add(bare);
        }
        String undated = COMPACT_DATE_SUFFIX.matcher(DASHED_DATE_SUFFIX.matcher(bare).replaceFirst("")).replaceFirst("");
        if (!undated.equals(bare)) {
            family.add(undated);
        }
        return family;
    }

    static boolean sameFigures(ObjectNode a, ObjectNode b) {
        return figures(a).equals(figures(b));
    }

    private static Map<String, JsonNode> figures(ObjectNode entry) {
        Map<String, JsonNode> figures = new HashMap<>();
        entry.fields().forEachRemaining(field -> {
            if (!IDENTITY_FREE.contains(field.getKey())) {
                figures.put(field.getKey(), field.getValue());
            }
        });
        return figures;
    }

    /** One LiteLLM entry as a catalog entry, with only the fields it gives. */
    private static ObjectNode entry(String key, JsonNode value, String source, String asOf) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("id", key);
        if (value.hasNonNull("litellm_provider")) {
            entry.put("provider", vendor(value.get("litellm_provider").asText()));
        }
        perMillion(key, value, "input_cost_per_token", entry, "input");
        perMillion(key, value, "cache_read_input_token_cost", entry, "cachedInput");
        perMillion(key, value, "cache_creation_input_token_cost", entry, "cacheWrite");
        perMillion(key, value, "output_cost_per_token", entry, "output");
        if (value.hasNonNull("max_input_tokens")) {
            entry.put("contextWindow", tokens(key, value, "max_input_tokens"));
        } else if (value.hasNonNull("max_tokens") && !value.hasNonNull("max_output_tokens")) {
            entry.put("contextWindow", tokens(key, value, "max_tokens"));
        }
        if (value.hasNonNull("max_output_tokens")) {
            entry.put("maxOutput", tokens(key, value, "max_output_tokens"));
        }
        if (value.hasNonNull("prompt_cache_min_tokens")) {
            entry.put("cacheMinTokens", tokens(key, value, "prompt_cache_min_tokens"));
        }
        if (value.hasNonNull("supports_reasoning")) {
            entry.put("reasoning", value.get("supports_reasoning").asBoolean(false));
        }
        if (value.hasNonNull("deprecation_date")) {
            String date = value.get("deprecation_date").asText();
            if (ISO_DATE.matcher(date).matches()) {
                entry.put("deprecationDate", date);
            }
        }
        if (value.hasNonNull("mode")) {
            entry.put("mode", value.get("mode").asText());
        }
        tier(key, value, entry);
        entry.put("source", source);
        if (asOf != null) {
            entry.put("asOf", asOf);
        }
        return entry;
    }

    /** The lowest of the {@code _above_<N>k_tokens} prices, as {@code aboveThreshold}. */
    private static void tier(String key, JsonNode value, ObjectNode entry) {
        int lowest = Integer.MAX_VALUE;
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            Matcher above = INPUT_ABOVE.matcher(names.next());
            if (above.matches()) {
                lowest = Math.min(lowest, Integer.parseInt(above.group(1)));
            }
        }
        if (lowest == Integer.MAX_VALUE) {
            return;
        }
        String suffix = "_above_" + lowest + "k_tokens";
        ObjectNode tier = JsonNodeFactory.instance.objectNode();
        tier.put("thresholdTokens", lowest * 1000);
        perMillion(key, value, "input_cost_per_token" + suffix, tier, "input");
        perMillion(key, value, "cache_read_input_token_cost" + suffix, tier, "cachedInput");
        if (!perMillion(key, value, "output_cost_per_token" + suffix, tier, "output")) {
            perMillion(key, value, "output_cost_per_token", tier, "output");
        }
        entry.set("aboveThreshold", tier);
    }

    /** Copies a per-token price as a per-1M price, exactly in decimal; returns whether the field was there. */
    private static boolean perMillion(String key, JsonNode value, String from, ObjectNode to, String name) {
        JsonNode price = value.get(from);
        if (price == null || price.isNull()) {
            return false;
        }
        if (!price.isNumber()) {
            throw new IllegalArgumentException("Field " + from + " of model " + key
                    + " in the LiteLLM price file must be a number");
        }
        BigDecimal perToken = price.isFloatingPointNumber() ? BigDecimal.valueOf(price.doubleValue())
                : price.decimalValue();
        to.put(name, perToken.movePointRight(6).doubleValue());
        return true;
    }

    private static int tokens(String key, JsonNode value, String field) {
        JsonNode count = value.get(field);
        if (!count.isNumber()) {
            throw new IllegalArgumentException("Field " + field + " of model " + key
                    + " in the LiteLLM price file must be a number");
        }
        return (int) Math.min(Integer.MAX_VALUE, count.asLong());
    }

    /**
     * Promptwise's provider of a LiteLLM provider: the maker whose caching and fine-tuning rules apply
     * ({@code openai}, {@code anthropic}, {@code google}), {@code azure} for Azure OpenAI, else LiteLLM's name.
     */
    static String vendor(String litellmProvider) {
        return switch (litellmProvider) {
            case "openai", "text-completion-openai", "chatgpt" -> "openai";
            case "azure", "azure_text" -> "azure";
            case "anthropic", "vertex_ai-anthropic_models" -> "anthropic";
            case "gemini", "vertex_ai-language-models", "vertex_ai-text-models", "vertex_ai-chat-models",
                    "vertex_ai-embedding-models" -> "google";
            default -> litellmProvider;
        };
    }
}
