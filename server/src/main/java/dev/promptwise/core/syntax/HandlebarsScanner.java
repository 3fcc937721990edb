package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.text.TextSearch;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a Handlebars template (the body of a Dotprompt file) into its tags without running Handlebars, so that role
 * markers, variables and block structure can be read, and reports tags that never close and stray {@code }}}.
 *
 * <p>The scan is one linear pass with no recursion, so a 20 MB body or ten thousand nested blocks cost time in
 * proportion to their length and never overflow the stack.
 */
final class HandlebarsScanner {

    /** What a tag is, from the sigil after its opening braces. */
    enum TagKind {
        /** {@code {{! …}}} or {@code {{!-- … --}}}. */
        COMMENT,
        /** {@code {{expression}}} or {@code {{&expression}}}. */
        MUSTACHE,
        /** {@code {{{expression}}}}. */
        RAW,
        /** {@code {{#helper …}}}, or a decorator block such as {@code {{#*inline "name"}}}. */
        BLOCK_OPEN,
        /** {@code {{^name}}}: an inverted section, closed like a block. */
        INVERSE_OPEN,
        /** {@code {{/name}}}. */
        BLOCK_CLOSE,
        /** {@code {{else}}}, {@code {{else if x}}} or {@code {{^}}}. */
        ELSE,
        /** {@code {{> partial …}}}. */
        PARTIAL,
        /** {@code {{#> partial}}}: a partial block, closed like a block. */
        PARTIAL_BLOCK_OPEN,
        /** Anything else ({@code {{=<% %>=}}} delimiters): kept, not interpreted. */
        OTHER
    }

    /** How an expression token reads. */
    enum TokenKind { WORD, STRING, HASH_KEY, OPEN_PAREN, CLOSE_PAREN }

    /**
     * One token of a tag's expression.
     *
     * @param kind what it is
     * @param text the token's text (a string's value without its quotes; a hash key without its {@code =})
     * @param start its first offset in the file
     * @param end the offset just past it
     */
    record Token(TokenKind kind, String text, int start, int end) {}

    /**
     * One tag.
     *
     * @param kind what sort of tag
     * @param range the tag in the file, braces included
     * @param name the helper, block or partial name (for a close, the name after {@code /}); empty when none
     * @param tokens the expression's tokens after the sigil, the name included
     */
    record Tag(TagKind kind, TextRange range, String name, List<Token> tokens) {}

    /**
     * The tags of a template and what is broken in it.
     *
     * @param tags every complete tag in text order
     * @param problems unclosed tags, unclosed comments and stray {@code }}}, in text order
     */
    record Result(List<Tag> tags, List<SyntaxProblem> problems) {}

    private HandlebarsScanner() {}

