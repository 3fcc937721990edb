package dev.promptwise.core.strategy;

import dev.promptwise.core.text.TextRange;
import java.util.List;

/**
 * One way a strategy file breaks its JSON Schema, placed on the YAML it concerns: an unknown key on the key, a bad
 * value on the value.
 *
 * @param range where to flag it
 * @param message a sentence for the user, ending with the did-you-mean when there is one
 * @param path the keys from the root to the offending key or value
 * @param suggestion the closest allowed key or value, or {@code null} when none is close
 */
public record SchemaProblem(TextRange range, String message, List<String> path, String suggestion) {

    public SchemaProblem {
        path = List.copyOf(path);
    }
}
