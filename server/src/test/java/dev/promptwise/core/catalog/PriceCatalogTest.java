package dev.promptwise.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.tokens.ModelEncodings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the bundled catalog (LiteLLM's snapshot of 2026-07-24 with Promptwise's overlay) against the dated facts
 * it was made from, and how ids, aliases and overrides resolve.
 */
class PriceCatalogTest {

    private static final PriceCatalog CATALOG = PriceCatalog.bundled();

    /**
     * Every model of shared/reference/model-facts.md with its figures, transcribed by hand: id, input, cached
     * input, cache write (NaN when the facts give none), output, context window, maximum output. Where LiteLLM's
     * snapshot of 2026-07-24 is newer than the facts it wins (docs/pricing.md, "Where the figures changed"): Gemini's
     * cached input is a tenth of the input price since Google's 2025 change (2.5 Flash 0.03, Flash-Lite 0.01, Pro
     * 0.125); Claude 3.7 Sonnet writes at most 64,000 tokens without the 128K-output beta header; and the models the
     * facts gave no limits for have LiteLLM's. The overlay keeps 400,000 for the gpt-5 family (LiteLLM's 272,000 is
     * the input limit) and 200,000 for Claude Sonnet 4 (LiteLLM's 1,000,000 is a beta window).
     */
    private static final Object[][] FACTS = {
        {"gpt-4o", 2.50, 1.25, Double.NaN, 10.00, 128_000, 16_384},
        {"gpt-4o-mini", 0.15, 0.075, Double.NaN, 0.60, 128_000, 16_384},
        {"gpt-4.1", 2.00, 0.50, Double.NaN, 8.00, 1_047_576, 32_768},
        {"gpt-4.1-mini", 0.40, 0.10, Double.NaN, 1.60, 1_047_576, 32_768},
        {"gpt-4.1-nano", 0.10, 0.025, Double.NaN, 0.40, 1_047_576, 32_768},
        {"o3", 2.00, 0.50, Double.NaN, 8.00, 200_000, 100_000},
        {"o4-mini", 1.10, 0.275, Double.NaN, 4.40, 200_000, 100_000},
        {"o3-mini", 1.10, 0.55, Double.NaN, 4.40, 200_000, 100_000},
        {"gpt-5", 1.25, 0.125, Double.NaN, 10.00, 400_000, 128_000},
        {"gpt-5-mini", 0.25, 0.025, Double.NaN, 2.00, 400_000, 128_000},
        {"gpt-5-nano", 0.05, 0.005, Double.NaN, 0.40, 400_000, 128_000},
        {"claude-sonnet-4-20250514", 3.00, 0.30, 3.75, 15.00, 200_000, 64_000},
        {"claude-3-7-sonnet-20250219", 3.00, 0.30, 3.75, 15.00, 200_000, 64_000},
        {"claude-3-5-haiku-20241022", 0.80, 0.08, 1.00, 4.00, 200_000, 8_192},
        {"claude-opus-4-1-20250805", 15.00, 1.50, 18.75, 75.00, 200_000, 32_000},
        {"gemini-2.5-flash", 0.30, 0.03, Double.NaN, 2.50, 1_048_576, 65_535},
        {"gemini-2.5-flash-lite", 0.10, 0.01, Double.NaN, 0.40, 1_048_576, 65_535},
        {"gemini-2.0-flash", 0.10, 0.025, Double.NaN, 0.40, 1_048_576, 8_192},
        {"gemini-2.5-pro", 1.25, 0.125, Double.NaN, 10.00, 1_048_576, 65_535},
        {"gpt-5.4", 2.50, 0.25, Double.NaN, 15.00, 1_050_000, 128_000},
        {"gpt-5.4-mini", 0.75, 0.075, Double.NaN, 4.50, 1_050_000, 128_000},
        {"gpt-5.4-nano", 0.20, 0.02, Double.NaN, 1.25, 1_050_000, 128_000},
        {"claude-haiku-4.5", 1.00, 0.10, 1.25, 5.00, 200_000, 64_000},
        {"claude-sonnet-4.5", 3.00, 0.30, 3.75, 15.00, 200_000, 64_000},
        {"claude-sonnet-4.6", 3.00, 0.30, 3.75, 15.00, 1_000_000, 64_000},
        {"claude-opus-4.5", 5.00, 0.50, 6.25, 25.00, 200_000, 64_000},
        {"gemini-3.1-pro", 2.00, 0.20, Double.NaN, 12.00, 1_048_576, 65_536},
    };

