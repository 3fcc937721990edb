package dev.promptwise.core.tokens;

import java.util.List;
import java.util.Locale;

/**
 * Maps a model id to the encoding that counts its tokens, because jtokkit's own model list stops at GPT-4o and
 * says nothing of other providers.
 */
public final class ModelEncodings {

    /** The encoding of a model and whether it is the model's own tokenizer. */
    public record ModelEncoding(String encoding, boolean estimated) {}

    /**
     * Id prefixes of the OpenAI families that use {@code cl100k_base}, as tiktoken's model table gives them: GPT-4
     * (not 4o, 4.1 or 4.5), GPT-3.5, the embedding models and the GPT-3 successors davinci-002 and babbage-002;
     * checked before the o200k families.
     */
    private static final List<String> CL100K_FAMILIES = List.of("gpt-4-", "gpt-3.5-turbo", "gpt-35-turbo",
            "gpt-3.5", "text-embedding-3-", "text-embedding-ada-002", "davinci-002", "babbage-002");

    /** Ids of the legacy completion models that use {@code p50k_base} (tiktoken). */
    private static final List<String> P50K_FAMILIES = List.of("text-davinci-002", "text-davinci-003", "code-davinci-",
            "code-cushman-");

    /** Ids of GPT-3's first models, which use {@code r50k_base} (tiktoken); matched whole or before a dash. */
    private static final List<String> R50K_MODELS = List.of("davinci", "curie", "babbage", "ada", "text-davinci-001",
            "text-curie-001", "text-babbage-001", "text-ada-001");

    /** Id prefixes of the OpenAI families that use {@code o200k_base}. */
    private static final List<String> O200K_FAMILIES = List.of(
            "gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-6", "gpt-oss", "o1", "o3", "o4", "codex");

    private ModelEncodings() {}

    /**
     * Returns the encoding for {@code modelId}. Provider prefixes ({@code openai/}, {@code azure/}), {@code ft:}
     * ids and case are ignored. OpenAI families get their own encoding, exact (o200k_base from gpt-4o on, cl100k_base
     * for gpt-4, gpt-3.5 and the embedding models, p50k_base and r50k_base for the legacy completion models); any
     * other id, {@code null} included, gets {@code o200k_base} marked estimated.
     */
    public static ModelEncoding forModel(String modelId) {
        String id = normalise(modelId);
        if (id.equals("gpt-4") || startsWithAny(id, CL100K_FAMILIES)) {
            return new ModelEncoding(TokenCounter.CL100K_BASE, false);
        }
        if (startsWithAny(id, P50K_FAMILIES)) {
            return new ModelEncoding(TokenCounter.P50K_BASE, false);
        }
        if (R50K_MODELS.contains(id)) {
            return new ModelEncoding(TokenCounter.R50K_BASE, false);
        }
        if (startsWithAny(id, O200K_FAMILIES)) {
            return new ModelEncoding(TokenCounter.O200K_BASE, false);
        }
        return new ModelEncoding(TokenCounter.O200K_BASE, true);
    }

    /** Returns whether {@code encoding} is one that {@link TokenCounters#forEncoding} counts with. */
    public static boolean isKnownEncoding(String encoding) {
        return TokenCounter.isKnownEncoding(encoding);
    }

    private static String normalise(String modelId) {
        if (modelId == null) {
            return "";
        }
        String id = modelId.strip().toLowerCase(Locale.ROOT);
        if (id.startsWith("ft:")) {
            int baseEnd = id.indexOf(':', 3);
            id = baseEnd < 0 ? id.substring(3) : id.substring(3, baseEnd);
        }
        int slash = id.lastIndexOf('/');
        if (slash >= 0) {
            id = id.substring(slash + 1);
        }
        return id.replace(' ', '-');
    }

    private static boolean startsWithAny(String id, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (id.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
