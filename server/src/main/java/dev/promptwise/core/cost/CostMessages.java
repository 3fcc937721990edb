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
        boolean estimated = now.estimated();
        return capitalized(monthly(now)) + " (" + Money.perRequest(now.costPerRequest(), estimated) + " at "
                + Money.number(now.requestsPerDay()) + " requests/day" + notDeclaredClause(now) + ") is over the budget of "
                + Money.perMonth(monthlyBudget) + "; the largest contributor is the " + largest.label() + ", "
                + Money.perMonth(now.perMonth().amountOf(largest), estimated) + ".";
    }

    /**
     * Returns the {@code cost-at-scale} message of a workload whose cost is only known as a lower bound that is
     * under its budget: it is not known to stay within the budget, and the message says how much the undeclared
     * figures may still cost.
     */
    public static String costAtScaleUnknown(CostFigures now, double monthlyBudget) {
        return capitalized(monthly(now)) + " (" + Money.perRequest(now.costPerRequest()) + " at "
                + Money.number(now.requestsPerDay()) + " requests/day" + notDeclaredClause(now)
                + ") is a lower bound, so staying within the budget of " + Money.perMonth(monthlyBudget)
                + " is not known: " + whatIsLeftOut(now.missingInputs()) + " may add at most "
                + Money.perMonth(monthlyBudget - now.costPerMonth()) + " before it is over.";
    }

    /** Returns {@code the undeclared traffic.avgOutputTokens and the unpriced image:photo.png}, as they apply. */
    private static String whatIsLeftOut(List<String> missingInputs) {
        List<String> undeclared = missingInputs.stream().filter(key -> !Traffic.isUnpricedInput(key)).toList();
        List<String> unpriced = missingInputs.stream().filter(Traffic::isUnpricedInput).toList();
        List<String> parts = new java.util.ArrayList<>();
        if (!undeclared.isEmpty()) {
            parts.add("the undeclared " + String.join(" and ", undeclared));
        }
        if (!unpriced.isEmpty()) {
            parts.add("the unpriced " + String.join(" and ", unpriced));
        }
        return String.join(" and ", parts);
    }

    /**
     * Returns a monthly cost as users read it: {@code $41,062.50/month}, or {@code at least $78.00/month} when a
     * traffic figure was not declared.
     */
    public static String monthly(CostFigures figures) {
        return (figures.isLowerBound() ? "at least " : "") + Money.perMonth(figures.costPerMonth(), figures.estimated());
    }

    /**
     * Returns what was not declared, in words: {@code output not declared}, {@code variable input not declared},
     * {@code variable input and output not declared}, followed by {@code 2 inputs sent with each request not priced}
     * when images, tools or files could not be priced; empty when every figure was declared and priced.
     */
    public static String notDeclared(List<String> missingInputs) {
        List<String> words = new java.util.ArrayList<>();
        if (missingInputs.contains(Traffic.AVG_INPUT_KEY)) {
            words.add("variable input");
        }
        if (missingInputs.contains(Traffic.AVG_OUTPUT_KEY)) {
            words.add("output");
        }
        String declared = words.isEmpty() ? "" : String.join(" and ", words) + " not declared";
        long unpriced = missingInputs.stream().filter(Traffic::isUnpricedInput).count();
        if (unpriced == 0) {
            return declared;
        }
        String notPriced = unpriced + (unpriced == 1 ? " input" : " inputs") + " sent with each request not priced";
        return declared.isEmpty() ? notPriced : declared + ", " + notPriced;
    }

    /** Returns the note a lower-bound cost carries: {@code At least $78.00/month; output not declared (…)}. */
    static String lowerBoundNote(CostFigures figures) {
        return lowerBoundNote(figures.costPerMonth(), figures.missingInputs());
    }

    static String lowerBoundNote(double monthlyCost, List<String> missingInputs) {
        return "At least " + Money.perMonth(monthlyCost) + "; " + notDeclared(missingInputs) + " ("
                + String.join(", ", missingInputs) + " priced as 0 tokens), so the real cost is higher.";
    }

    /** Returns the note of a reasoning model whose reasoning tokens the traffic does not declare. */
    public static String reasoningNote(String modelId) {
        return modelId + " reasons in hidden tokens that are billed as output; they are not counted here: declare"
                + " " + Traffic.AVG_REASONING_KEY + ".";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String notDeclaredClause(CostFigures figures) {
        return figures.isLowerBound() ? "; " + notDeclared(figures.missingInputs()) : "";
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
        return fewShotHeavy(exampleCount, exampleTokens, promptTokens, fineTuned, noBaseReason, false);
    }

    /** Returns the {@code few-shot-heavy} message, its token counts marked {@code ≈} when {@code estimatedTokens}. */
    public static String fewShotHeavy(int exampleCount, int exampleTokens, int promptTokens,
            Optional<FineTunedCost> fineTuned, String noBaseReason, boolean estimatedTokens) {
        String shareFigure = Money.percent(promptTokens > 0 ? (double) exampleTokens / promptTokens : 0) + " of the"
                + " prompt (" + Money.count(exampleTokens, estimatedTokens) + " of "
                + Money.tokens(promptTokens, estimatedTokens) + ")";
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
        boolean estimated = cost.estimated() || estimatedTokens;
        double fromPrompt = cost.savingFromPrompt().orElse(saving.getAsDouble());
        if (saving.getAsDouble() > 0 && fromPrompt > 0) {
            // The saving leads: it is the figure that decides whether the author acts.
            return "Moving " + exampleCount + " few-shot examples into a fine-tuned " + cost.baseModelId()
                    + " would save " + monthly(cost, saving.getAsDouble(), estimated) + volume + ", retraining included"
                    + split(cost) + ": they take " + shareFigure + ".";
        }
        if (saving.getAsDouble() > 0) {
            return share + "; a fine-tuned " + cost.baseModelId() + " would cost "
                    + monthly(cost, saving.getAsDouble(), estimated) + " less than " + cost.fromModelId() + " now" + volume + ", but only as a " + modelSwitch(cost)
                    + ", so keep the examples or switch models without training.";
        }
        return share + "; a fine-tuned " + cost.baseModelId() + " would cost "
                + monthly(cost, -saving.getAsDouble(), estimated) + " more" + volume + split(cost)
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
            return "Fine-tuned " + cost.baseModelId() + " would cost " + monthly(cost, saving, cost.estimated())
                    + " less than "
                    + cost.fromModelId() + " now" + volume(cost) + ", but only as a " + modelSwitch(cost) + ".";
        }
        return "Fine-tuned " + cost.baseModelId() + (saving >= 0 ? " saves " : " costs ")
                + monthly(cost, Math.abs(saving), cost.estimated()) + (saving >= 0 ? "" : " more") + volume(cost)
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
        return "Moving the template variables after the static text would save "
                + Money.perMonth(saving, now.estimated()) + " at " + Money.number(now.requestsPerDay())
                + " requests/day: " + Money.count(moreCachedTokens, now.estimated())
                + " more tokens of each request could be read from " + cached.modelId() + "'s prompt cache.";
    }

    /**
     * Returns the {@code fine-tuning-pays-off} message: the training cost, the days the shorter prompt's saving takes
     * to pay it back and the monthly saving, split into the shorter prompt's part and a different model's part when
     * the base model is another model; or, when the training is never paid back or a figure is unknown, a sentence
     * that says so.
     */
    /** Returns a monthly figure of a fine-tuned alternative, ≈ when estimated, flagged when retraining is unconfirmed. */
    private static String monthly(FineTunedCost cost, double amount, boolean estimated) {
        return Money.flagged(Money.perMonth(amount, estimated), cost.retrainingUnconfirmed());
    }

    public static String fineTuningPaysOff(FineTunedCost cost) {
        String subject = "Fine-tuning " + cost.baseModelId();
        if (cost.trainingCost().isEmpty() || cost.monthlySaving().isEmpty()) {
            return subject + ": the break-even is " + Money.UNKNOWN + ". " + firstNote(cost.notes());
        }
        boolean estimated = cost.estimated();
        String training = Money.training(cost.trainingCost().getAsDouble(), estimated,
                cost.trainingPriceUnconfirmed());
        double saving = cost.monthlySaving().getAsDouble();
        if (cost.promptBreakEvenDays().isEmpty()) {
            if (saving > 0) {
                return subject + " never pays back " + training + ": its saving of "
                        + monthly(cost, saving, estimated) + volume(cost) + " is a " + modelSwitch(cost) + ".";
            }
            return subject + " never pays back " + training + ": it would cost "
                    + monthly(cost, -saving, estimated) + " more than the prompt" + volume(cost) + split(cost) + ".";
        }
        return subject + " pays back " + training + " in "
                + Money.days(cost.promptBreakEvenDays().getAsDouble())
                + (cost.switchesModel() ? " from the shorter prompt alone" : "") + ", then saves "
                + monthly(cost, saving, estimated) + volume(cost) + ", retraining included" + split(cost) + ".";
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
        boolean estimated = figures.estimated();
        row(table, "static prompt", Money.count(figures.staticTokens(), estimated), request.staticInput(),
                month.staticInput(), estimated);
        row(table, "variable input", Money.count(figures.variableTokens()), request.variableInput(),
                month.variableInput(), false);
        // Variable input and output are the traffic's declared averages, not counted: no ≈ on them.
        row(table, "output", Money.count(figures.outputTokens()), request.output(), month.output(), false);
        row(table, "prompt cache", Money.count(figures.cachedTokens(), estimated) + " cached",
                -request.cacheSaving(), -month.cacheSaving(), estimated);
        row(table, "**total**", Money.count(figures.inputTokens() + figures.outputTokens(), estimated),
                request.total(), month.total(), estimated);
        if (figures.isLowerBound()) {
            table.append("\n").append(lowerBoundNote(figures)).append("\n");
        }
        if (figures.reasoningNotCounted()) {
            table.append("\n").append(reasoningNote(figures.modelId())).append("\n");
        }
        return table.toString();
    }

    private static void row(StringBuilder table, String label, String tokens, double perRequest, double perMonth,
            boolean estimated) {
        table.append("| ").append(label).append(" | ").append(tokens).append(" | ")
                .append(Money.usd(perRequest, estimated)).append(" | ").append(Money.usd(perMonth, estimated))
                .append(" |\n");
    }

    private static String volume(FineTunedCost cost) {
        // The traffic is declared, not counted: it carries no ≈.
        return cost.inference().map(figures -> " at " + Money.number(figures.requestsPerDay()) + " requests/day")
                .orElse("");
    }

    private static String firstNote(List<String> notes) {
        return notes.isEmpty() ? "" : notes.get(0);
    }
}
