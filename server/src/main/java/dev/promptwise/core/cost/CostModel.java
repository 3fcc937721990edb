package dev.promptwise.core.cost;

import dev.promptwise.core.catalog.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Prices a prompt at its workload's traffic, beside its cached, fine-tuned and hybrid alternatives. Pure
 * arithmetic on token counts and catalog prices; every formula is written out in {@code docs/cost-model.md}.
 */
public final class CostModel {

    /** Days in the month that every monthly figure assumes. */
    public static final int DAYS_PER_MONTH = 30;

    /** Chat overhead of each message. */
    public static final int TOKENS_PER_MESSAGE = 3;

    /** Chat overhead that primes the reply, once per request. */
    public static final int REPLY_PRIMING_TOKENS = 3;

    private static final double TOKENS_PER_PRICE_UNIT = 1_000_000.0;

    private CostModel() {}

    /** Which fine-tuned alternative a volume-dependent question is about. */
    public enum Alternative {
        FINE_TUNED,
        HYBRID
    }

    /** The static part of a request: what does not change from one request to the next. */
    record RequestShape(int staticTokens, int messageCount, int prefixTokens) {

        int staticWithOverhead() {
            return inputTokens(staticTokens, messageCount, 0);
        }
    }

    /**
     * The prices one kind of request is billed at, whether list or fine-tuned, and how far its figures can be
     * trusted: {@code estimated} when the model's own tokenizer is not available, so that every figure built on
     * its counts is an estimate; {@code trainingUnconfirmed} when the catalog marks the training price unconfirmed.
     */
    record PriceSheet(String provider, String modelId, double input, Double cachedInput, Double cacheWrite,
            double output, boolean estimated, boolean trainingUnconfirmed, Integer cacheMinTokens,
            boolean reasoning) {

        static PriceSheet of(ModelInfo model) {
            return new PriceSheet(model.provider(), model.id(), model.input(), model.cachedInput(),
                    model.cacheWrite(), model.output(), !model.exactTokens(), false, model.cacheMinTokens(),
                    model.reasoning());
        }

        PriceSheet estimatedIf(boolean estimate) {
            return estimate == estimated || !estimate ? this
                    : new PriceSheet(provider, modelId, input, cachedInput, cacheWrite, output, true,
                            trainingUnconfirmed, cacheMinTokens, reasoning);
        }

        static PriceSheet ofFineTuned(ModelInfo baseModel) {
            ModelInfo.FineTuning prices = baseModel.fineTuning();
            // No fine-tuning price list gives a cache write price, so a provider that bills writes caches nothing here.
            return new PriceSheet(baseModel.provider(), baseModel.id(), prices.input(), prices.cachedInput(), null,
                    prices.output(), !baseModel.exactTokens(), baseModel.trainingPriceUnconfirmed(),
                    baseModel.cacheMinTokens(), baseModel.reasoning());
        }
    }

    /** Prices a workload with the {@linkplain CostAssumptions#DEFAULTS default assumptions}. */
    public static WorkloadCost price(ModelInfo model, PromptCostInput prompt, Traffic traffic, FineTuningPlan plan) {
        return price(model, prompt, traffic, plan, CostAssumptions.DEFAULTS);
    }

