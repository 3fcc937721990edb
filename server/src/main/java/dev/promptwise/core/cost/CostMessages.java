package dev.promptwise.core.cost;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The messages of the cost rules, built from the cost model's results so that every rule words its figures the
 * same way: the money first, then the tokens behind it.
 */
public final class CostMessages {

    private CostMessages() {}

    /**
     * Returns the {@code cost-at-scale} message: $/month, $/request, the budget, and the largest contributor with
     * its monthly amount.
     */
    public static String costAtScale(CostFigures now, double monthlyBudget) {
        CostBreakdown.Contributor largest = now.perMonth().largestContributor();
        return Money.perMonth(now.costPerMonth()) + " (" + Money.perRequest(now.costPerRequest()) + " at "
                + Money.count(now.requestsPerDay()) + " requests/day) is over the budget of "
                + Money.perMonth(monthlyBudget) + "; the largest contributor is the " + largest.label() + ", "
                + Money.perMonth(now.perMonth().amountOf(largest)) + ".";
    }

    /** Returns the {@code few-shot-heavy} message, with no reason for an absent fine-tuned alternative. */
    public static String fewShotHeavy(
            int exampleCount, int exampleTokens, int promptTokens, Optional<FineTunedCost> fineTuned) {
        return fewShotHeavy(exampleCount, exampleTokens, promptTokens, fineTuned, null);
    }

    /**
     * Returns the {@code few-shot-heavy} message: the examples' share of the prompt, then the monthly saving of
     * moving them into a fine-tuned model, split into the part from the shorter prompt and the part from a different
     * model; or why that saving is unknown, or why there is no fine-tuned alternative.
     *
     * @param promptTokens the prompt's tokens, static text and chat overhead
     * @param fineTuned the fine-tuned alternative, or empty when none was priced
     * @param noBaseReason why there is no fine-tuned alternative ({@code FineTunables.Choice#reason}), or
     *     {@code null}
     */
    public static String fewShotHeavy(int exampleCount, int exampleTokens, int promptTokens,
            Optional<FineTunedCost> fineTuned, String noBaseReason) {
        String shareFigure = Money.percent(promptTokens > 0 ? (double) exampleTokens / promptTokens : 0) + " of the"
                + " prompt (" + Money.count(exampleTokens) + " of " + Money.count(promptTokens) + " tokens)";
        String share = exampleCount + " few-shot examples take " + shareFigure;
        if (fineTuned.isEmpty()) {
            if (noBaseReason != null) {
                return share + ". " + noBaseReason;
            }
            return share + "; give the workload traffic to see the saving of moving them into a fine-tuned model.";
        }
        FineTunedCost cost = fineTuned.get();
        OptionalDouble saving = cost.monthlySaving();
        if (saving.isEmpty()) {
            return share + "; the saving of moving them into a fine-tuned " + cost.baseModelId()
                    + " is unknown. " + firstNote(cost.notes());
        }
        String volume = volume(cost);
        double fromPrompt = cost.savingFromPrompt().orElse(saving.getAsDouble());
        if (saving.getAsDouble() > 0 && fromPrompt > 0) {
            // The saving leads: it is the figure that decides whether the author acts.
            return "Moving " + exampleCount + " few-shot examples into a fine-tuned " + cost.baseModelId()
                    + " would save " + Money.perMonth(saving.getAsDouble()) + volume + ", retraining included"
                    + split(cost) + ": they take " + shareFigure + ".";
        }
        if (saving.getAsDouble() > 0) {
            return share + "; a fine-tuned " + cost.baseModelId() + " would cost " + Money.perMonth(saving.getAsDouble())
                    + " less than " + cost.fromModelId() + " now" + volume + ", but only as a " + modelSwitch(cost)
                    + ", so keep the examples or switch models without training.";
        }
        return share + "; a fine-tuned " + cost.baseModelId() + " would cost "
                + Money.perMonth(-saving.getAsDouble()) + " more" + volume + split(cost)
                + ", so keep them in the prompt.";
    }

