package dev.promptwise.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The choice of the base model a fine-tuned alternative is priced on (docs/cost-model.md, "The base model"): the
 * declared one, else the workload's own when fine-tunable, else none with a reason; and the base a fix scaffolds.
 */
class FineTunablesTest {

    private static final PriceCatalog CATALOG = PriceCatalog.bundled();

    private static ModelInfo model(String id) {
        return CATALOG.resolve(id).orElseThrow();
    }

    @Test
    void aDeclaredFineTunableBaseModelWinsOverTheOwnModel() {
        FineTunables.Choice choice = FineTunables.choose(CATALOG, model("claude-sonnet-4.5"), "gpt-4o-mini-2024-07-18");
        assertEquals("gpt-4o-mini", choice.base().id());
        assertTrue(choice.declared());
        assertNull(choice.reason());
        assertEquals("gpt-4.1", FineTunables.choose(CATALOG, model("gpt-4o"), "gpt-4.1").base().id());
    }

    @Test
    void withoutADeclaredBaseTheOwnModelWhenItsProviderFineTunesIt() {
        FineTunables.Choice choice = FineTunables.choose(CATALOG, model("gpt-4o"), null);
        assertEquals("gpt-4o", choice.base().id());
        assertFalse(choice.declared());
        assertEquals("o4-mini", FineTunables.choose(CATALOG, model("o4-mini"), " ").base().id());
    }

    @Test
    void otherwiseThereIsNoBaseModelAndTheReasonSaysWhy() {
        FineTunables.Choice claude = FineTunables.choose(CATALOG, model("claude-sonnet-4.5"), null);
        assertFalse(claude.present());
        assertEquals("claude-sonnet-4.5 cannot be fine-tuned through Anthropic's API, so there is no fine-tuned"
                + " alternative; declare fineTuning.baseModel to compare with a fine-tunable model.", claude.reason());
        assertEquals("o3 cannot be fine-tuned through OpenAI's API, so there is no fine-tuned alternative; declare"
                + " fineTuning.baseModel to compare with a fine-tunable model (of OpenAI's, the closest are gpt-4.1,"
                + " gpt-4o and o4-mini).", FineTunables.choose(CATALOG, model("o3"), null).reason());
        assertTrue(FineTunables.choose(CATALOG, model("gemini-2.5-flash"), null).reason()
                .startsWith("gemini-2.5-flash cannot be fine-tuned at a known price: this catalog has no sourced tuning"
                        + " price for Gemini models"));
        FineTunables.Choice declaredClaude = FineTunables.choose(CATALOG, model("gpt-4o"), "claude-sonnet-4-20250514");
        assertFalse(declaredClaude.present());
        assertTrue(declaredClaude.declared());
        assertEquals("claude-sonnet-4-20250514 cannot be fine-tuned through Anthropic's API, so no fine-tuned cost is"
                + " computed: Anthropic's API offers no fine-tuning of Claude models.", declaredClaude.reason());
        assertEquals("The fine-tuning base model llama-9 is not in the price catalog, so no fine-tuned cost is"
                + " computed.", FineTunables.choose(CATALOG, model("gpt-4o"), "llama-9").reason());
        assertFalse(FineTunables.choose(CATALOG, null, null).present());
    }

    @Test
    void aFixScaffoldsTheOwnModelElseTheProvidersCheapestElseNothing() {
        assertEquals(Optional.of("gpt-4o"), FineTunables.forScaffold(CATALOG, model("gpt-4o"), null));
        assertEquals(Optional.of("gpt-4.1"), FineTunables.forScaffold(CATALOG, model("claude-sonnet-4.5"), "gpt-4.1"));
        // Fine-tuned gpt-4.1-nano is $0.20 + $0.80 per 1M tokens, the least of OpenAI's supervised models.
        assertEquals(Optional.of("gpt-4.1-nano"), FineTunables.forScaffold(CATALOG, model("o3"), null));
        assertEquals(Optional.of("gpt-4.1-nano"), FineTunables.forScaffold(CATALOG, model("gpt-5"), null));
        assertEquals(Optional.empty(), FineTunables.forScaffold(CATALOG, model("claude-sonnet-4.5"), null));
        assertEquals(Optional.empty(), FineTunables.forScaffold(CATALOG, model("gemini-2.5-pro"), null));
        assertEquals(Optional.empty(), FineTunables.forScaffold(CATALOG, null, null));
    }

    @Test
    void theClosestFineTunableModelsAreOfTheSameProviderByListPrice() {
        assertEquals(List.of("gpt-4.1", "gpt-4o", "o4-mini"),
                FineTunables.closest(CATALOG, model("o3")).stream().map(ModelInfo::id).toList());
        assertEquals(List.of(), FineTunables.closest(CATALOG, model("claude-opus-4.5")));
        // A user's own fine-tunable model of another provider is a candidate for its own provider only.
        PriceCatalog withAcme = CATALOG.withOverrides(PriceCatalog.parse("""
                {"acme-large": {"provider": "acme", "input": 1, "output": 2},
                 "acme-small": {"provider": "acme", "input": 0.1, "output": 0.2,
                                "fineTuning": {"input": 0.2, "output": 0.4, "training": 1}}}
                """));
        assertEquals(List.of("acme-small"), FineTunables.closest(withAcme, withAcme.resolve("acme-large").orElseThrow())
                .stream().map(ModelInfo::id).toList());
        assertEquals("acme-large has no fine-tuning prices in the price catalog",
                FineTunables.cannotBeFineTuned(withAcme, withAcme.resolve("acme-large").orElseThrow()));
    }
}
