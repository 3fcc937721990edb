package dev.promptwise.core.vocabulary;

import dev.promptwise.core.text.TextRange;
import java.util.List;

/**
 * A document symbol: a message, a section or a workload.
 *
 * @param name what the outline shows
 * @param detail a short second label (token count), or an empty string
 * @param kind what the symbol is
 * @param range the whole symbol
 * @param selectionRange the part to select when the symbol is chosen (a role marker, a key)
 * @param children nested symbols
 */
public record Symbol(String name, String detail, Kind kind, TextRange range, TextRange selectionRange,
        List<Symbol> children) {

    /** What a symbol is; the adapter maps each to an LSP symbol kind. */
    public enum Kind { MESSAGE, SECTION, WORKLOAD, KEY }

    public Symbol {
        children = List.copyOf(children);
    }
}