    /**
     * Returns one sentence on a fine-tuned alternative's monthly saving, for the report: "Fine-tuned gpt-4o-mini
     * saves $X/month at R requests/day, retraining included: $Y from the shorter prompt on fine-tuned gpt-4o-mini,
     * $Z from moving off gpt-4o."; a saving that comes only from the different model is called a model switch;
     * {@code null} when the saving is unknown.
     */
    public static String savingSentence(FineTunedCost cost) {
        if (cost.monthlySaving().isEmpty()) {
            return cost.notes().isEmpty() ? null : "Fine-tuned " + cost.baseModelId() + ": " + cost.notes().get(0);
        }
        double saving = cost.monthlySaving().getAsDouble();
        double fromPrompt = cost.savingFromPrompt().orElse(saving);
        if (saving > 0 && !(fromPrompt > 0)) {
            return "Fine-tuned " + cost.baseModelId() + " would cost " + Money.perMonth(saving) + " less than "
                    + cost.fromModelId() + " now" + volume(cost) + ", but only as a " + modelSwitch(cost) + ".";
        }
        return "Fine-tuned " + cost.baseModelId() + (saving >= 0 ? " saves " : " costs ")
                + Money.perMonth(Math.abs(saving)) + (saving >= 0 ? "" : " more") + volume(cost)
                + ", retraining included" + split(cost) + ".";
    }

    /**
     * Returns ": $Y from the shorter prompt on fine-tuned B, $Z from moving off A" when the base model B is another
     * model than the workload's A and both parts are known, with "costs $Y more" for a part that is negative; empty
     * when the base model is the workload's own (the whole saving is then the shorter prompt's).
     */
    public static String split(FineTunedCost cost) {
        if (!cost.switchesModel() || cost.savingFromPrompt().isEmpty() || cost.savingFromModel().isEmpty()) {
            return "";
        }
        return ": " + promptPart(cost) + ", " + modelPart(cost);
    }

    /**
     * Returns "model switch (the prompt as written on B would cost $Z less than on A, and the shorter prompt on
     * fine-tuned B costs $Y more, retraining included)": the wording of a saving that comes only from the different
     * model, never credited to fine-tuning.
     */
    static String modelSwitch(FineTunedCost cost) {
        double fromModel = cost.savingFromModel().orElse(0);
        return "model switch (the prompt as written on " + cost.baseModelId() + " would cost "
                + Money.usd(Math.abs(fromModel)) + (fromModel >= 0 ? " less" : " more") + " than on "
                + cost.fromModelId() + ", and " + promptPart(cost) + ", retraining included)";
    }

    private static String promptPart(FineTunedCost cost) {
        double amount = cost.savingFromPrompt().orElse(0);
        return amount >= 0 ? Money.usd(amount) + " from the shorter prompt on fine-tuned " + cost.baseModelId()
                : "the shorter prompt on fine-tuned " + cost.baseModelId() + " costs " + Money.usd(-amount) + " more";
    }

    private static String modelPart(FineTunedCost cost) {
        double amount = cost.savingFromModel().orElse(0);
        return amount >= 0 ? Money.usd(amount) + " from moving off " + cost.fromModelId()
                : "moving off " + cost.fromModelId() + " costs " + Money.usd(-amount) + " more";
    }

