package dev.promptwise.core.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.tokens.ModelEncodings.ModelEncoding;
import org.junit.jupiter.api.Test;

/** Checks which encoding counts each model family, and that other providers' counts are marked estimated. */
class ModelEncodingsTest {

    private static final ModelEncoding O200K = new ModelEncoding("o200k_base", false);
    private static final ModelEncoding CL100K = new ModelEncoding("cl100k_base", false);
    private static final ModelEncoding ESTIMATE = new ModelEncoding("o200k_base", true);

    @Test
    void newerOpenAiFamiliesUseO200k() {
        for (String model : new String[] {
            "gpt-4o", "gpt-4o-mini-2024-07-18", "gpt-4.1", "gpt-4.1-nano", "o1", "o3", "o3-mini", "o4-mini",
            "gpt-5", "gpt-5-mini", "gpt-5.4", "gpt-5.4-nano", "openai/gpt-4o", "GPT-4.1", "o4-mini (Preview)",
            "ft:gpt-4o-mini-2024-07-18:acme:triage:abc123"
        }) {
            assertEquals(O200K, ModelEncodings.forModel(model), model);
        }
    }

    @Test
    void olderOpenAiFamiliesUseCl100k() {
        for (String model : new String[] {"gpt-4", "gpt-4-turbo", "gpt-4-0613", "gpt-3.5-turbo", "azure/gpt-35-turbo",
            "text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002", "davinci-002", "babbage-002",
            "gpt-3.5-turbo-instruct", "ft:gpt-3.5-turbo:acme::x"}) {
            assertEquals(CL100K, ModelEncodings.forModel(model), model);
        }
    }

    @Test
    void legacyCompletionModelsUseP50kOrR50k() {
        for (String model : new String[] {"text-davinci-003", "text-davinci-002", "code-davinci-002"}) {
            assertEquals(new ModelEncoding("p50k_base", false), ModelEncodings.forModel(model), model);
        }
        for (String model : new String[] {"davinci", "curie", "text-ada-001", "text-davinci-001"}) {
            assertEquals(new ModelEncoding("r50k_base", false), ModelEncodings.forModel(model), model);
        }
    }

    @Test
    void theLegacyEncodingsCountAsTiktokenDoes() {
        // The counter gives what jtokkit's own encoder of each vocabulary (tiktoken's files) gives, in all four.
        String text = "Summarise the ticket below in one sentence.";
        TokenCounters counters = new TokenCounters();
        for (String encoding : new String[] {"p50k_base", "r50k_base", "cl100k_base", "o200k_base"}) {
            assertEquals(true, TokenCounter.isKnownEncoding(encoding), encoding);
            int count = counters.forEncoding(encoding).count(text);
            assertEquals(com.knuddels.jtokkit.Encodings.newDefaultEncodingRegistry().getEncoding(encoding)
                    .orElseThrow().countTokens(text), count, encoding);
        }
    }

    @Test
    void otherModelsAreEstimatedWithO200k() {
        for (String model : new String[] {"claude-sonnet-4-20250514", "gemini-2.5-pro", "Claude Sonnet 4", "llama-3", ""}) {
            assertEquals(ESTIMATE, ModelEncodings.forModel(model), model);
        }
        assertEquals(ESTIMATE, ModelEncodings.forModel(null));
    }
}