    /**
     * Prices a workload.
     *
     * @param model the model the prompt is sent to now
     * @param prompt the prompt's token counts
     * @param traffic the workload's traffic, or {@code null} when unknown: then every figure that depends on it is
     *     empty
     * @param plan the fine-tuning to price, or {@code null}: then the fine-tuned and hybrid figures are empty
     * @param assumptions the cache's cold starts per day
     * @return the figures; never {@code null}, empty figures are explained in the notes
     */
    public static WorkloadCost price(
            ModelInfo model,
            PromptCostInput prompt,
            Traffic traffic,
            FineTuningPlan plan,
            CostAssumptions assumptions) {
        List<String> notes = new ArrayList<>();
        Traffic usableTraffic = usableTraffic(traffic, notes);

        PriceSheet listPrices = PriceSheet.of(model).estimatedIf(prompt.attachmentsEstimated());
        RequestShape asWritten = new RequestShape(
                prompt.staticTokens(), prompt.messageCount(), prompt.cacheablePrefixTokens());
        RequestShape reordered = new RequestShape(
                prompt.staticTokens(), prompt.messageCount(), prompt.prefixTokensIfReordered());

        Optional<CostFigures> now = Optional.empty();
        Optional<CostFigures> cached = Optional.empty();
        OptionalDouble reorderingSaving = OptionalDouble.empty();
        if (usableTraffic != null) {
            CostFigures nowFigures = priceRequests(listPrices, asWritten, usableTraffic, assumptions);
            CostFigures cachedFigures = priceRequests(listPrices, reordered, usableTraffic, assumptions);
            now = Optional.of(nowFigures);
            cached = Optional.of(cachedFigures);
            if (nowFigures.isLowerBound()) {
                notes.add(CostMessages.lowerBoundNote(nowFigures));
            }
            if (nowFigures.reasoningNotCounted()) {
                notes.add(CostMessages.reasoningNote(nowFigures.modelId()));
            }
            reorderingSaving = OptionalDouble.of(nowFigures.costPerMonth() - cachedFigures.costPerMonth());
        }

        Optional<FineTunedCost> fineTuned = Optional.empty();
        Optional<FineTunedCost> hybrid = Optional.empty();
        if (plan != null) {
            // The fine-tuned figures are estimates when either model's tokenizer is: the saving subtracts them from
            // the prompt as written, and the prompt's counts come from the prompt's model.
            Optional<PriceSheet> fineTunedPrices = fineTunedPrices(plan, notes)
                    .map(sheet -> sheet.estimatedIf(listPrices.estimated()));
            if (fineTunedPrices.isPresent()) {
                // Without usable traffic the alternatives' serving cost and saving are absent too; their notes say
                // why, as the workload's do, since messages about them quote only their own notes.
                String trafficNote = usableTraffic == null ? notes.get(0) : null;
                // The model switch: the prompt as written on the base model at its ordinary prices, so that a
                // saving can be split into the part from a different model and the part from a shorter prompt.
                Optional<CostFigures> modelSwitch = now.isEmpty() ? Optional.empty()
                        : plan.baseModel().id().equals(model.id()) ? now
                        : Optional.of(priceRequests(PriceSheet.of(plan.baseModel()), asWritten, usableTraffic,
                                assumptions));
                fineTuned = Optional.of(priceFineTuned(plan, fineTunedPrices.get(), fineTunedShape(prompt, plan),
                        usableTraffic, trafficNote, now, modelSwitch, model.id(), assumptions));
                hybrid = Optional.of(priceFineTuned(plan, fineTunedPrices.get(), hybridShape(),
                        usableTraffic, trafficNote, now, modelSwitch, model.id(), assumptions));
            }
        }
        return new WorkloadCost(now, cached, reorderingSaving, fineTuned, hybrid, notes,
                missingInputs(traffic, plan));
    }

    /** Returns the keys that the figures depend on and that were not declared, in a fixed order. */
    private static List<String> missingInputs(Traffic traffic, FineTuningPlan plan) {
        List<String> missing = new ArrayList<>();
        if (traffic == null) {
            missing.add("traffic.requestsPerDay");
        } else {
            missing.addAll(traffic.missingInputs());
        }
        if (plan != null) {
            missing.addAll(plan.missingInputs());
        }
        return missing;
    }

    /**
     * Returns the input tokens of one request: static tokens + 3 per message + 3 to prime the reply + the
     * variable parts' tokens.
     */
    public static int inputTokens(int staticTokens, int messageCount, int variableTokens) {
        return Math.max(0, staticTokens) + TOKENS_PER_MESSAGE * Math.max(0, messageCount) + REPLY_PRIMING_TOKENS
                + Math.max(0, variableTokens);
    }

