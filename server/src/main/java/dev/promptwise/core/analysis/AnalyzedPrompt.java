package dev.promptwise.core.analysis;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.tokens.TokenCounter;
import java.util.List;

/**
 * One version of a prompt file, parsed and tokenized, with the model, budget and traffic it is judged against.
 * Immutable: the adapter keeps one per document version and every feature reads from it.
 */
public final class AnalyzedPrompt {

    /** OpenAI's chat format: tokens added per message. */
    public static final int TOKENS_PER_MESSAGE = 3;
    /** OpenAI's chat format: tokens that prime the reply. */
    public static final int TOKENS_PER_REPLY = 3;

    private final String path;
    private final PromptDocument document;
    private final Settings settings;
    private final String modelId;
    private final ModelInfo model;
    private final String encoding;
    private final boolean estimated;
    private final int[] messageTokens;
    private final int textTokens;
    private final int exampleTokens;
    private final int originalLength;

    AnalyzedPrompt(String path, PromptDocument document, Settings settings, String modelId, ModelInfo model,
            TokenCounter counter, boolean estimated, int originalLength) {
        this.path = path;
        this.originalLength = originalLength;
        this.document = document;
        this.settings = settings;
        this.modelId = modelId;
        this.model = model;
        this.encoding = counter.encoding();
        this.estimated = estimated;
        List<Message> messages = document.messages();
        this.messageTokens = new int[messages.size()];
        int sum = 0;
        for (int i = 0; i < messages.size(); i++) {
            messageTokens[i] = counter.count(messages.get(i).content());
            sum += messageTokens[i];
        }
        this.textTokens = sum;
        int examples = 0;
        for (var example : document.examples()) {
            examples += counter.count(example.range().slice(document.text()));
        }
        this.exampleTokens = examples;
    }

    public String path() {
        return path;
    }

    public PromptDocument document() {
        return document;
    }

    public Settings settings() {
        return settings;
    }

    /** Returns the model the prompt is judged against: the file's own, else the default model of the settings. */
    public String modelId() {
        return modelId;
    }

    /** Returns the catalog entry of {@link #modelId()}, or {@code null} when the catalog does not know it. */
    public ModelInfo model() {
        return model;
    }

    /** Returns the length of the file's text; larger than the document's text when the file was too large to read. */
    public int originalLength() {
        return originalLength;
    }

    public String encoding() {
        return encoding;
    }

    /** Returns whether the counts are estimates (a model whose own tokenizer is not available here). */
    public boolean estimated() {
        return estimated;
    }

    /** Returns the tokens of message {@code index}'s content, without chat overhead. */
    public int messageTokens(int index) {
        return messageTokens[index];
    }

    /** Returns the tokens of every message's content, without chat overhead. */
    public int textTokens() {
        return textTokens;
    }

    /** Returns {@link #textTokens()} plus the chat format's overhead per message and for the reply. */
    public int totalTokens() {
        return textTokens + TOKENS_PER_MESSAGE * messageTokens.length + (messageTokens.length > 0 ? TOKENS_PER_REPLY : 0);
    }

    /** Returns the tokens of the few-shot examples' text, as they stand in the file. */
    public int exampleTokens() {
        return exampleTokens;
    }

    /** Returns the token budget of the prompt. */
    public int budget() {
        return settings.maxPromptTokens();
    }

    /** Returns the requests per day the prompt sees, or {@code null} when no one has said. */
    public Double requestsPerDay() {
        return settings.requestsPerDay();
    }

    /** Returns the price in USD of the prompt's input tokens per request, or {@code null} when the model is unknown. */
    public Double inputCostPerRequest() {
        return model == null ? null : totalTokens() * model.input() / 1_000_000.0;
    }

    /** Returns the input cost per month at {@link #requestsPerDay()}, or {@code null} when either is unknown. */
    public Double inputCostPerMonth() {
        Double perRequest = inputCostPerRequest();
        Double perDay = requestsPerDay();
        return perRequest == null || perDay == null ? null : perRequest * perDay * 30;
    }
}
