package dev.promptwise.core.catalog;

import java.util.Map;

/**
 * Models that prompts still name but the price catalog no longer lists (retired or superseded), with the tokenizer
 * and the input price they had, so that a "did you mean" can say how far its suggestion is from what was meant: the
 * unknown {@code gpt-4} counted with {@code cl100k_base} at $30 per 1M input tokens, not gpt-4o's $2.50.
 *
 * <p>Source: the last published list prices in pydantic/genai-prices {@code data.json} (v2, commit of
 * 2026-08-21) and BerriAI/litellm {@code model_prices_and_context_window.json} (2026-07-24), USD per 1M input
 * tokens; encodings from OpenAI's tiktoken model table. Used only to rank and word suggestions, never to price.
 */
final class RetiredModels {

    /** What Promptwise remembers of a model it no longer prices. */
    record Retired(String encoding, double inputPrice) {}

    private static final String CL100K = "cl100k_base";
    private static final String O200K = "o200k_base";

    /** By normalised id; {@code null} encoding where the provider's own tokenizer is not available. */
    private static final Map<String, Retired> BY_ID = Map.ofEntries(
            Map.entry("gpt-4", new Retired(CL100K, 30)),
            Map.entry("gpt-4-32k", new Retired(CL100K, 60)),
            Map.entry("gpt-4-turbo", new Retired(CL100K, 10)),
            Map.entry("gpt-4-turbo-preview", new Retired(CL100K, 10)),
            Map.entry("gpt-3.5-turbo", new Retired(CL100K, 0.5)),
            Map.entry("o1", new Retired(O200K, 15)),
            Map.entry("o1-preview", new Retired(O200K, 15)),
            Map.entry("o1-mini", new Retired(O200K, 1.1)),
            Map.entry("o1-pro", new Retired(O200K, 150)),
            Map.entry("claude-2", new Retired(null, 8)),
            Map.entry("claude-3-opus", new Retired(null, 15)),
            Map.entry("claude-3-sonnet", new Retired(null, 3)),
            Map.entry("claude-3-haiku", new Retired(null, 0.25)),
            Map.entry("claude-3-5-sonnet", new Retired(null, 3)),
            Map.entry("claude-opus-4", new Retired(null, 15)),
            Map.entry("gemini-pro", new Retired(null, 0.125)),
            Map.entry("gemini-1.0-pro", new Retired(null, 0.125)),
            Map.entry("gemini-1.5-pro", new Retired(null, 1.25)),
            Map.entry("gemini-1.5-flash", new Retired(null, 0.075)));

    private RetiredModels() {}

    /** Returns what is remembered of {@code normalisedId} (date and {@code -latest} suffixes ignored), or null. */
    static Retired find(String normalisedId) {
        String id = normalisedId.replaceFirst("-\\d{4}-\\d{2}-\\d{2}$", "").replaceFirst("-\\d{8}$", "")
                .replaceFirst("-(latest|\\d{3})$", "");
        return BY_ID.get(id);
    }
}
