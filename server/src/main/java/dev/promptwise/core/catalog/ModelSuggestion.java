package dev.promptwise.core.catalog;

/**
 * A catalog model offered in place of an unknown model id, with what sets it apart from the model that was meant,
 * so that a message can say so and a quick fix is preferred only when the swap changes neither the tokenizer nor
 * the price class.
 *
 * @param id the catalog id offered
 * @param encoding the offered model's tokenizer encoding, or {@code null} when the catalog only estimates it
 * @param wantedEncoding the unknown model's tokenizer, when Promptwise knows it ({@code cl100k_base} for
 *     {@code gpt-4}), else {@code null}
 * @param inputPriceRatio the offered model's input price divided by the unknown model's last published input price,
 *     or {@code null} when that price is not known (a misspelt id, a model Promptwise has never priced)
 */
public record ModelSuggestion(String id, String encoding, String wantedEncoding, Double inputPriceRatio) {

    /** The widest price ratio, either way, that still counts as the same price class. */
    public static final double PRICE_CLASS_RATIO = 3.0;

    /** Returns a suggestion of {@code id} about which nothing is known but its name. */
    public static ModelSuggestion plain(String id) {
        return new ModelSuggestion(id, null, null, null);
    }

    /** Returns whether the offered model counts tokens with another encoding than the one meant. */
    public boolean otherTokenizer() {
        return wantedEncoding != null && encoding != null && !wantedEncoding.equals(encoding);
    }

    /** Returns whether the offered model's input price is more than {@value #PRICE_CLASS_RATIO}× away either way. */
    public boolean otherPriceClass() {
        return inputPriceRatio != null
                && (inputPriceRatio > PRICE_CLASS_RATIO || inputPriceRatio < 1 / PRICE_CLASS_RATIO);
    }

    /** Returns whether replacing the unknown id with this one keeps the tokenizer and the price class. */
    public boolean likeForLike() {
        return !otherTokenizer() && !otherPriceClass();
    }
}
