package dev.promptwise.core.cost;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The economics of serving a workload from a fine-tuned model: what serving it costs, what training and retraining
 * cost, and when the training is paid back. A figure that cannot be known is empty and {@link #notes()} says why.
 *
 * @param baseModelId the model that would be fine-tuned
 * @param inference the cost of serving the shortened prompt at the fine-tuned prices; empty without traffic
 * @param trainingCost USD of one training run; empty when there are no labelled examples or when training is not
 *     priced per token
 * @param retrainingPerMonth USD of retraining per month (changes per month × training cost); 0 when requirements
 *     are not known to change, empty when they change but the training cost is unknown
 * @param costPerRequest the average request's cost including its share of retraining (with no traffic, a cold
 *     request without retraining); empty when unknown
 * @param costPerMonth serving plus retraining per month; empty when either is unknown
 * @param monthlySaving the prompt as written minus {@code costPerMonth}; negative when fine-tuning costs more
 * @param breakEvenDays training cost / daily saving; empty when the saving is not positive or a figure is unknown
 * @param epochs epochs the provider would train for
 * @param tokensPerTrainingLine tokens of one training line (prompt messages, example, answer and overhead)
 * @param trainedTokens tokens billed for one training run: examples × tokens per line × epochs
 * @param notes why figures are empty, in sentences a message can quote
 * @param estimated whether the token counts come from another model's tokenizer, so that every figure is an
 *     estimate and is written with {@code ≈}
 * @param trainingPriceUnconfirmed whether the catalog marks the base model's training price unconfirmed, so that
 *     the training cost, retraining and the figures that include them are flagged
 * @param fromModelId the model the prompt is sent to now
 * @param modelSwitch the prompt as written, sent to the base model at its ordinary (not fine-tuned) list prices:
 *     what moving to the base model without training would cost; the same figures as the prompt as written when
 *     the base model is the workload's own; empty without traffic
 * @param savingFromModel the prompt as written minus {@code modelSwitch}, per month: the part of
 *     {@code monthlySaving} that comes from a different model; 0 when the base model is the workload's own
 * @param savingFromPrompt {@code modelSwitch} minus {@code costPerMonth}: the part of {@code monthlySaving} that
 *     comes from the shorter prompt on the fine-tuned model, retraining included; negative when fine-tuned prices
 *     and retraining cost more than the shorter prompt saves
 */
public record FineTunedCost(
        String baseModelId,
        Optional<CostFigures> inference,
        OptionalDouble trainingCost,
        OptionalDouble retrainingPerMonth,
        OptionalDouble costPerRequest,
        OptionalDouble costPerMonth,
        OptionalDouble monthlySaving,
        OptionalDouble breakEvenDays,
        int epochs,
        double tokensPerTrainingLine,
        double trainedTokens,
        List<String> notes,
        boolean estimated,
        boolean trainingPriceUnconfirmed,
        String fromModelId,
        Optional<CostFigures> modelSwitch,
        OptionalDouble savingFromModel,
        OptionalDouble savingFromPrompt) {

    public FineTunedCost {
        notes = List.copyOf(notes);
    }

    /** Figures counted with the model's own tokenizer, at a confirmed training price, on the workload's own model. */
    public FineTunedCost(String baseModelId, Optional<CostFigures> inference, OptionalDouble trainingCost,
            OptionalDouble retrainingPerMonth, OptionalDouble costPerRequest, OptionalDouble costPerMonth,
            OptionalDouble monthlySaving, OptionalDouble breakEvenDays, int epochs, double tokensPerTrainingLine,
            double trainedTokens, List<String> notes) {
        this(baseModelId, inference, trainingCost, retrainingPerMonth, costPerRequest, costPerMonth, monthlySaving,
                breakEvenDays, epochs, tokensPerTrainingLine, trainedTokens, notes, false, false);
    }

    /** Figures whose base model is the workload's own: no part of the saving comes from another model. */
    public FineTunedCost(String baseModelId, Optional<CostFigures> inference, OptionalDouble trainingCost,
            OptionalDouble retrainingPerMonth, OptionalDouble costPerRequest, OptionalDouble costPerMonth,
            OptionalDouble monthlySaving, OptionalDouble breakEvenDays, int epochs, double tokensPerTrainingLine,
            double trainedTokens, List<String> notes, boolean estimated, boolean trainingPriceUnconfirmed) {
        this(baseModelId, inference, trainingCost, retrainingPerMonth, costPerRequest, costPerMonth, monthlySaving,
                breakEvenDays, epochs, tokensPerTrainingLine, trainedTokens, notes, estimated,
                trainingPriceUnconfirmed, baseModelId, Optional.empty(),
                monthlySaving.isPresent() ? OptionalDouble.of(0) : OptionalDouble.empty(), monthlySaving);
    }

    /** Figures counted with the model's own tokenizer, at a confirmed training price. */
    public FineTunedCost(String baseModelId, Optional<CostFigures> inference, OptionalDouble trainingCost,
            OptionalDouble retrainingPerMonth, OptionalDouble costPerRequest, OptionalDouble costPerMonth,
            OptionalDouble monthlySaving, OptionalDouble breakEvenDays, int epochs, double tokensPerTrainingLine,
            double trainedTokens, List<String> notes, String fromModelId, Optional<CostFigures> modelSwitch,
            OptionalDouble savingFromModel, OptionalDouble savingFromPrompt) {
        this(baseModelId, inference, trainingCost, retrainingPerMonth, costPerRequest, costPerMonth, monthlySaving,
                breakEvenDays, epochs, tokensPerTrainingLine, trainedTokens, notes, false, false, fromModelId,
                modelSwitch, savingFromModel, savingFromPrompt);
    }

    /** Whether figures that include retraining rest on an unconfirmed training price: retraining is not zero. */
    public boolean retrainingUnconfirmed() {
        return trainingPriceUnconfirmed && !(retrainingPerMonth.isPresent() && retrainingPerMonth.getAsDouble() == 0);
    }

    /** Returns whether the base model is another model than the one the prompt is sent to now. */
    public boolean switchesModel() {
        return fromModelId != null && !fromModelId.equals(baseModelId);
    }

    /**
     * Returns the days the shorter prompt's saving alone takes to pay back the training: training cost /
     * ({@code savingFromPrompt} / 30); empty when that saving is not positive or a figure is unknown. Equal to
     * {@link #breakEvenDays()} when the base model is the workload's own.
     */
    public OptionalDouble promptBreakEvenDays() {
        return CostModel.breakEvenDays(trainingCost, savingFromPrompt);
    }
}
