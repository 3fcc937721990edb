package dev.promptwise.core.rules;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.tokens.TokenCounter;
import dev.promptwise.core.tokens.TokenCounters;

/**
 * The formulas of docs/cost-model.md written out again for the per-rule tests, so that a message's figures are
 * checked against a computation that shares nothing with {@code core.cost} but the catalog's prices and the token
 * counter. Only what the fixtures need: one message, examples inside it, OpenAI models, prefixes under 1,024 tokens
 * unless a test says otherwise, default epochs within [100, 25,000] examples.
 */
final class HandCosts {

    private static final TokenCounter O200K = new TokenCounters().forEncoding("o200k_base");

    private HandCosts() {}

    static int tokens(String text) {
        return O200K.count(text);
    }

    static ModelInfo model(String id) {
        return PriceCatalog.bundled().resolve(id).orElseThrow();
    }

    /** A prompt of one message: its text tokens, plus 3 for the message and 3 that prime the reply. */
    static int promptTokens(int textTokens) {
        return textTokens + 3 + 3;
    }

    /** The prompt as written, per month: static, variable and output tokens at the model's list prices. */
    static double perMonth(int textTokens, String modelId, int requestsPerDay, int variableTokens, int outputTokens) {
        ModelInfo model = model(modelId);
        return (promptTokens(textTokens) * model.input() + variableTokens * model.input()
                + outputTokens * model.output()) / 1e6 * requestsPerDay * 30;
    }

    /**
     * The fine-tuned alternative's training cost, monthly saving (retraining included) and break-even in days, with
     * the saving split: {@code fromModel} = the prompt as written on the model now minus the same prompt on the base
     * model at its list prices; {@code fromPrompt} = that model switch minus the fine-tuned cost; and the days the
     * shorter prompt's part alone takes to pay the training back.
     */
    record FineTuned(double training, double saving, double breakEvenDays, double fromModel, double fromPrompt,
            double promptBreakEvenDays) {

        FineTuned(double training, double saving, double breakEvenDays) {
            this(training, saving, breakEvenDays, 0, saving, breakEvenDays);
        }
    }

    /**
     * Fine-tuning {@code base} on {@code labeled} examples, for a prompt of one message on {@code modelId} whose
     * {@code exampleCount} examples take {@code exampleTokens} of its {@code textTokens}; the output format is not
     * strict, so format instructions stay in the prompt. The workload declares its traffic's input and output but
     * not {@code data.avgExampleTokens}, so each training example is {@code variableTokens + outputTokens} long.
     */
    static FineTuned fineTuned(int textTokens, int exampleTokens, int exampleCount, String modelId, String base,
            int requestsPerDay, int variableTokens, int outputTokens, int labeled, double changesPerMonth) {
        ModelInfo.FineTuning prices = model(base).fineTuning();
        int fineTunedText = textTokens - exampleTokens;
        double serving = (promptTokens(fineTunedText) * prices.input() + variableTokens * prices.input()
                + outputTokens * prices.output()) / 1e6 * requestsPerDay * 30;
        // A training example is a request's variable input and its answer (the traffic declares both); the
        // prompt's own examples only leave the prompt.
        double averageExample = variableTokens + outputTokens;
        double tokensPerLine = 4 * (1 + 1) + fineTunedText + averageExample + 3;
        int epochs = 3;
        double training = labeled * tokensPerLine * epochs * prices.training() / 1e6;
        double now = perMonth(textTokens, modelId, requestsPerDay, variableTokens, outputTokens);
        double modelSwitch = perMonth(textTokens, base, requestsPerDay, variableTokens, outputTokens);
        double fineTunedPerMonth = serving + changesPerMonth * training;
        double saving = now - fineTunedPerMonth;
        double fromPrompt = modelSwitch - fineTunedPerMonth;
        return new FineTuned(training, saving, training / (saving / 30), now - modelSwitch, fromPrompt,
                training / (fromPrompt / 30));
    }
}