    @Test
    void everyModelOfTheFactsHasItsFigures() {
        List<String> wrong = new ArrayList<>();
        for (Object[] fact : FACTS) {
            String id = (String) fact[0];
            ModelInfo model = CATALOG.resolve(id).orElse(null);
            if (model == null) {
                wrong.add(id + " is missing");
                continue;
            }
            double cacheWrite = (double) fact[3];
            Double expectedCacheWrite = Double.isNaN(cacheWrite) ? null : cacheWrite;
            List<Object> expected = List.of(id, fact[1], fact[2], String.valueOf(expectedCacheWrite), fact[4], fact[5], fact[6]);
            List<Object> actual = List.of(model.id(), model.input(), model.cachedInput(),
                    String.valueOf(model.cacheWrite()), model.output(), model.contextWindow(), model.maxOutput());
            if (!expected.equals(actual)) {
                wrong.add("expected " + expected + " but the catalog has " + actual);
            }
        }
        assertEquals(List.of(), wrong);
        List<String> first = CATALOG.models().subList(0, FACTS.length).stream().map(ModelInfo::id).toList();
        assertEquals(java.util.Arrays.stream(FACTS).map(fact -> (String) fact[0]).toList(), first,
                "the overlay's models come first, in its order");
        assertTrue(CATALOG.models().size() > 900, "and LiteLLM's other models after them");
    }

    @Test
    void pricesAboveAThresholdFollowTheFacts() {
        ModelInfo geminiPro = CATALOG.resolve("gemini-2.5-pro").orElseThrow();
        assertEquals(new ModelInfo.PriceTier(200_000, 2.50, 0.25, 15.00), geminiPro.aboveThreshold());
        assertEquals(1.25, geminiPro.inputPriceFor(200_000));
        assertEquals(2.50, geminiPro.inputPriceFor(200_001));
        assertEquals(0.25, geminiPro.cachedInputPriceFor(250_000));
        assertEquals(0.125, geminiPro.cachedInputPriceFor(1_000));

        ModelInfo gpt54 = CATALOG.resolve("gpt-5.4").orElseThrow();
        assertEquals(new ModelInfo.PriceTier(272_000, 5.00, 0.50, 22.50), gpt54.aboveThreshold());
        assertEquals(22.50, gpt54.outputPriceFor(300_000));
        assertEquals(15.00, gpt54.outputPriceFor(1_000));

        ModelInfo geminiNext = CATALOG.resolve("gemini-3.1-pro").orElseThrow();
        assertEquals(new ModelInfo.PriceTier(200_000, 4.00, 0.40, 18.00), geminiNext.aboveThreshold());
        assertNull(CATALOG.resolve("gpt-4o").orElseThrow().aboveThreshold());
    }

