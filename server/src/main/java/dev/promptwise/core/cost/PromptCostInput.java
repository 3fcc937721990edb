package dev.promptwise.core.cost;

/**
 * The token counts of one prompt that the cost model needs, counted by the caller with the model's tokenizer, so
 * that pricing never depends on parsing or tokenizing.
 *
 * @param staticTokens tokens of the prompt's text with its template variables left out, over every message,
 *     examples and format instructions included, message overhead excluded
 * @param messageCount messages the prompt sends (each costs 3 tokens of chat overhead)
 * @param exampleTokens tokens of the few-shot examples, already counted in {@code staticTokens}
 * @param exampleCount number of few-shot examples
 * @param formatInstructionTokens tokens of the instructions that describe the output format, already counted in
 *     {@code staticTokens}; a fine-tuned model learns the format when the output format is strict
 * @param cacheablePrefixTokens tokens at the start of the request that are the same on every request (the static
 *     text before the first variable, with the overhead of its messages), as the prompt is written now
 * @param prefixTokensIfReordered the same count once the variables are moved after the static text
 * @param exampleMessageCount messages that hold only examples (user/assistant pairs before the last user message);
 *     they disappear with the examples. Zero when the examples are written inside another message's text.
 * @param attachmentsEstimated whether {@code staticTokens} holds estimated counts of tool definitions or images, so
 *     that every figure built on it is an estimate
 */
public record PromptCostInput(
        int staticTokens,
        int messageCount,
        int exampleTokens,
        int exampleCount,
        int formatInstructionTokens,
        int cacheablePrefixTokens,
        int prefixTokensIfReordered,
        int exampleMessageCount,
        boolean attachmentsEstimated) {

    /** Creates the input of a prompt without estimated attachments. */
    public PromptCostInput(
            int staticTokens,
            int messageCount,
            int exampleTokens,
            int exampleCount,
            int formatInstructionTokens,
            int cacheablePrefixTokens,
            int prefixTokensIfReordered,
            int exampleMessageCount) {
        this(staticTokens, messageCount, exampleTokens, exampleCount, formatInstructionTokens,
                cacheablePrefixTokens, prefixTokensIfReordered, exampleMessageCount, false);
    }

    /** Creates the input of a prompt whose examples are written inside another message's text. */
    public PromptCostInput(
            int staticTokens,
            int messageCount,
            int exampleTokens,
            int exampleCount,
            int formatInstructionTokens,
            int cacheablePrefixTokens,
            int prefixTokensIfReordered) {
        this(staticTokens, messageCount, exampleTokens, exampleCount, formatInstructionTokens,
                cacheablePrefixTokens, prefixTokensIfReordered, 0, false);
    }

    /** Returns the average tokens of one example, or 0 when the prompt has no examples. */
    public double averageExampleTokens() {
        return exampleCount <= 0 ? 0 : (double) exampleTokens / exampleCount;
    }
}