    /**
     * Returns the lowest requests per day, to the nearest request, at which {@code alternative} costs no more per
     * month (retraining included) than the prompt as written, with {@code traffic}'s token averages: the point a
     * chart of monthly cost against volume marks as the break-even. Returns 0 when the alternative is never dearer,
     * and empty when it is dearer at every volume up to a billion requests a day, or when a price is unknown.
     * Uses the {@linkplain CostAssumptions#DEFAULTS default assumptions}.
     */
    public static OptionalDouble breakEvenRequestsPerDay(
            ModelInfo model, PromptCostInput prompt, Traffic traffic, FineTuningPlan plan, Alternative alternative) {
        if (traffic == null || !traffic.isUsable() || plan == null) {
            return OptionalDouble.empty();
        }
        double low = 0;
        double high = 1e9;
        OptionalDouble savingAtHigh = monthlySavingAt(model, prompt, traffic, plan, alternative, high);
        if (savingAtHigh.isEmpty() || savingAtHigh.getAsDouble() < 0) {
            return OptionalDouble.empty();
        }
        if (monthlySavingAt(model, prompt, traffic, plan, alternative, low).orElse(-1) >= 0) {
            return OptionalDouble.of(0);
        }
        // The saving grows with volume (a lower price per request outweighs a fixed retraining cost), so halve the
        // interval until it is one request wide.
        while (high - low > 1) {
            double middle = Math.floor((low + high) / 2);
            if (monthlySavingAt(model, prompt, traffic, plan, alternative, middle).orElse(-1) >= 0) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return OptionalDouble.of(high);
    }

    private static Traffic usableTraffic(Traffic traffic, List<String> notes) {
        if (traffic == null) {
            notes.add("No traffic is known for this prompt, so its cost per request and per month are not computed:"
                    + " give its workload a traffic section (requestsPerDay, avgInputTokens, avgOutputTokens).");
            return null;
        }
        if (!traffic.isUsable()) {
            notes.add("The workload's traffic has a negative or non-numeric figure, so no cost is computed from it.");
            return null;
        }
        return traffic;
    }

    private static Optional<PriceSheet> fineTunedPrices(FineTuningPlan plan, List<String> notes) {
        ModelInfo baseModel = plan.baseModel();
        if (baseModel == null) {
            notes.add("No base model is known for fine-tuning, so no fine-tuned cost is computed.");
            return Optional.empty();
        }
        if (!baseModel.fineTunable()) {
            notes.add(baseModel.id() + " has no known fine-tuning prices, so no fine-tuned cost is computed.");
            return Optional.empty();
        }
        return Optional.of(PriceSheet.ofFineTuned(baseModel));
    }

    /**
     * The fine-tuned prompt: the examples (and their own messages) removed, and the format instructions too when
     * the output format is strict. Its cacheable prefix loses the removed tokens, assumed to sit inside it.
     */
    private static RequestShape fineTunedShape(PromptCostInput prompt, FineTuningPlan plan) {
        int removedText = Math.max(0, prompt.exampleTokens())
                + (plan.strictOutputFormat() ? Math.max(0, prompt.formatInstructionTokens()) : 0);
        int staticTokens = Math.max(0, prompt.staticTokens() - removedText);
        int messageCount = Math.max(1, prompt.messageCount() - Math.max(0, prompt.exampleMessageCount()));
        int removedTokens = (prompt.staticTokens() - staticTokens)
                + TOKENS_PER_MESSAGE * Math.max(0, prompt.messageCount() - messageCount);
        int prefixTokens = Math.max(0, prompt.cacheablePrefixTokens() - removedTokens);
        return new RequestShape(staticTokens, messageCount, prefixTokens);
    }

    /** The hybrid prompt: one user message holding only the variable parts; nothing static is left to cache. */
    private static RequestShape hybridShape() {
        return new RequestShape(0, 1, 0);
    }

    private static CostFigures priceRequests(
            PriceSheet prices, RequestShape shape, Traffic traffic, CostAssumptions assumptions) {
        int inputTokens = inputTokens(shape.staticTokens(), shape.messageCount(), traffic.avgInputTokens());
        // A reasoning model bills its hidden reasoning as output; another model has none to bill.
        int outputTokens = traffic.avgOutputTokens() + (prices.reasoning() ? traffic.avgReasoningTokens() : 0);
        double requestsPerDay = traffic.requestsPerDay();

        double staticCost = shape.staticWithOverhead() * prices.input() / TOKENS_PER_PRICE_UNIT;
        double variableCost = traffic.avgInputTokens() * prices.input() / TOKENS_PER_PRICE_UNIT;
        double outputCost = outputTokens * prices.output() / TOKENS_PER_PRICE_UNIT;

        int cachedTokens = Math.min(inputTokens, PromptCaching.cacheableTokens(prices.provider(), prices.modelId(),
                prices.cachedInput(), prices.cacheWrite(), prices.cacheMinTokens(),
                Math.min(shape.prefixTokens(), inputTokens)));
        double cacheSavingPerRequest = 0;
        if (cachedTokens > 0 && requestsPerDay > 0) {
            double warmSaving = cachedTokens * (prices.input() - prices.cachedInput()) / TOKENS_PER_PRICE_UNIT;
            double coldSaving = PromptCaching.chargesCacheWrites(prices.provider())
                    ? cachedTokens * (prices.input() - prices.cacheWrite()) / TOKENS_PER_PRICE_UNIT
                    : 0;
            double coldRequests = Math.min(requestsPerDay, Math.max(0, assumptions.cacheColdStartsPerDay()));
            double warmRequests = requestsPerDay - coldRequests;
            double savingPerDay = warmRequests * warmSaving + coldRequests * coldSaving;
            // Caching that would cost more than it saves (Anthropic writes at low traffic) is not assumed.
            cacheSavingPerRequest = savingPerDay > 0 ? savingPerDay / requestsPerDay : 0;
        }
        if (cacheSavingPerRequest == 0) {
            cachedTokens = 0;
        }
        CostBreakdown perRequest = new CostBreakdown(staticCost, variableCost, outputCost, cacheSavingPerRequest);
        CostBreakdown perMonth = perRequest.times(requestsPerDay * DAYS_PER_MONTH);
        return new CostFigures(prices.modelId(), inputTokens, shape.staticWithOverhead(), cachedTokens, outputTokens,
                requestsPerDay, perRequest, perMonth, prices.estimated(), prices.reasoning() ? traffic.missingInputs()
                        : traffic.missingInputs().stream().filter(key -> !key.equals(Traffic.AVG_REASONING_KEY)).toList());
    }

    private static FineTunedCost priceFineTuned(
            FineTuningPlan plan,
            PriceSheet prices,
            RequestShape shape,
            Traffic traffic,
            String trafficNote,
            Optional<CostFigures> now,
            Optional<CostFigures> modelSwitch,
            String fromModelId,
            CostAssumptions assumptions) {
        List<String> notes = new ArrayList<>();
        if (traffic == null && trafficNote != null) {
            notes.add(trafficNote);
        }
        ModelInfo baseModel = plan.baseModel();
        ModelInfo.FineTuning fineTuningPrices = baseModel.fineTuning();

        int examples = Math.max(0, plan.labeledExamples());
        int epochs = FineTuningMath.effectiveEpochs(plan.epochs(), examples);
        double avgExampleTokens = Double.isFinite(plan.avgExampleTokens()) ? Math.max(0, plan.avgExampleTokens()) : 0;
        double tokensPerLine = FineTuningMath.tokensPerTrainingLine(
                shape.messageCount(), shape.staticTokens(), avgExampleTokens);
        double trainedTokens = examples * tokensPerLine * epochs;

        if (plan.missingInputs().contains(FineTuningPlan.LABELED_EXAMPLES_KEY) && examples > 0) {
            notes.add(FineTuningPlan.LABELED_EXAMPLES_KEY + " is not declared, so the training set is taken to be the"
                    + " prompt's own " + examples + " few-shot examples.");
        }
        if (examples > 0 && plan.exampleSize() == FineTuningPlan.ExampleSize.PROMPT_EXAMPLES) {
            notes.add("Each training example is taken to be as long as the prompt's own few-shot examples ("
                    + Money.count(Math.round(avgExampleTokens)) + " tokens), since neither data.avgExampleTokens nor"
                    + " traffic.avgOutputTokens is declared.");
        } else if (examples > 0 && plan.exampleSize() == FineTuningPlan.ExampleSize.UNKNOWN) {
            notes.add("Nothing sizes the training examples (data.avgExampleTokens, traffic.avgOutputTokens or"
                    + " few-shot examples), so each training line holds only the prompt and the variable input and"
                    + " the training cost is a lower bound.");
        }
        OptionalDouble trainingCost = OptionalDouble.empty();
        if (examples == 0) {
            notes.add("No labelled examples are known, so the training cost is not computed:"
                    + " set the workload's data.labeledExamples.");
        } else if (fineTuningPrices.training() == null) {
            String how = fineTuningPrices.note() == null || fineTuningPrices.note().isBlank()
                    ? "not per token"
                    : fineTuningPrices.note();
            notes.add("Training " + baseModel.id() + " is priced " + how
                    + ", so Promptwise does not estimate its training cost.");
        } else {
            trainingCost = OptionalDouble.of(trainedTokens * fineTuningPrices.training() / TOKENS_PER_PRICE_UNIT);
        }

        double changesPerMonth = FineTuningMath.changesPerMonth(plan.changeFrequency());
        OptionalDouble retrainingPerMonth;
        if (changesPerMonth == 0) {
            retrainingPerMonth = OptionalDouble.of(0);
        } else if (trainingCost.isPresent()) {
            retrainingPerMonth = OptionalDouble.of(changesPerMonth * trainingCost.getAsDouble());
        } else {
            retrainingPerMonth = OptionalDouble.empty();
        }

        Optional<CostFigures> inference = traffic == null
                ? Optional.empty()
                : Optional.of(priceRequests(prices, shape, traffic, assumptions));

        OptionalDouble costPerMonth = OptionalDouble.empty();
        OptionalDouble costPerRequest = OptionalDouble.empty();
        if (inference.isPresent() && retrainingPerMonth.isPresent()) {
            double monthly = inference.get().costPerMonth() + retrainingPerMonth.getAsDouble();
            costPerMonth = OptionalDouble.of(monthly);
            double requestsPerMonth = traffic.requestsPerDay() * DAYS_PER_MONTH;
            costPerRequest = OptionalDouble.of(requestsPerMonth > 0
                    ? monthly / requestsPerMonth
                    : inference.get().costPerRequest());
        }

        if (inference.isPresent() && inference.get().isLowerBound() && costPerMonth.isPresent()) {
            notes.add(CostMessages.lowerBoundNote(costPerMonth.getAsDouble(), inference.get().missingInputs()));
        }
        OptionalDouble monthlySaving = OptionalDouble.empty();
        if (now.isPresent() && costPerMonth.isPresent()) {
            monthlySaving = OptionalDouble.of(now.get().costPerMonth() - costPerMonth.getAsDouble());
        }
        OptionalDouble breakEvenDays = breakEvenDays(trainingCost, monthlySaving);
        OptionalDouble savingFromModel = now.isPresent() && modelSwitch.isPresent()
                ? OptionalDouble.of(now.get().costPerMonth() - modelSwitch.get().costPerMonth())
                : OptionalDouble.empty();
        OptionalDouble savingFromPrompt = modelSwitch.isPresent() && costPerMonth.isPresent()
                ? OptionalDouble.of(modelSwitch.get().costPerMonth() - costPerMonth.getAsDouble())
                : OptionalDouble.empty();
        return new FineTunedCost(baseModel.id(), inference, trainingCost, retrainingPerMonth, costPerRequest,
                costPerMonth, monthlySaving, breakEvenDays, epochs, tokensPerLine, trainedTokens, notes,
                prices.estimated(), prices.trainingUnconfirmed(), fromModelId, modelSwitch, savingFromModel,
                savingFromPrompt);
    }

    /**
     * Returns training cost / daily saving, or empty when either is unknown or the saving is not positive (the
     * training is then never paid back).
     */
    static OptionalDouble breakEvenDays(OptionalDouble trainingCost, OptionalDouble monthlySaving) {
        if (trainingCost.isEmpty() || monthlySaving.isEmpty() || !(monthlySaving.getAsDouble() > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(trainingCost.getAsDouble() / (monthlySaving.getAsDouble() / DAYS_PER_MONTH));
    }

    private static OptionalDouble monthlySavingAt(ModelInfo model, PromptCostInput prompt, Traffic traffic,
            FineTuningPlan plan, Alternative alternative, double requestsPerDay) {
        Traffic atVolume = traffic.atVolume(requestsPerDay);
        WorkloadCost cost = price(model, prompt, atVolume, plan);
        Optional<FineTunedCost> priced = alternative == Alternative.HYBRID ? cost.hybrid() : cost.fineTuned();
        return priced.map(FineTunedCost::monthlySaving).orElse(OptionalDouble.empty());
    }
}
