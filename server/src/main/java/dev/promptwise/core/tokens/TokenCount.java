package dev.promptwise.core.tokens;

/**
 * The token count of a prompt as users see it: the text alone and with the chat format's overhead.
 *
 * @param text the tokenizer's count of the messages' contents
 * @param total {@code text} plus the chat format's per-message and reply-priming overhead
 * @param encoding the encoding that counted ({@code o200k_base}, {@code cl100k_base})
 * @param estimated whether the model's own tokenizer differs, so the figures are estimates (shown with ≈)
 */
public record TokenCount(int text, int total, String encoding, boolean estimated) {}