    @Test
    void everyModelSaysWhetherAndHowItCanBeFineTunedWithItsSourceAndDate() {
        // OpenAI's fine-tuning guide and pricing: supervised and preference (DPO) for gpt-4o and the gpt-4.1 family,
        // reinforcement for o4-mini priced by the hour; nothing else in the catalog.
        List<String> supervisedAndPreference = List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini",
                "gpt-4.1-nano");
        for (String id : supervisedAndPreference) {
            ModelInfo.FineTuning fineTuning = CATALOG.resolve(id).orElseThrow().fineTuning();
            assertEquals(List.of("supervised", "preference"), fineTuning.methods(), id);
            assertTrue(fineTuning.source().contains("OpenAI"), id);
            assertEquals("2025-09-05", fineTuning.asOf(), id);
        }
        ModelInfo.FineTuning o4mini = CATALOG.resolve("o4-mini").orElseThrow().fineTuning();
        assertEquals(List.of("reinforcement"), o4mini.methods());
        assertEquals(100.0, o4mini.trainingPerHour());
        assertNull(o4mini.training());
        List<String> fineTunable = CATALOG.models().stream().filter(ModelInfo::fineTunable).map(ModelInfo::id)
                .toList();
        assertEquals(List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o4-mini"),
                fineTunable);
        for (String id : List.of("o3", "o3-mini", "gpt-5", "gpt-5-mini", "gpt-5.4", "claude-sonnet-4-20250514",
                "claude-sonnet-4.5", "claude-haiku-4.5", "gemini-2.5-flash", "gemini-2.5-pro")) {
            assertFalse(CATALOG.resolve(id).orElseThrow().fineTunable(), id);
        }
        assertEquals("Anthropic", CATALOG.provider("anthropic").name());
        assertFalse(CATALOG.provider("anthropic").fineTuningThroughApi());
        assertTrue(CATALOG.provider("openai").fineTuningThroughApi());
        assertFalse(CATALOG.provider("google").fineTuningThroughApi());
        assertEquals("acme", CATALOG.provider("acme").name());
    }

    @Test
    void theFineTuningFieldsAreReadTolerantly() {
        PriceCatalog catalog = PriceCatalog.parse("""
                {"models": [
                  {"id": "a", "fineTuning": {"input": 1, "output": 2, "methods": "Supervised"}},
                  {"id": "b", "fineTuning": {"input": 1, "output": 2, "methods": ["supervised", 3, "distillation"]}},
                  {"id": "c", "fineTuning": {"input": 1, "output": 2}}
                ],
                 "providers": {"acme": "not an object", "Zed": {"name": "Zed AI", "fineTuningThroughApi": "yes"}}}
                """);
        assertEquals(List.of("supervised"), catalog.resolve("a").orElseThrow().fineTuning().methods());
        assertEquals(List.of("supervised", "distillation"), catalog.resolve("b").orElseThrow().fineTuning().methods());
        assertEquals(List.of(), catalog.resolve("c").orElseThrow().fineTuning().methods());
        assertNull(catalog.resolve("c").orElseThrow().fineTuning().source());
        assertEquals("acme", catalog.provider("acme").name());
        assertEquals("Zed AI", catalog.provider("zed").name());
        assertFalse(catalog.provider("zed").fineTuningThroughApi());
        // A user catalog's entries keep the bundled provider facts.
        assertEquals("Anthropic", PriceCatalog.bundled().withOverrides(catalog).provider("anthropic").name());
    }

    @Test
    void fineTuningPricesFollowTheFacts() {
        ModelInfo.FineTuning mini = CATALOG.resolve("gpt-4o-mini").orElseThrow().fineTuning();
        assertEquals(new ModelInfo.FineTuning(3.00, 0.30, 0.15, 1.20, "fine-tuned inference is 2x the base price", null,
                "gpt-4o-mini-2024-07-18", mini.methods(), mini.source(), mini.asOf()), mini);
        ModelInfo.FineTuning four = CATALOG.resolve("gpt-4o").orElseThrow().fineTuning();
        assertEquals(new ModelInfo.FineTuning(25.00, 3.75, 1.875, 15.00, "fine-tuned inference is 1.5x the base price",
                null, "gpt-4o-2024-08-06", four.methods(), four.source(), four.asOf()), four);
        for (Object[] fact : new Object[][] {
            {"gpt-4.1", 25.00, 3.00, 0.75, 12.00}, {"gpt-4.1-mini", 5.00, 0.80, 0.20, 3.20},
            {"gpt-4.1-nano", 1.50, 0.20, 0.05, 0.80}
        }) {
            ModelInfo.FineTuning fineTuning = CATALOG.resolve((String) fact[0]).orElseThrow().fineTuning();
            assertEquals(List.of(fact[1], fact[2], fact[3], fact[4]),
                    List.of(fineTuning.training(), fineTuning.input(), fineTuning.cachedInput(), fineTuning.output()));
            assertTrue(fineTuning.note().contains("unconfirmed"), fineTuning.note());
        }
        ModelInfo.FineTuning reinforcement = CATALOG.resolve("o4-mini").orElseThrow().fineTuning();
        assertNull(reinforcement.training());
        assertEquals(100.00, reinforcement.trainingPerHour());
        assertEquals(List.of(4.00, 1.00, 16.00),
                List.of(reinforcement.input(), reinforcement.cachedInput(), reinforcement.output()));
        assertNull(CATALOG.resolve("claude-sonnet-4.5").orElseThrow().fineTuning());
    }

    @Test
    void everyEntryNamesItsSourceAndDate() {
        Pattern date = Pattern.compile("\\d{4}(-\\d{2}-\\d{2})?");
        for (ModelInfo model : CATALOG.models()) {
            assertNotNull(model.source(), model.id());
            assertFalse(model.source().isBlank(), model.id());
            assertTrue(model.asOf() != null && date.matcher(model.asOf()).matches(), model.id() + ": " + model.asOf());
        }
    }

    @Test
    void everyEntryHasAnEncodingThatModelEncodingsKnows() {
        for (ModelInfo model : CATALOG.models()) {
            assertTrue(ModelEncodings.isKnownEncoding(model.encoding()), model.id() + ": " + model.encoding());
            ModelEncodings.ModelEncoding mapped = ModelEncodings.forModel(model.id());
            assertEquals(mapped.encoding(), model.encoding(), model.id());
            assertEquals(!mapped.estimated(), model.exactTokens(), model.id());
        }
        for (Object[] fact : FACTS) {
            ModelInfo model = CATALOG.resolve((String) fact[0]).orElseThrow();
            assertEquals(model.provider().equals("openai"), model.exactTokens(), model.id());
        }
    }

    @Test
    void providerPrefixesResolve() {
        assertResolves("gpt-4o", "openai/gpt-4o", "azure/gpt-4o", "github/gpt-4o", "OpenAI/GPT-4o");
        assertResolves("claude-sonnet-4-20250514", "anthropic/claude-sonnet-4-20250514", "anthropic/claude-sonnet-4",
                "vertexai/claude-sonnet-4@20250514");
        assertResolves("gemini-2.5-flash", "googleai/gemini-2.5-flash", "vertexai/gemini-2.5-flash",
                "models/gemini-2.5-flash");
        assertResolves("gpt-4.1-mini", "openai/gpt-4.1-mini");
    }

    @Test
    void datedIdsResolveToTheirModel() {
        assertResolves("gpt-4o", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20");
        assertResolves("gpt-4o-mini", "gpt-4o-mini-2024-07-18");
        assertResolves("gpt-5", "gpt-5-2025-08-07");
        assertResolves("claude-sonnet-4.5", "claude-sonnet-4-5-20250929", "claude-sonnet-4-5");
        assertResolves("claude-3-5-haiku-20241022", "claude-3-5-haiku-latest");
    }

    @Test
    void fineTunedIdsResolveByTheirBaseWithFineTunedPrices() {
        ModelInfo fineTuned = CATALOG.resolve("ft:gpt-4o-mini-2024-07-18:acme:triage:AbC123").orElseThrow();
        assertEquals("ft:gpt-4o-mini-2024-07-18:acme:triage:AbC123", fineTuned.id());
        assertEquals(List.of(0.30, 0.15, 1.20), List.of(fineTuned.input(), fineTuned.cachedInput(), fineTuned.output()));
        assertEquals(128_000, fineTuned.contextWindow());
        assertTrue(CATALOG.resolve("ft:gpt-4.1-2025-04-14:acme::xyz").isPresent());
        assertTrue(CATALOG.resolve("ft:no-such-model:acme::xyz").isEmpty());
    }

    @Test
    void vsCodeDisplayNamesResolve() {
        assertResolves("gpt-4o", "GPT-4o");
        assertResolves("gpt-4.1", "GPT-4.1");
        assertResolves("claude-sonnet-4-20250514", "Claude Sonnet 4");
        assertResolves("claude-sonnet-4.5", "Claude Sonnet 4.5");
        assertResolves("gemini-2.5-pro", "Gemini 2.5 Pro");
        assertResolves("o4-mini", "o4-mini (Preview)");
        assertResolves("gpt-5-mini", "GPT-5 mini (Preview)");
        assertResolves("claude-3-7-sonnet-20250219", "Claude Sonnet 3.7");
    }

    @Test
    void unknownIdsResolveToNothingAndGetSuggestions() {
        assertTrue(CATALOG.resolve("gpt-9-ultra").isEmpty());
        assertTrue(CATALOG.resolve(null).isEmpty());
        assertTrue(CATALOG.resolve("  ").isEmpty());
        assertEquals("gpt-4o-mini", CATALOG.suggestions("gpt-4o-mni").get(0));
        assertEquals("gpt-4o", CATALOG.suggestions("gpt4o").get(0));
        assertEquals("gemini-2.5-flash", CATALOG.suggestions("gemini-2.5-flsh").get(0));
        assertTrue(CATALOG.suggestions("gpt-5-min").size() <= 3);
        assertEquals(List.of(), CATALOG.suggestions("completely-unrelated-model-name"));
        assertEquals(List.of(), CATALOG.suggestions(null));
    }

    @Test
    void userEntriesOverrideFieldByFieldAndAddModels() {
        PriceCatalog user = PriceCatalog.parse("""
                {"gpt-4o": {"input": 2.00, "aliases": ["team-default"], "fineTuning": {"training": 20.0}},
                 "acme-ft-triage": {"input": 0.30, "cachedInput": 0.15, "output": 1.20, "contextWindow": 128000,
                                    "encoding": "o200k_base", "asOf": "2026-11-01"}}
                """);
        PriceCatalog merged = CATALOG.withOverrides(user);

        ModelInfo gpt4o = merged.resolve("team-default").orElseThrow();
        assertEquals("gpt-4o", gpt4o.id());
        assertEquals(2.00, gpt4o.input());
        assertEquals(10.00, gpt4o.output(), "fields the user leaves out keep the bundled figure");
        assertEquals(20.0, gpt4o.fineTuning().training());
        assertEquals(3.75, gpt4o.fineTuning().input());
        assertTrue(gpt4o.aliases().contains("gpt-4o-2024-08-06"));

        ModelInfo added = merged.resolve("acme-ft-triage").orElseThrow();
        assertEquals(List.of(0.30, 0.15, 1.20, 128_000), List.of(added.input(), added.cachedInput(), added.output(),
                added.contextWindow()));
        assertEquals("user catalog", added.source());
        assertTrue(added.exactTokens(), "a user who names the encoding gets exact counts");
        assertEquals(CATALOG.models().size() + 1, merged.models().size());
        assertEquals(2.50, CATALOG.resolve("gpt-4o").orElseThrow().input(), "the bundled catalog is unchanged");
    }

    @Test
    void userCatalogInTheBundledShapeAndFromAMappingParse() {
        PriceCatalog listed = PriceCatalog.parse("{\"models\": [{\"id\": \"local-llama\", \"input\": 0, \"output\": 0}]}");
        ModelInfo llama = listed.resolve("local-llama").orElseThrow();
        assertEquals("o200k_base", llama.encoding());
        assertFalse(llama.exactTokens());

        PriceCatalog mapped = PriceCatalog.fromMapping(Map.of("acme", Map.of("input", 1, "output", 2)));
        assertEquals(2.0, mapped.resolve("ACME").orElseThrow().output());
    }

    @Test
    void brokenUserCatalogsAreRejectedWithTheFieldNamed() {
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> PriceCatalog.parse("{\"acme\": {\"input\": \"cheap\"}}"));
        assertTrue(wrongType.getMessage().contains("input") && wrongType.getMessage().contains("acme"),
                wrongType.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PriceCatalog.parse("{not json"));
        assertThrows(IllegalArgumentException.class, () -> PriceCatalog.parse("{\"models\": [{\"input\": 1}]}"));
    }

    @Test
    void bundledCatalogIsLoadedOnce() {
        assertSame(PriceCatalog.bundled(), PriceCatalog.bundled());
    }

    @Test
    void theBundledCatalogIsWhatItsSourcesGive() throws java.io.IOException {
        PriceCatalog fromSources = PriceCatalog.fromSources(resource(PriceCatalog.SNAPSHOT_RESOURCE),
                resource(PriceCatalog.OVERLAY_RESOURCE));
        assertEquals(fromSources.models(), CATALOG.models(), "catalog.tsv is the sources, compacted by the build");
        assertEquals(fromSources.info(), CATALOG.info());
        assertEquals(new PriceCatalog.CatalogInfo(PriceCatalog.SHIPPED_SOURCE, "2026-07-24", CATALOG.models().size()),
                CATALOG.info());
        assertEquals(fromSources.provider("openai"), CATALOG.provider("openai"));
    }

    @Test
    void everyOverlayEntryNamesItsSourceAndDate() throws java.io.IOException {
        var overlay = new com.fasterxml.jackson.databind.ObjectMapper().readTree(resource(PriceCatalog.OVERLAY_RESOURCE));
        Pattern day = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
        for (var entry : overlay.path("models")) {
            assertFalse(entry.path("source").asText().isBlank(), entry.toString());
            assertTrue(day.matcher(entry.path("asOf").asText()).matches(), entry.path("id").asText());
        }
        overlay.path("providers").forEach(provider -> assertFalse(provider.path("source").asText().isBlank()));
    }

    @Test
    void openAiModelsAreCountedWithTheirOwnTokenizerExactly() {
        Map<String, String> expected = Map.of("gpt-4", "cl100k_base", "gpt-3.5-turbo", "cl100k_base",
                "text-embedding-3-small", "cl100k_base", "gpt-4o", "o200k_base", "gpt-4.1", "o200k_base",
                "o3", "o200k_base", "gpt-5", "o200k_base", "davinci-002", "cl100k_base");
        expected.forEach((id, encoding) -> {
            ModelInfo model = CATALOG.resolve(id).orElseThrow();
            assertEquals(List.of(encoding, true), List.of(model.encoding(), model.exactTokens()), id);
        });
        assertFalse(CATALOG.resolve("claude-sonnet-4.5").orElseThrow().exactTokens(), "Claude is estimated");
    }

    @Test
    void aDatedSnapshotPricedOtherwiseIsAModelOfItsOwn() {
        ModelInfo may = CATALOG.resolve("gpt-4o-2024-05-13").orElseThrow();
        assertEquals(List.of("gpt-4o-2024-05-13", 5.00, 15.00), List.of(may.id(), may.input(), may.output()));
        // A snapshot with gpt-4o's own figures is one of its names.
        assertEquals("gpt-4o", CATALOG.resolve("gpt-4o-2024-08-06").orElseThrow().id());
    }

    @Test
    void providerRoutesResolveToTheProvidersPriceWhenItDiffers() {
        assertResolves("gpt-4o", "azure/gpt-4o", "openai/gpt-4o");
        ModelInfo europe = CATALOG.resolve("azure/eu/gpt-4o-2024-08-06").orElseThrow();
        assertEquals(List.of("azure/eu/gpt-4o-2024-08-06", "azure", 2.75, 11.00),
                List.of(europe.id(), europe.provider(), europe.input(), europe.output()));
        assertResolves("claude-opus-4.5", "vertex_ai/claude-opus-4-5", "anthropic/claude-opus-4-5");
        assertResolves("anthropic.claude-3-5-haiku-20241022-v1:0", "bedrock/anthropic.claude-3-5-haiku-20241022-v1:0");
        assertEquals("google", CATALOG.resolve("vertex_ai/gemini-2.5-pro").orElseThrow().provider());
        assertTrue(CATALOG.resolve("groq/llama-3.3-70b-versatile").isPresent());
        assertTrue(CATALOG.resolve("text-embedding-3-small").isPresent());
    }

    @Test
    void aFineTunedIdWithoutOverlayPricesTakesLiteLlmsFineTunedEntry() {
        ModelInfo tuned = CATALOG.resolve("ft:gpt-3.5-turbo:acme::abc123").orElseThrow();
        assertEquals(List.of(3.00, 6.00), List.of(tuned.input(), tuned.output()));
        assertFalse(tuned.fineTunable(), "the overlay does not say gpt-3.5-turbo can still be fine-tuned");
        ModelInfo mini = CATALOG.resolve("ft:gpt-4o-mini-2024-07-18:acme::abc123").orElseThrow();
        assertEquals(List.of(0.30, 1.20), List.of(mini.input(), mini.output()));
    }

    @Test
    void aDeploymentNameMapsToItsModel() {
        PriceCatalog merged = CATALOG.withOverrides(PriceCatalog.fromMapping(Map.of(
                "support-gpt4o-prod", Map.of("model", "gpt-4o"),
                "cheap-deployment", Map.of("model", "gpt-4o-mini", "input", 0.1))));
        ModelInfo prod = merged.resolve("support-gpt4o-prod").orElseThrow();
        ModelInfo gpt4o = CATALOG.resolve("gpt-4o").orElseThrow();
        assertEquals(List.of("support-gpt4o-prod", gpt4o.input(), gpt4o.output(), gpt4o.contextWindow(), "o200k_base", true),
                List.of(prod.id(), prod.input(), prod.output(), prod.contextWindow(), prod.encoding(), prod.exactTokens()));
        ModelInfo cheap = merged.resolve("cheap-deployment").orElseThrow();
        assertEquals(List.of(0.1, CATALOG.resolve("gpt-4o-mini").orElseThrow().output()),
                List.of(cheap.input(), cheap.output()));
        assertEquals(gpt4o, merged.resolve("gpt-4o").orElseThrow(), "the model itself is unchanged");
    }

    @Test
    void aPriceForOneProvidersRouteLeavesTheModelAlone() {
        PriceCatalog merged = CATALOG.withOverrides(PriceCatalog.fromMapping(Map.of("azure/gpt-4o",
                Map.of("input", 2.0))));
        assertEquals(2.0, merged.resolve("azure/gpt-4o").orElseThrow().input());
        assertEquals(2.5, merged.resolve("gpt-4o").orElseThrow().input());
        assertEquals(CATALOG.resolve("gpt-4o").orElseThrow().output(), merged.resolve("azure/gpt-4o").orElseThrow().output());
    }

    private static String resource(String name) throws java.io.IOException {
        try (var stream = PriceCatalog.class.getResourceAsStream(name)) {
            return new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void assertResolves(String expectedId, String... ids) {
        for (String id : ids) {
            assertEquals(expectedId, CATALOG.resolve(id).map(ModelInfo::id).orElse("nothing"), id);
        }
    }
}