    /**
     * Returns the {@code cacheable-prefix} message: the monthly saving of moving the variables after the static
     * text and the tokens that would then be cached, or, without traffic, what the saving needs.
     */
    public static String cacheablePrefix(WorkloadCost cost) {
        String cause = "Template variables come before the static text, so the provider's prompt cache cannot"
                + " reuse it";
        if (cost.now().isEmpty() || cost.cached().isEmpty() || cost.reorderingSaving().isEmpty()) {
            return cause + "; give the workload traffic to see the saving of moving them after it.";
        }
        CostFigures now = cost.now().get();
        CostFigures cached = cost.cached().get();
        int moreCachedTokens = cached.cachedTokens() - now.cachedTokens();
        double saving = cost.reorderingSaving().getAsDouble();
        if (!(saving > 0) || moreCachedTokens <= 0) {
            return cause + ", but at " + cached.modelId() + "'s caching rules and this traffic moving them would"
                    + " save nothing.";
        }
        return "Moving the template variables after the static text would save " + Money.perMonth(saving)
                + " at " + Money.count(now.requestsPerDay()) + " requests/day: " + Money.count(moreCachedTokens)
                + " more tokens of each request could be read from " + cached.modelId() + "'s prompt cache.";
    }

    /**
     * Returns the {@code fine-tuning-pays-off} message: the training cost, the days the shorter prompt's saving takes
     * to pay it back and the monthly saving, split into the shorter prompt's part and a different model's part when
     * the base model is another model; or, when the training is never paid back or a figure is unknown, a sentence
     * that says so.
     */
    public static String fineTuningPaysOff(FineTunedCost cost) {
        String subject = "Fine-tuning " + cost.baseModelId();
        if (cost.trainingCost().isEmpty() || cost.monthlySaving().isEmpty()) {
            return subject + ": the break-even is unknown. " + firstNote(cost.notes());
        }
        double training = cost.trainingCost().getAsDouble();
        double saving = cost.monthlySaving().getAsDouble();
        if (cost.promptBreakEvenDays().isEmpty()) {
            if (saving > 0) {
                return subject + " never pays back its " + Money.usd(training) + " training: its saving of "
                        + Money.perMonth(saving) + volume(cost) + " is a " + modelSwitch(cost) + ".";
            }
            return subject + " never pays back its " + Money.usd(training) + " training: it would cost "
                    + Money.perMonth(-saving) + " more than the prompt" + volume(cost) + split(cost) + ".";
        }
        return subject + " pays back its " + Money.usd(training) + " training in "
                + Money.days(cost.promptBreakEvenDays().getAsDouble())
                + (cost.switchesModel() ? " from the shorter prompt alone" : "") + ", then saves " + Money.perMonth(saving)
                + volume(cost) + ", retraining included" + split(cost) + ".";
    }

    /**
     * Returns a Markdown table of a cost breakdown, per request and per month: static prompt, variable input,
     * output, prompt cache (as a negative amount) and total.
     */
    public static String breakdownTable(CostFigures figures) {
        CostBreakdown request = figures.perRequest();
        CostBreakdown month = figures.perMonth();
        StringBuilder table = new StringBuilder();
        table.append("| | tokens | per request | per month |\n");
        table.append("| --- | ---: | ---: | ---: |\n");
        row(table, "static prompt", Money.count(figures.staticTokens()), request.staticInput(), month.staticInput());
        row(table, "variable input", Money.count(figures.variableTokens()), request.variableInput(),
                month.variableInput());
        row(table, "output", Money.count(figures.outputTokens()), request.output(), month.output());
        row(table, "prompt cache", Money.count(figures.cachedTokens()) + " cached", -request.cacheSaving(),
                -month.cacheSaving());
        row(table, "**total**", Money.count(figures.inputTokens() + figures.outputTokens()), request.total(),
                month.total());
        return table.toString();
    }

    private static void row(StringBuilder table, String label, String tokens, double perRequest, double perMonth) {
        table.append("| ").append(label).append(" | ").append(tokens).append(" | ").append(Money.usd(perRequest))
                .append(" | ").append(Money.usd(perMonth)).append(" |\n");
    }

    private static String volume(FineTunedCost cost) {
        return cost.inference().map(figures -> " at " + Money.count(figures.requestsPerDay()) + " requests/day")
                .orElse("");
    }

    private static String firstNote(List<String> notes) {
        return notes.isEmpty() ? "" : notes.get(0);
    }
}
