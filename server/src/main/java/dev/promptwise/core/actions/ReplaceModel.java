package dev.promptwise.core.actions;

import dev.promptwise.core.catalog.ModelSuggestion;
import dev.promptwise.core.cost.Money;
import dev.promptwise.core.syntax.ModelReference;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * The fix "Replace with &lt;model&gt;" for a model the catalog does not know: it rewrites the model reference to a
 * suggested catalog id, keeping what surrounds the id as written (quotes, and a provider prefix such as
 * {@code openai/} when the suggestion has none, since GitHub Models and Genkit need it).
 */
public final class ReplaceModel {

    private ReplaceModel() {}

    /**
     * Returns the fix that replaces the model {@code reference} with {@code suggestion}: preferred (the one-click
     * fix) only when it is the first suggestion and keeps the tokenizer and the price class, and otherwise titled
     * with what differs ({@code Replace with gpt-4o (o200k_base tokenizer, not cl100k_base; 1/12 the input price
     * of gpt-4)}).
     */
    public static Fix fix(String text, ModelReference reference, ModelSuggestion suggestion, String wantedId,
            boolean first) {
        Fix plain = fix(text, reference, suggestion.id());
        return new Fix(title(suggestion, wantedId), plain.edits(), first && suggestion.likeForLike());
    }

    /** Returns the title of the fix that writes {@code suggestion} in place of {@code wantedId}. */
    public static String title(ModelSuggestion suggestion, String wantedId) {
        String caveat = caveat(suggestion, wantedId);
        return "Replace with " + suggestion.id() + (caveat.isEmpty() ? "" : " (" + caveat + ")");
    }

    /**
     * Returns the "did you mean" of an unknown model: each suggestion in quotes, the first followed by what sets
     * it apart from {@code wantedId} when it differs in tokenizer or price class ({@code did you mean 'o3' (1/7.5
     * the input price of o1)?}); empty when there is no suggestion.
     */
    public static String didYouMean(List<ModelSuggestion> suggestions, String wantedId) {
        if (suggestions.isEmpty()) {
            return "";
        }
        List<String> quoted = new ArrayList<>();
        for (ModelSuggestion suggestion : suggestions) {
            String caveat = caveat(suggestion, wantedId);
            quoted.add("'" + suggestion.id() + "'" + (caveat.isEmpty() ? "" : " (" + caveat + ")"));
        }
        return ": did you mean " + String.join(", ", quoted) + "?";
    }

    /**
     * Says how {@code suggestion} differs from the model meant: another tokenizer, and an input price more than
     * {@value ModelSuggestion#PRICE_CLASS_RATIO}× away; empty when it differs in neither.
     */
    public static String caveat(ModelSuggestion suggestion, String wantedId) {
        List<String> parts = new ArrayList<>();
        if (suggestion.otherTokenizer()) {
            parts.add(suggestion.encoding() + " tokenizer, not " + suggestion.wantedEncoding());
        }
        if (suggestion.otherPriceClass()) {
            double ratio = suggestion.inputPriceRatio();
            parts.add((ratio < 1 ? "1/" + Money.number(1 / ratio) : Money.number(ratio) + "×")
                    + " the input price of " + wantedId);
        }
        return String.join("; ", parts);
    }

    /**
     * Returns the fix that replaces the model {@code reference} (whose range points into {@code text}) with
     * {@code suggestedId}.
     */
    public static Fix fix(String text, ModelReference reference, String suggestedId) {
        TextRange range = reference.range();
        String written = range.slice(text);
        int start = range.start();
        int end = range.end();
        if (written.length() >= 2 && (written.charAt(0) == '"' || written.charAt(0) == '\'')
                && written.charAt(written.length() - 1) == written.charAt(0)) {
            start++;
            end--;
        }
        String id = text.substring(start, end);
        int slash = id.lastIndexOf('/');
        if (slash >= 0 && suggestedId.indexOf('/') < 0) {
            start += slash + 1;
        }
        return new Fix("Replace with " + suggestedId, List.of(new TextEdit(new TextRange(start, end), suggestedId)),
                true);
    }
}
