package dev.promptwise.core.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.testing.TestWorkspace;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A strategy file's {@code models:} entry names a tokenizer file; prompts of that model are then counted with it,
 * exactly (no ≈), and priced on those counts. A file that cannot be used leaves the model estimated, as before.
 */
class TokenizerInStrategyTest {

    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final String PROMPT = "---\nname: t\n---\nsystem:\nRésumé the ticket below in one sentence, naïvely.\n"
            + "\nuser:\n{{ticket}}\n";

    private static String strategy(String tokenizer) {
        return """
                models:
                  groq/llama-3.3-70b-versatile: { tokenizer: %s }
                workloads:
                  w:
                    prompt: prompts/t.prompty
                    model: groq/llama-3.3-70b-versatile
                    traffic: { requestsPerDay: 1000, avgInputTokens: 50, avgOutputTokens: 20 }
                """.formatted(tokenizer);
    }

    @Test
    void aModelWithATokenizerFileIsCountedWithItExactly() throws IOException {
        TestWorkspace workspace = new TestWorkspace().with("promptwise.yaml", strategy("tokenizers/llama3.model"))
                .withBytes("tokenizers/llama3.model", TokenizerFileTest.cl100kTiktoken())
                .with("prompts/t.prompty", PROMPT);
        AnalyzedPrompt prompt = workspace.prompt("prompts/t.prompty");
        assertEquals("tokenizer:tokenizers/llama3.model", prompt.encoding());
        assertFalse(prompt.estimated(), "counted with the model's own tokenizer");
        int system = CL100K.countTokensOrdinary("Résumé the ticket below in one sentence, naïvely.\n");
        assertEquals(system, prompt.messageTokens(0));
        assertFalse(prompt.cost().orElseThrow().now().orElseThrow().estimated());
    }

    @Test
    void withoutItOrWithAFileThatCannotBeUsedTheModelIsAnEstimate() {
        TestWorkspace missing = new TestWorkspace().with("promptwise.yaml", strategy("tokenizers/none.model"))
                .with("prompts/t.prompty", PROMPT);
        AnalyzedPrompt prompt = missing.prompt("prompts/t.prompty");
        assertEquals("o200k_base", prompt.encoding());
        assertTrue(prompt.estimated());
        java.util.List<String> logged = new java.util.ArrayList<>();
        TestWorkspace broken = new TestWorkspace(dev.promptwise.core.catalog.PriceCatalog.bundled(), logged::add)
                .with("promptwise.yaml", strategy("tokenizers/bad.model"))
                .with("tokenizers/bad.model", "not a tokenizer\n").with("prompts/t.prompty", PROMPT);
        assertTrue(broken.prompt("prompts/t.prompty").estimated());
        broken.prompt("prompts/t.prompty");
        assertEquals(java.util.List.of("The tokenizer file tokenizers/bad.model of model 'groq/llama-3.3-70b-versatile'"
                + " cannot be used: line 1 is not '<base64 token> <rank>' (a tiktoken file such as Llama 3's"
                + " tokenizer.model) nor is the file tekken JSON. The model is counted with o200k_base, an estimate."),
                logged, "told once, not on every analysis");
        TestWorkspace outside = new TestWorkspace().with("promptwise.yaml", strategy("../llama3.model"))
                .with("prompts/t.prompty", PROMPT);
        assertTrue(outside.prompt("prompts/t.prompty").estimated(), "never read outside the workspace");
    }
}
