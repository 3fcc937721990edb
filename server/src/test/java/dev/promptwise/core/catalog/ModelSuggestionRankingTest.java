package dev.promptwise.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.testing.CuratedCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "did you mean" of an unknown model ranks the bundled catalog by family, tokenizer and price class before the
 * closeness of names, and says when the best it has is not like for like (issue 12, class D). Prices compared are
 * the input prices per 1M tokens: gpt-4 $30 and o1 $15 (genai-prices), gpt-4o $2.50, o3 $2 (the catalog). The
 * bundled catalog prices gpt-4, o1 and claude-3-opus again (LiteLLM lists them), so the ranking is shown over the
 * models of the hand-kept catalog ({@link CuratedCatalog}), as a user's catalog without them would rank.
 */
class ModelSuggestionRankingTest {

    private static final PriceCatalog CATALOG = CuratedCatalog.of(CuratedCatalog.OVERLAY_MODELS);

    private static List<String> ids(String unknown) {
        return CATALOG.suggestions(unknown);
    }

    private static ModelSuggestion best(String unknown) {
        return CATALOG.rankedSuggestions(unknown).get(0);
    }

    @Test
    void gpt4StaysInTheGpt4FamilyAndSaysItIsAnotherTokenizerAtATwelfthOfThePrice() {
        assertEquals(List.of("gpt-4o", "gpt-4.1", "gpt-5"), ids("gpt-4"));
        ModelSuggestion best = best("gpt-4");
        assertTrue(best.otherTokenizer(), "gpt-4 counts with cl100k_base, gpt-4o with o200k_base");
        assertEquals("cl100k_base", best.wantedEncoding());
        assertEquals(2.5 / 30, best.inputPriceRatio(), 1e-12);
        assertTrue(best.otherPriceClass());
        assertFalse(best.likeForLike());
    }

    @Test
    void o1BecomesO3OnlyBecauseNothingCloserExistsAndNotLikeForLike() {
        assertEquals(List.of("o3"), ids("o1"));
        ModelSuggestion best = best("o1");
        assertFalse(best.otherTokenizer(), "both o200k_base");
        assertEquals(2.0 / 15, best.inputPriceRatio(), 1e-12);
        assertFalse(best.likeForLike(), "7.5 times cheaper is another price class");
        // A smaller o-series model finds the small ones of the same price.
        assertEquals(List.of("o4-mini", "o3-mini"), ids("o1-mini"));
        assertTrue(best("o1-mini").likeForLike());
    }

    @Test
    void claude3OpusFindsTheOpusOfTheSamePrice() {
        List<String> found = ids("claude-3-opus");
        assertEquals("claude-opus-4-1-20250805", found.get(0));
        assertTrue(found.stream().allMatch(id -> id.contains("opus")), found.toString());
        assertTrue(best("claude-3-opus").likeForLike(), "$15 for $15");
    }

    @Test
    void geminiProFindsTheProModelsThoughTheirNamesAreFarApartAndSaysThePrice() {
        assertEquals(List.of("gemini-2.5-pro", "gemini-3.1-pro"), ids("gemini-pro"));
        ModelSuggestion best = best("gemini-pro");
        assertEquals(1.25 / 0.125, best.inputPriceRatio(), 1e-12);
        assertFalse(best.likeForLike(), "ten times the price");
    }

    @Test
    void aTypoFindsTheModelItMisspellsFirstAndLikeForLike() {
        assertEquals("gpt-4o-mini", ids("gpt4o-mini").get(0));
        assertEquals("gpt-4o-mini", ids("gpt-4o-mni").get(0));
        assertEquals("gpt-4o", ids("gpt4o").get(0));
        assertEquals("gemini-2.5-flash", ids("gemini-2.5-flsh").get(0));
        assertEquals("gpt-5-mini", ids("gpt-5-min").get(0));
        assertEquals("claude-sonnet-4-20250514", ids("claude-sonet-4").get(0));
        assertTrue(best("gpt4o-mini").likeForLike(), "nothing known of a typo's price or tokenizer to differ from");
    }

    @Test
    void aSmallerOrOtherVendorsModelNeverOutranksTheSameTier() {
        // gpt-4o-mini is nearer by name to gpt-4o-mni than any other mini, and every suggestion is a mini.
        assertTrue(ids("gpt-4o-mni").stream().allMatch(id -> id.endsWith("mini")), ids("gpt-4o-mni").toString());
        assertTrue(ids("gemini-1.5-flash").stream().allMatch(id -> id.contains("flash")));
        assertEquals("gemini-2.0-flash", ids("gemini-1.5-flash").get(0), "$0.10 is nearer $0.075 than $0.30 is");
    }

    @Test
    void theBundledCatalogOffersMainModelsNotAProvidersCopyOrAVariant() {
        PriceCatalog bundled = PriceCatalog.bundled();
        assertEquals(List.of("gemini-2.5-pro", "gemini-3.1-pro"), bundled.suggestions("gemini-pro").subList(0, 2));
        assertEquals("gpt-4o-mini", bundled.suggestions("gpt-4o-mni").get(0));
        for (String unknown : List.of("gemini-pro", "gpt-4o-mni", "claude-sonet-4", "gpt-9-ultra")) {
            assertTrue(bundled.suggestions(unknown).stream().noneMatch(id -> id.contains("/")
                    || id.contains("preview") || id.contains("audio")), bundled.suggestions(unknown).toString());
        }
        // A near-exact typo still finds the model it misspells, deprecated or not.
        assertEquals("claude-sonnet-4-20250514", bundled.suggestions("claude-sonet-4").get(0));
    }

    @Test
    void unrelatedNamesFindNothing() {
        assertEquals(List.of(), ids("completely-unrelated-model-name"));
        assertEquals(List.of(), ids(null));
        assertEquals(List.of(), ids(" "));
    }
}