    /** Scans {@code text[start, end)}; offsets in the result are offsets into the whole {@code text}. */
    static Result scan(String text, int start, int end) {
        List<Tag> tags = new ArrayList<>();
        List<SyntaxProblem> problems = new ArrayList<>();
        int plainBraceDepth = 0;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < end && text.charAt(i + 1) == '{') {
                int resume = readTag(text, i, end, tags, problems);
                i = resume;
                continue;
            }
            if (c == '}' && i + 1 < end && text.charAt(i + 1) == '}') {
                if (plainBraceDepth >= 2) {
                    plainBraceDepth -= 2;
                } else {
                    problems.add(new SyntaxProblem(new TextRange(i, i + 2), strayCloseMessage(text, tags)));
                    plainBraceDepth = 0;
                }
                i += 2;
                continue;
            }
            if (c == '{') {
                plainBraceDepth++;
            } else if (c == '}' && plainBraceDepth > 0) {
                plainBraceDepth--;
            }
            i++;
        }
        return new Result(tags, problems);
    }

    /** Reads the tag opening at {@code open}; returns where scanning resumes. */
    private static int readTag(String text, int open, int end, List<Tag> tags, List<SyntaxProblem> problems) {
        if (text.startsWith("{{!--", open) || text.startsWith("{{~!--", open)) {
            int close = TextSearch.indexOf(text, "--}}", open + 5);
            if (close < 0 || close + 4 > end) {
                problems.add(new SyntaxProblem(lineRange(text, open, end),
                        "This comment is never closed: end it with --}}"));
                return open + 2;
            }
            tags.add(new Tag(TagKind.COMMENT, new TextRange(open, close + 4), "", List.of()));
            return close + 4;
        }
        if (text.startsWith("{{!", open) || text.startsWith("{{~!", open)) {
            int close = TextSearch.indexOf(text, "}}", open + 3);
            if (close < 0 || close + 2 > end) {
                problems.add(new SyntaxProblem(lineRange(text, open, end),
                        "This comment is never closed: end it with }}"));
                return open + 2;
            }
            tags.add(new Tag(TagKind.COMMENT, new TextRange(open, close + 2), "", List.of()));
            return close + 2;
        }
        boolean raw = text.startsWith("{{{", open);
        int innerStart = open + (raw ? 3 : 2);
        int closeAt = findClose(text, innerStart, end);
        String closer = raw ? "}}}" : "}}";
        if (closeAt < 0 || (raw && !text.startsWith("}}}", closeAt))) {
            problems.add(new SyntaxProblem(lineRange(text, open, end),
                    "This tag is never closed: end it with " + closer));
            return innerStart;
        }
        int tagEnd = closeAt + closer.length();
        int innerEnd = closeAt;
        if (innerStart < innerEnd && text.charAt(innerStart) == '~') {
            innerStart++;
        }
        if (innerEnd > innerStart && text.charAt(innerEnd - 1) == '~') {
            innerEnd--;
        }
        tags.add(classify(text, new TextRange(open, tagEnd), innerStart, innerEnd, raw));
        return tagEnd;
    }

    /**
     * Returns the offset of the {@code }}} that closes a tag whose expression starts at {@code from}, or -1 when
     * a new {@code {{} or the end comes first. Quoted strings may hold braces but never a line break.
     */
    private static int findClose(String text, int from, int end) {
        int i = from;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '}' && i + 1 < end && text.charAt(i + 1) == '}') {
                return i;
            }
            if (c == '{' && i + 1 < end && text.charAt(i + 1) == '{') {
                return -1;
            }
            if (c == '"' || c == '\'') {
                int quoteEnd = i + 1;
                while (quoteEnd < end && text.charAt(quoteEnd) != c && text.charAt(quoteEnd) != '\n') {
                    quoteEnd++;
                }
                if (quoteEnd < end && text.charAt(quoteEnd) == c) {
                    i = quoteEnd + 1;
                    continue;
                }
            }
            i++;
        }
        return -1;
    }

    private static Tag classify(String text, TextRange range, int innerStart, int innerEnd, boolean raw) {
        int i = skipSpaces(text, innerStart, innerEnd);
        if (raw) {
            List<Token> tokens = tokenize(text, i, innerEnd);
            return new Tag(TagKind.RAW, range, firstWord(tokens), tokens);
        }
        char sigil = i < innerEnd ? text.charAt(i) : ' ';
        TagKind kind;
        int expressionStart = i + 1;
        switch (sigil) {
            case '#' -> {
                char next = i + 1 < innerEnd ? text.charAt(i + 1) : ' ';
                if (next == '>') {
                    kind = TagKind.PARTIAL_BLOCK_OPEN;
                    expressionStart = i + 2;
                } else if (next == '*') {
                    kind = TagKind.BLOCK_OPEN;
                    expressionStart = i + 2;
                } else {
                    kind = TagKind.BLOCK_OPEN;
                }
            }
            case '/' -> kind = TagKind.BLOCK_CLOSE;
            case '^' -> kind = skipSpaces(text, i + 1, innerEnd) == innerEnd ? TagKind.ELSE : TagKind.INVERSE_OPEN;
            case '>' -> kind = TagKind.PARTIAL;
            case '&' -> kind = TagKind.MUSTACHE;
            case '=' -> kind = TagKind.OTHER;
            default -> {
                kind = TagKind.MUSTACHE;
                expressionStart = i;
            }
        }
        List<Token> tokens = kind == TagKind.OTHER ? List.of() : tokenize(text, expressionStart, innerEnd);
        String name = firstWord(tokens);
        if (kind == TagKind.MUSTACHE && name.equals("else")) {
            kind = TagKind.ELSE;
        }
        return new Tag(kind, range, name, tokens);
    }

    private static String firstWord(List<Token> tokens) {
        return !tokens.isEmpty() && tokens.get(0).kind() == TokenKind.WORD ? tokens.get(0).text() : "";
    }

    /** Splits an expression into words, strings, hash keys and parentheses; block parameters are dropped. */
    private static List<Token> tokenize(String text, int start, int end) {
        List<Token> tokens = new ArrayList<>();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                int stringEnd = close < 0 || close >= end ? end : close;
                tokens.add(new Token(TokenKind.STRING, text.substring(i + 1, stringEnd), i,
                        Math.min(end, stringEnd + 1)));
                i = stringEnd + 1;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? TokenKind.OPEN_PAREN : TokenKind.CLOSE_PAREN, String.valueOf(c), i,
                        i + 1));
                i++;
            } else if (c == '|') {
                int close = text.indexOf('|', i + 1);
                i = close < 0 || close >= end ? end : close + 1;
            } else {
                int wordEnd = i;
                while (wordEnd < end && !Character.isWhitespace(text.charAt(wordEnd)) && "()\"'|=".indexOf(
                        text.charAt(wordEnd)) < 0) {
                    wordEnd++;
                }
                if (wordEnd < end && text.charAt(wordEnd) == '=') {
                    tokens.add(new Token(TokenKind.HASH_KEY, text.substring(i, wordEnd), i, wordEnd + 1));
                    i = wordEnd + 1;
                } else if (wordEnd == i) {
                    i++;
                } else {
                    tokens.add(new Token(TokenKind.WORD, text.substring(i, wordEnd), i, wordEnd));
                    i = wordEnd;
                }
            }
        }
        return tokens;
    }

    private static String strayCloseMessage(String text, List<Tag> tags) {
        String message = "Unbalanced braces: this }} has no opening {{";
        if (!tags.isEmpty()) {
            Tag previous = tags.get(tags.size() - 1);
            String previousText = previous.range().slice(text);
            if (previous.kind() == TagKind.COMMENT && !previousText.contains("{{!--")
                    && previousText.indexOf("{{", 2) >= 0) {
                return message + " (a {{! comment }} ends at its first }}; write {{!-- … --}} for a comment that"
                        + " holds braces)";
            }
        }
        return message;
    }

    private static int skipSpaces(String text, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Returns the range from {@code offset} to the end of its line (at least one character when there is one). */
    static TextRange lineRange(String text, int offset, int limit) {
        int end = offset;
        while (end < limit && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return new TextRange(offset, Math.max(end, Math.min(limit, offset + 1)));
    }
}
