package dev.promptwise.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pricing.file} in each of its shapes, LiteLLM's own among them, overriding the shipped catalog field by field. */
class PricingFilesTest {

    private static final PriceCatalog SHIPPED = PriceCatalog.bundled();

    @TempDir
    Path folder;

    @Test
    void aLiteLlmProxysOwnFileOverridesFieldByFieldAndAddsItsModels() throws IOException {
        // As a LiteLLM proxy keeps it: prices per token, its own negotiated input price for gpt-4o, a model of its own.
        Path file = Files.writeString(folder.resolve("model_prices_and_context_window.json"), """
                {
                  "sample_spec": {"input_cost_per_token": 0.0, "litellm_provider": "one of …", "mode": "one of …"},
                  "gpt-4o": {"input_cost_per_token": 2e-06},
                  "acme/llama-3-70b-ft": {"litellm_provider": "together_ai", "mode": "chat",
                    "input_cost_per_token": 9e-07, "output_cost_per_token": 9e-07, "max_input_tokens": 8192,
                    "max_output_tokens": 4096, "deprecation_date": "2027-01-31"},
                  "dall-e-3": {"litellm_provider": "openai", "mode": "image_generation", "output_cost_per_image": 0.04},
                  "ft:gpt-4o-mini-2024-07-18": {"input_cost_per_token": 2.5e-07, "output_cost_per_token": 1e-06}
                }
                """);
        PriceCatalog catalog = PricingFiles.apply(SHIPPED, file);
        ModelInfo gpt4o = catalog.resolve("gpt-4o").orElseThrow();
        ModelInfo shipped = SHIPPED.resolve("gpt-4o").orElseThrow();
        assertEquals(List.of(2.00, shipped.output(), shipped.cachedInput(), shipped.contextWindow()),
                List.of(gpt4o.input(), gpt4o.output(), gpt4o.cachedInput(), gpt4o.contextWindow()));
        assertEquals(shipped.fineTuning(), gpt4o.fineTuning(), "the overlay's facts stay");
        ModelInfo added = catalog.resolve("acme/llama-3-70b-ft").orElseThrow();
        assertEquals(List.of("together_ai", 0.9, 0.9, 8192, 4096, "2027-01-31"), List.of(added.provider(),
                added.input(), added.output(), added.contextWindow(), added.maxOutput(), added.deprecationDate()));
        assertTrue(catalog.resolve("dall-e-3").isEmpty(), "image models are not priced per token");
        assertTrue(catalog.resolve("sample_spec").isEmpty());
        assertEquals(SHIPPED.models().size() + 1, catalog.models().size());
        ModelInfo tuned = catalog.resolve("ft:gpt-4o-mini-2024-07-18:acme::abc").orElseThrow();
        assertEquals(List.of(0.25, 1.00), List.of(tuned.input(), tuned.output()), "the user's ft: prices win");
        assertEquals(SHIPPED.resolve("gpt-4o-mini").orElseThrow().fineTuning().training(),
                catalog.resolve("gpt-4o-mini").orElseThrow().fineTuning().training());
    }

    @Test
    void theOverlaysShapeAndAYamlMappingStillWork() throws IOException {
        Path json = Files.writeString(folder.resolve("prices.json"),
                "{\"models\": [{\"id\": \"gpt-4o\", \"output\": 9.0}]}");
        assertEquals(9.0, PricingFiles.apply(SHIPPED, json).resolve("gpt-4o").orElseThrow().output());
        Path yaml = Files.writeString(folder.resolve("prices.yaml"), "prod-4o:\n  model: gpt-4o\n  input: 2\n");
        ModelInfo deployment = PricingFiles.apply(SHIPPED, yaml).resolve("prod-4o").orElseThrow();
        assertEquals(List.of(2.0, SHIPPED.resolve("gpt-4o").orElseThrow().output()),
                List.of(deployment.input(), deployment.output()));
    }

    @Test
    void aBrokenLiteLlmFileIsRefusedWithTheModelNamed() throws IOException {
        Path file = Files.writeString(folder.resolve("prices.json"),
                "{\"gpt-4o\": {\"litellm_provider\": \"openai\", \"input_cost_per_token\": \"cheap\"}}");
        IOException refused = assertThrows(IOException.class, () -> PricingFiles.apply(SHIPPED, file));
        assertTrue(refused.getMessage().contains("gpt-4o") && refused.getMessage().contains("input_cost_per_token"),
                refused.getMessage());
    }
}
