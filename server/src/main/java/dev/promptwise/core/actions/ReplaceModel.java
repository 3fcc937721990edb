package dev.promptwise.core.actions;

import dev.promptwise.core.syntax.ModelReference;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.List;

/**
 * The fix "Replace with &lt;model&gt;" for a model the catalog does not know: it rewrites the model reference to a
 * suggested catalog id, keeping what surrounds the id as written (quotes, and a provider prefix such as
 * {@code openai/} when the suggestion has none, since GitHub Models and Genkit need it).
 */
public final class ReplaceModel {

    private ReplaceModel() {}

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
