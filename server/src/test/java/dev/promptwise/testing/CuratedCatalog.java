package dev.promptwise.testing;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A catalog of a few bundled models with the bundled catalog's figures, for tests of what Promptwise says of a model
 * no catalog prices: since the catalog follows LiteLLM, retired models such as gpt-4, o1 and claude-3-opus are priced
 * again, so a test of the "did you mean" of a retired model prices the suggestions it expects and nothing else.
 */
public final class CuratedCatalog {

    /** The models of the hand-kept catalog before LiteLLM's snapshot (the overlay's models), all in one call. */
    public static final List<String> OVERLAY_MODELS = List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini",
            "gpt-4.1-nano", "o3", "o4-mini", "o3-mini", "gpt-5", "gpt-5-mini", "gpt-5-nano",
            "claude-sonnet-4-20250514", "claude-3-7-sonnet-20250219", "claude-3-5-haiku-20241022",
            "claude-opus-4-1-20250805", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.0-flash",
            "gemini-2.5-pro", "gpt-5.4", "gpt-5.4-mini", "gpt-5.4-nano", "claude-haiku-4.5", "claude-sonnet-4.5",
            "claude-sonnet-4.6", "claude-opus-4.5", "gemini-3.1-pro");

    private CuratedCatalog() {}

    /**
     * Returns a catalog of {@code ids}, each with the bundled catalog's provider, prices and tokenizer, and the
     * aliases the overlay gives it.
     */
    public static PriceCatalog of(List<String> ids) {
        java.util.Map<String, List<String>> overlayAliases = new java.util.HashMap<>();
        try (var stream = PriceCatalog.class.getResourceAsStream(PriceCatalog.OVERLAY_RESOURCE)) {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(stream).path("models").forEach(entry -> {
                List<String> aliases = new ArrayList<>();
                entry.path("aliases").forEach(alias -> aliases.add(alias.asText()));
                overlayAliases.put(entry.path("id").asText(), aliases);
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> entries = new ArrayList<>();
        for (String id : ids) {
            ModelInfo model = PriceCatalog.bundled().resolve(id).orElseThrow();
            java.util.Set<String> aliases = new java.util.LinkedHashSet<>(overlayAliases.getOrDefault(id, List.of()));
            model.aliases().stream().filter(alias -> alias.indexOf('/') < 0).forEach(aliases::add);
            entries.add(String.format(Locale.ROOT, "{\"id\": \"%s\", \"provider\": \"%s\", \"input\": %s,"
                    + " \"output\": %s, \"encoding\": \"%s\", \"exactTokens\": %s, \"contextWindow\": %d,"
                    + " \"aliases\": [%s]}",
                    model.id(), model.provider(), model.input(), model.output(), model.encoding(),
                    model.exactTokens(), model.contextWindow(), aliases.stream()
                            .map(alias -> "\"" + alias + "\"").collect(java.util.stream.Collectors.joining(", "))));
        }
        return PriceCatalog.parse("{\"models\": [" + String.join(", ", entries) + "]}");
    }
}
