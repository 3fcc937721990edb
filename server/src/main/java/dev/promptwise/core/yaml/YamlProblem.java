package dev.promptwise.core.yaml;

import dev.promptwise.core.text.TextRange;

/**
 * A problem found while reading YAML: a syntax error, a limit crossed, or a duplicate key.
 *
 * @param kind what sort of problem
 * @param range where it is, as UTF-16 offsets into the whole document
 * @param message a sentence for the user
 */
public record YamlProblem(Kind kind, TextRange range, String message) {

    /** The sorts of problem. */
    public enum Kind { SYNTAX, LIMIT, DUPLICATE_KEY }
}
