package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;

/**
 * A titled part of a prompt's text: a Markdown heading with what follows it, or a Dotprompt
 * {@code {{section "name"}}} marker with what follows it. Shown as document symbols and in hovers.
 *
 * @param title the heading's text without its {@code #} marks, or the section marker's name
 * @param level 1 to 6 for a Markdown heading ({@code #} to {@code ######}); 0 for a Dotprompt section marker
 * @param range from the heading's line to the next heading of the same or a higher level (or, for a marker, to the
 *     next section or role marker), or to the end of the searched range
 * @param titleRange where {@code title} sits in the file
 */
public record Section(String title, int level, TextRange range, TextRange titleRange) {}
