package dev.promptwise.core.catalog;

/**
 * What the catalog knows about a provider as a whole: its name as people write it, and whether its own API offers
 * fine-tuning, with the source and date of that fact.
 *
 * @param id the provider's id in the catalog ({@code openai}, {@code anthropic}, {@code google})
 * @param name the provider's name as people write it ({@code OpenAI}); the id when the catalog gives none
 * @param fineTuningThroughApi whether the provider's own API fine-tunes any model the catalog prices
 * @param fineTuningNote a sentence on the provider's fine-tuning a message can quote, or {@code null}
 * @param source where the fine-tuning fact comes from, or {@code null}
 * @param asOf the date of that fact, {@code YYYY-MM-DD}, or {@code null}
 */
public record ProviderInfo(
        String id, String name, boolean fineTuningThroughApi, String fineTuningNote, String source, String asOf) {

    /** Returns what the catalog assumes of a provider it has no entry for: named by its id, no known fine-tuning. */
    public static ProviderInfo unknown(String id) {
        return new ProviderInfo(id, id, false, null, null, null);
    }
}
