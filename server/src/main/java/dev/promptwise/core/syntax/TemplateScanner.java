package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.text.TextSearch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the template variables and the broken template syntax of the three placeholder dialects the YAML-based
 * formats use: Mustache, Handlebars and Jinja2 or Liquid ({@code {{ name }}}, {@code {% for %}}), Semantic
 * Kernel ({@code {{$name}}}) and Python f-strings ({@code {name}}). Every scan is linear in the text it reads and
 * never throws.
 *
 * <p>Ranges are offsets into the text passed in, so a caller can scan a slice of a file in place, or scan a YAML
 * scalar's value and map the ranges back into the file afterwards (see {@link ScalarContent}).
 */
final class TemplateScanner {

    /**
     * What a scan found.
     *
     * @param variables variable uses in text order
     * @param problems broken syntax, in text order
     */
    record Result(List<VariableUse> variables, List<SyntaxProblem> problems) {

        static final Result EMPTY = new Result(List.of(), List.of());

        Result {
            variables = List.copyOf(variables);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Most variable uses one scan reports. Real prompts hold far fewer; the bound keeps a pathological file (megabytes
     * of placeholders) from costing memory in proportion to its size.
     */
    static final int MAX_VARIABLES = 100_000;

    /** Most problems one scan reports; past a hundred, more of them do not help the author. */
    static final int MAX_PROBLEMS = 100;

    private static final Set<String> EXPRESSION_KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else",
            "elif", "true", "false", "none", "True", "False", "None", "null", "nil", "loop", "self", "super",
            "caller", "varargs", "kwargs", "this", "as", "recursive", "forloop", "lookup", "log");

    private static final Set<String> HANDLEBARS_BLOCK_HELPERS = Set.of("if", "unless", "each", "with", "message",
            "role", "section", "history", "media", "let", "raw");

    private TemplateScanner() {}

    /**
     * Scans {@code text[start, end)} as a Mustache, Handlebars, Jinja2 or Liquid template: {@code {{ expr }}},
     * {@code {{{ name }}}}, {@code {{#section}}}, {@code {% statement %}} and {@code {# comment #}}. Returns the
     * root names of the variables used (loop variables and names set inside the template are not uses) and a
     * problem for each tag that is never closed or block that is never ended; an empty result when there are none.
     */
    static Result mustacheOrJinja(String text, int start, int end) {
        return new JinjaScan(text, start, end, false).run();
    }

    /**
     * Returns what {@link #mustacheOrJinja(String, int, int)} returns, reusing the scan of an earlier version that
     * {@code memo} remembers when the edit since was plain text away from every tag (see {@link JinjaScans}); a scan
     * from scratch when {@code memo} is {@code null}, the stretch is short or does not run to the text's end.
     */
    static Result mustacheOrJinja(String text, int start, int end, SyntaxMemo memo) {
        if (memo == null || end != text.length() || end - start < JinjaScans.MIN_REMEMBERED_CHARS) {
            return mustacheOrJinja(text, start, end);
        }
        return JinjaScans.of(text, start, memo);
    }

    /**
     * Scans {@code text[start, text.length())} as {@link #mustacheOrJinja(String, int, int)} does and returns the
     * result with the stretch each tag read; without them (the scan cannot be reused) when it reached a cap.
     */
    static JinjaScans.Scan mustacheOrJinjaWithReaches(String text, int start) {
        JinjaScan scan = new JinjaScan(text, start, text.length(), true);
        Result result = scan.run();
        if (result.variables().size() >= MAX_VARIABLES || result.problems().size() >= MAX_PROBLEMS) {
            return new JinjaScans.Scan(text, start, result, null, null, 0);
        }
        return new JinjaScans.Scan(text, start, result, java.util.Arrays.copyOf(scan.reachStarts, scan.reaches),
                java.util.Arrays.copyOf(scan.reachEnds, scan.reaches), scan.reaches);
    }

    /**
     * Scans {@code text[start, end)} as a Semantic Kernel template: every {@code $name} inside {@code {{ }}} is a
     * use. Returns the uses and a problem for each <code>{{</code> that is never closed; an empty result when none.
     */
    static Result semanticKernel(String text, int start, int end) {
        List<VariableUse> variables = new ArrayList<>();
        List<SyntaxProblem> problems = new ArrayList<>();
        Finder closers = new Finder(text, "}}", end);
        Finder openers = new Finder(text, "{{", end);
        int index = start;
        while (index < end) {
            int open = openers.from(index);
            if (open < 0) {
                break;
            }
            int close = closers.from(open + 2);
            int nextOpen = openers.from(open + 2);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                addProblem(problems, neverClosed(open, "{{", "}}"));
                index = open + 2;
                continue;
            }
            TextRange whole = new TextRange(open, close + 2);
            int position = open + 2;
            while (position < close) {
                char c = text.charAt(position);
                if (c == '"' || c == '\'') {
                    position = skipString(text, position, close);
                } else if (c == '$' && position + 1 < close && isIdentifierStart(text.charAt(position + 1))) {
                    int nameEnd = identifierEnd(text, position + 1, close);
                    addUse(variables, new VariableUse(text.substring(position + 1, nameEnd), whole,
                            new TextRange(position + 1, nameEnd)));
                    position = nameEnd;
                } else {
                    position++;
                }
            }
            index = close + 2;
        }
        return new Result(variables, problems);
    }

    /**
     * Scans {@code text[start, end)} as a Python format string as LangChain reads it: {@code {name}},
     * {@code {name.attribute}}, {@code {name[0]}} and {@code {name:spec}} are uses of {@code name}; <code>{{</code>
     * and <code>}}</code> are literal braces. Returns the uses and a problem for each single brace that does not make a
     * placeholder; an empty result when there are none.
     */
    static Result fString(String text, int start, int end) {
        List<VariableUse> variables = new ArrayList<>();
        List<SyntaxProblem> problems = new ArrayList<>();
        Finder closers = new Finder(text, "}", end);
        Finder openers = new Finder(text, "{", end);
        int index = start;
        while (index < end) {
            char c = text.charAt(index);
            if (c == '{') {
                if (index + 1 < end && text.charAt(index + 1) == '{') {
                    index += 2;
                    continue;
                }
                int close = closers.from(index + 1);
                int nestedOpen = openers.from(index + 1);
                TextRange nestedName = null;
                if (close >= 0 && nestedOpen >= 0 && nestedOpen < close
                        && hasColonBefore(text, index + 1, nestedOpen)) {
                    // A format spec may hold one nested field, as in {value:{width}}.
                    int outerClose = closers.from(close + 1);
                    int nextOpen = openers.from(nestedOpen + 1);
                    if (outerClose >= 0 && (nextOpen < 0 || nextOpen > outerClose)) {
                        nestedName = new TextRange(nestedOpen + 1, close);
                        close = outerClose;
                        nestedOpen = -1;
                    }
                }
                if (close < 0 || (nestedOpen >= 0 && nestedOpen < close)) {
                    addProblem(problems, new SyntaxProblem(new TextRange(index, index + 1),
                            "'{' is never closed; write '{{' for a literal brace"));
                    index++;
                    continue;
                }
                int nameEnd = index + 1;
                while (nameEnd < close && ".[!:".indexOf(text.charAt(nameEnd)) < 0) {
                    nameEnd++;
                }
                String name = text.substring(index + 1, nameEnd);
                TextRange whole = new TextRange(index, close + 1);
                if (name.isEmpty()) {
                    addProblem(problems, new SyntaxProblem(whole,
                            "Empty placeholder '{}': name the variable, or write '{{}}' for literal braces"));
                } else if (!isIdentifier(name)) {
                    addProblem(problems, new SyntaxProblem(whole, "'" + whole.slice(text)
                            + "' is not a variable placeholder; write '{{' and '}}' for literal braces"));
                } else {
                    int nameStart = index + 1;
                    TextRange nameRange = new TextRange(nameStart, nameStart + name.length());
                    addUse(variables, new VariableUse(name, whole, nameRange));
                }
                if (nestedName != null && isIdentifier(nestedName.slice(text))) {
                    addUse(variables, new VariableUse(nestedName.slice(text), whole, nestedName));
                }
                index = close + 1;
            } else if (c == '}') {
                if (index + 1 < end && text.charAt(index + 1) == '}') {
                    index += 2;
                    continue;
                }
                addProblem(problems, new SyntaxProblem(new TextRange(index, index + 1),
                        "Single '}' outside a placeholder; write '}}' for a literal brace"));
                index++;
            } else {
                index++;
            }
        }
        return new Result(variables, problems);
    }

    /** Returns whether {@code text[from, to)} holds a colon, the start of a format spec. */
    private static boolean hasColonBefore(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ':') {
                return true;
            }
        }
        return false;
    }

    /** One scan of a Mustache or Jinja2 template, with its block stack and local names. */
    private static final class JinjaScan {
        private final String text;
        private final int start;
        private final int end;
        private final List<VariableUse> variables = new ArrayList<>();
        private final List<SyntaxProblem> problems = new ArrayList<>();
        private final Deque<Block> blocks = new ArrayDeque<>();
        private final Set<String> assignedNames = new HashSet<>();
        private final Finder expressionOpeners;
        private final Finder expressionClosers;
        private final Finder tripleClosers;
        private final Finder longCommentClosers;
        private final Finder statementOpeners;
        private final Finder statementClosers;
        private final Finder commentClosers;
        private int handlebarsEachDepth;
        /**
         * Whether the scan records, for each tag it handles, the stretch it read: {@link #reachStarts} (the tag's
         * opener, ascending) and {@link #reachEnds} (the furthest offset read by that tag or any before it, never
         * decreasing), {@link #reaches} of each.
         */
        private final boolean recordReaches;
        private int[] reachStarts;
        private int[] reachEnds;
        private int reaches;
        /** Set by a tag that read beyond the offset it returns (a tag never closed): the end of what it read. */
        private int tagReach;

        JinjaScan(String text, int start, int end, boolean recordReaches) {
            this.text = text;
            this.start = start;
            this.end = Math.min(end, text.length());
            this.recordReaches = recordReaches;
            if (recordReaches) {
                reachStarts = new int[64];
                reachEnds = new int[64];
            }
            expressionOpeners = new Finder(text, "{{", this.end);
            expressionClosers = new Finder(text, "}}", this.end);
            tripleClosers = new Finder(text, "}}}", this.end);
            longCommentClosers = new Finder(text, "--}}", this.end);
            statementOpeners = new Finder(text, "{%", this.end);
            statementClosers = new Finder(text, "%}", this.end);
            commentClosers = new Finder(text, "#}", this.end);
        }

        Result run() {
            int index = start;
            while (index < end) {
                int open = text.indexOf('{', index);
                if (open < 0 || open + 1 >= end) {
                    break;
                }
                char next = text.charAt(open + 1);
                tagReach = -1;
                if (next == '{') {
                    index = expressionTag(open);
                } else if (next == '%') {
                    index = statementTag(open);
                } else if (next == '#') {
                    int close = commentClosers.from(open + 2);
                    if (close < 0) {
                        addProblem(problems, neverClosed(open, "{#", "#}"));
                        index = open + 2;
                        tagReach = end;
                    } else {
                        index = close + 2;
                    }
                } else {
                    // A lone '{' reads only the character after it.
                    index = open + 1;
                    continue;
                }
                if (recordReaches) {
                    addReach(open, tagReach < 0 ? index : tagReach);
                }
            }
            for (Block block : blocks) {
                if (block.jinja()) {
                    addProblem(problems, new SyntaxProblem(block.tag(), "'{% " + block.keyword()
                            + " %}' is never closed with '{% end" + block.keyword() + " %}'"));
                }
            }
            problems.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
            return new Result(variables, problems);
        }

        private int expressionTag(int open) {
            boolean triple = open + 2 < end && text.charAt(open + 2) == '{';
            boolean longComment = text.startsWith("{{!--", open);
            String opener = triple ? "{{{" : "{{";
            String closer = longComment ? "--}}" : triple ? "}}}" : "}}";
            Finder closers = longComment ? longCommentClosers : triple ? tripleClosers : expressionClosers;
            int close = closers.from(open + opener.length());
            int nextOpen = longComment ? -1 : expressionOpeners.from(open + opener.length());
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                addProblem(problems, neverClosed(open, opener, closer));
                // It read to the first closer (the next opener comes before it), or to the end when there is none.
                tagReach = close < 0 ? end : close + closer.length();
                return open + opener.length();
            }
            TextRange whole = new TextRange(open, close + closer.length());
            int innerStart = open + opener.length();
            int innerEnd = close;
            if (innerStart < innerEnd && "-~+".indexOf(text.charAt(innerStart)) >= 0) {
                innerStart++;
            }
            if (innerEnd > innerStart && "-~".indexOf(text.charAt(innerEnd - 1)) >= 0) {
                innerEnd--;
            }
            innerStart = skipSpaces(text, innerStart, innerEnd);
            if (innerStart >= innerEnd) {
                return whole.end();
            }
            char sigil = text.charAt(innerStart);
            switch (sigil) {
                case '!', '>', '=' -> {
                    return whole.end();
                }
                case '/' -> {
                    closeHandlebarsBlock();
                    return whole.end();
                }
                case '#', '^' -> {
                    openHandlebarsBlock(whole, innerStart + 1, innerEnd);
                    return whole.end();
                }
                case '&' -> innerStart++;
                default -> {
                    // A plain expression.
                }
            }
            String firstWord = wordAt(innerStart, innerEnd);
            if (firstWord.equals("else")) {
                return whole.end();
            }
            collectUses(innerStart, innerEnd, whole, Set.of());
            return whole.end();
        }

        private void addReach(int from, int to) {
            if (reaches == reachStarts.length) {
                reachStarts = java.util.Arrays.copyOf(reachStarts, reaches * 2);
                reachEnds = java.util.Arrays.copyOf(reachEnds, reaches * 2);
            }
            reachStarts[reaches] = from;
            reachEnds[reaches] = reaches == 0 ? to : Math.max(to, reachEnds[reaches - 1]);
            reaches++;
        }

        private void openHandlebarsBlock(TextRange whole, int from, int to) {
            int nameStart = skipSpaces(text, from, to);
            String helper = wordAt(nameStart, to);
            int afterHelper = skipSpaces(text, nameStart + helper.length(), to);
            boolean isHelper = HANDLEBARS_BLOCK_HELPERS.contains(helper) && afterHelper < to;
            if (isHelper) {
                collectUses(afterHelper, to, whole, Set.of());
            } else {
                collectUses(nameStart, to, whole, Set.of());
            }
            boolean each = isHelper && helper.equals("each");
            if (each) {
                handlebarsEachDepth++;
            }
            blocks.push(new Block(helper, whole, false, Set.of(), each));
        }

        private void closeHandlebarsBlock() {
            Block top = blocks.peek();
            if (top != null && !top.jinja()) {
                blocks.pop();
                if (top.handlebarsEach()) {
                    handlebarsEachDepth--;
                }
            }
        }

        private int statementTag(int open) {
            int close = statementClosers.from(open + 2);
            int nextOpen = statementOpeners.from(open + 2);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                addProblem(problems, neverClosed(open, "{%", "%}"));
                tagReach = close < 0 ? end : close + 2;
                return open + 2;
            }
            TextRange whole = new TextRange(open, close + 2);
            int innerStart = open + 2;
            int innerEnd = close;
            if (innerStart < innerEnd && "-+".indexOf(text.charAt(innerStart)) >= 0) {
                innerStart++;
            }
            if (innerEnd > innerStart && "-+".indexOf(text.charAt(innerEnd - 1)) >= 0) {
                innerEnd--;
            }
            innerStart = skipSpaces(text, innerStart, innerEnd);
            String keyword = wordAt(innerStart, innerEnd);
            int restStart = skipSpaces(text, innerStart + keyword.length(), innerEnd);
            switch (keyword) {
                case "raw" -> {
                    return skipRaw(whole);
                }
                case "for", "tablerow" -> forStatement(whole, restStart, innerEnd, keyword);
                case "if", "unless", "case" -> {
                    collectUses(restStart, innerEnd, whole, Set.of());
                    blocks.push(new Block(keyword, whole, true, Set.of(), false));
                }
                case "elif", "elsif", "when" -> collectUses(restStart, innerEnd, whole, Set.of());
                case "set", "assign", "capture" -> assignment(whole, restStart, innerEnd, keyword);
                case "with" -> {
                    Set<String> names = new HashSet<>(namesBeforeEquals(restStart, innerEnd));
                    collectUses(restStart, innerEnd, whole, Set.of());
                    blocks.push(new Block(keyword, whole, true, names, false));
                }
                case "macro", "call" -> {
                    Set<String> names = new HashSet<>(identifiers(restStart, innerEnd));
                    if (keyword.equals("macro")) {
                        String macroName = wordAt(restStart, innerEnd);
                        assignedNames.add(macroName);
                    }
                    blocks.push(new Block(keyword, whole, true, names, false));
                }
                case "import", "from" -> {
                    int as = text.indexOf(" as ", restStart);
                    if (as >= 0 && as < innerEnd) {
                        assignedNames.addAll(identifiers(as + 4, innerEnd));
                    }
                    if (keyword.equals("from")) {
                        int importWord = text.indexOf(" import ", restStart);
                        if (importWord >= 0 && importWord < innerEnd) {
                            assignedNames.addAll(identifiers(importWord + 8, innerEnd));
                        }
                    }
                }
                case "block", "filter", "autoescape", "trans", "comment", "spaceless" ->
                        blocks.push(new Block(keyword, whole, true, Set.of(), false));
                default -> {
                    if (keyword.startsWith("end") && keyword.length() > 3) {
                        endStatement(whole, keyword.substring(3));
                    }
                }
            }
            return whole.end();
        }

        private void forStatement(TextRange whole, int restStart, int restEnd, String keyword) {
            int in = findWord("in", restStart, restEnd);
            Set<String> targets = new HashSet<>();
            if (in < 0) {
                addProblem(problems, new SyntaxProblem(whole, "'{% for %}' needs 'name in sequence'"));
            } else {
                targets.addAll(identifiers(restStart, in));
                collectUses(in + 2, restEnd, whole, Set.of());
            }
            targets.add("loop");
            targets.add("forloop");
            blocks.push(new Block(keyword, whole, true, targets, false));
        }

        private void assignment(TextRange whole, int restStart, int restEnd, String keyword) {
            String name = wordAt(restStart, restEnd);
            int equals = text.indexOf('=', restStart);
            if (equals >= 0 && equals < restEnd) {
                collectUses(equals + 1, restEnd, whole, Set.of());
            } else if (keyword.equals("set") || keyword.equals("capture")) {
                blocks.push(new Block(keyword, whole, true, Set.of(), false));
            }
            if (!name.isEmpty()) {
                assignedNames.add(name);
            }
        }

        private void endStatement(TextRange whole, String keyword) {
            Block top = blocks.peek();
            if (top != null && top.jinja() && top.keyword().equals(keyword)) {
                blocks.pop();
                return;
            }
            for (Block block : blocks) {
                if (block.jinja() && block.keyword().equals(keyword)) {
                    // Pop the inner blocks that were left open; each is reported as never closed.
                    while (blocks.peek() != block) {
                        Block unclosed = blocks.pop();
                        if (unclosed.jinja()) {
                            addProblem(problems, new SyntaxProblem(unclosed.tag(), "'{% " + unclosed.keyword()
                                    + " %}' is never closed with '{% end" + unclosed.keyword() + " %}'"));
                        }
                    }
                    blocks.pop();
                    return;
                }
            }
            addProblem(problems, new SyntaxProblem(whole,
                    "'{% end" + keyword + " %}' has no matching '{% " + keyword + " %}'"));
        }

        private int skipRaw(TextRange rawTag) {
            int index = rawTag.end();
            while (index < end) {
                int open = statementOpeners.from(index);
                if (open < 0) {
                    break;
                }
                int close = statementClosers.from(open + 2);
                if (close < 0) {
                    break;
                }
                String inner = text.substring(open + 2, close).replace("-", "").replace("+", "").strip();
                if (inner.equals("endraw")) {
                    return close + 2;
                }
                index = open + 2;
            }
            addProblem(problems, new SyntaxProblem(rawTag, "'{% raw %}' is never closed with '{% endraw %}'"));
            return end;
        }

        /** Adds a use for each root name in the expression {@code text[from, to)} that is not a local name. */
        private void collectUses(int from, int to, TextRange tag, Set<String> extraLocals) {
            int index = from;
            String previousWord = "";
            while (index < to) {
                char c = text.charAt(index);
                if (c == '"' || c == '\'') {
                    index = skipString(text, index, to);
                    previousWord = "";
                } else if (c == '@') {
                    index = identifierEnd(text, index + 1, to);
                    previousWord = "";
                } else if (Character.isDigit(c)) {
                    index = identifierEnd(text, index, to);
                    previousWord = "";
                } else if (isIdentifierStart(c)) {
                    int nameEnd = identifierEnd(text, index, to);
                    String name = text.substring(index, nameEnd);
                    if (isRootUse(name, index, nameEnd, from, to, previousWord, extraLocals)) {
                        addUse(variables, new VariableUse(name, tag, new TextRange(index, nameEnd)));
                    }
                    previousWord = name;
                    index = nameEnd;
                } else {
                    if (!Character.isWhitespace(c)) {
                        previousWord = "";
                    }
                    index++;
                }
            }
        }

        private boolean isRootUse(String name, int nameStart, int nameEnd, int from, int to, String previousWord,
                Set<String> extraLocals) {
            if (EXPRESSION_KEYWORDS.contains(name) || assignedNames.contains(name) || extraLocals.contains(name)
                    || previousWord.equals("is")) {
                return false;
            }
            if (handlebarsEachDepth > 0 && !precededByParentPath(nameStart, from)) {
                return false;
            }
            int before = nameStart - 1;
            while (before >= from && Character.isWhitespace(text.charAt(before))) {
                before--;
            }
            if (before >= from) {
                char previous = text.charAt(before);
                if (previous == '|' || (previous == '.' && !precededByParentPath(nameStart, from))) {
                    return false;
                }
            }
            int after = skipSpaces(text, nameEnd, to);
            if (after < to) {
                char next = text.charAt(after);
                boolean equalsSign = next == '=' && (after + 1 >= to || text.charAt(after + 1) != '=');
                if (equalsSign || next == '(') {
                    return false;
                }
            }
            for (Block block : blocks) {
                if (block.locals().contains(name)) {
                    return false;
                }
            }
            return true;
        }

        private boolean precededByParentPath(int nameStart, int from) {
            return nameStart - 3 >= from && text.startsWith("../", nameStart - 3)
                    || nameStart - 6 >= from && text.startsWith("@root.", nameStart - 6);
        }

        private List<String> identifiers(int from, int to) {
            List<String> names = new ArrayList<>();
            int index = from;
            while (index < to) {
                char c = text.charAt(index);
                if (c == '"' || c == '\'') {
                    index = skipString(text, index, to);
                } else if (isIdentifierStart(c)) {
                    int nameEnd = identifierEnd(text, index, to);
                    names.add(text.substring(index, nameEnd));
                    index = nameEnd;
                } else {
                    index++;
                }
            }
            return names;
        }

        private List<String> namesBeforeEquals(int from, int to) {
            List<String> names = new ArrayList<>();
            int index = from;
            while (index < to) {
                char c = text.charAt(index);
                if (isIdentifierStart(c)) {
                    int nameEnd = identifierEnd(text, index, to);
                    int after = skipSpaces(text, nameEnd, to);
                    if (after < to && text.charAt(after) == '=') {
                        names.add(text.substring(index, nameEnd));
                    }
                    index = nameEnd;
                } else {
                    index++;
                }
            }
            return names;
        }

        private int findWord(String word, int from, int to) {
            int index = from;
            while (index < to) {
                char c = text.charAt(index);
                if (isIdentifierStart(c)) {
                    int wordEnd = identifierEnd(text, index, to);
                    if (wordEnd - index == word.length() && text.startsWith(word, index)) {
                        return index;
                    }
                    index = wordEnd;
                } else {
                    index++;
                }
            }
            return -1;
        }

        private String wordAt(int from, int to) {
            if (from >= to || !isIdentifierStart(text.charAt(from))) {
                return "";
            }
            return text.substring(from, identifierEnd(text, from, to));
        }
    }

    /**
     * A block opened and not yet closed.
     *
     * @param keyword the statement or helper that opened it
     * @param tag the opening tag
     * @param jinja whether it is a {@code {% %}} block (reported when never closed) rather than a Handlebars one
     * @param locals names the block makes local (loop variables)
     * @param handlebarsEach whether it is a Handlebars {@code #each}, inside which names are the item's fields
     */
    private record Block(String keyword, TextRange tag, boolean jinja, Set<String> locals, boolean handlebarsEach) {}

    /** Adds {@code use} unless {@value #MAX_VARIABLES} uses were already found. */
    private static void addUse(List<VariableUse> variables, VariableUse use) {
        if (variables.size() < MAX_VARIABLES) {
            variables.add(use);
        }
    }

    /** Adds {@code problem} unless {@value #MAX_PROBLEMS} problems were already found. */
    private static void addProblem(List<SyntaxProblem> problems, SyntaxProblem problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    private static SyntaxProblem neverClosed(int open, String opener, String closer) {
        return new SyntaxProblem(new TextRange(open, open + opener.length()),
                "'" + opener + "' is never closed with '" + closer + "'");
    }

    /**
     * Finds one delimiter again and again as a scan moves forward. It remembers its last answer, so a text full of
     * openers that are never closed costs one pass instead of one pass per opener.
     */
    private static final class Finder {
        private final String text;
        private final String needle;
        private final int end;
        private int lastFrom = Integer.MAX_VALUE;
        private int lastFound = -1;

        Finder(String text, String needle, int end) {
            this.text = text;
            this.needle = needle;
            this.end = end;
        }

        /** Returns the index of the needle at or after {@code from} that ends by the end, or -1 when none. */
        int from(int from) {
            if (from >= lastFrom && (lastFound < 0 || lastFound >= from)) {
                return lastFound;
            }
            int found = TextSearch.indexOf(text, needle, from);
            lastFrom = from;
            lastFound = found >= 0 && found + needle.length() <= end ? found : -1;
            return lastFound;
        }
    }

    private static int skipString(String text, int quote, int to) {
        char delimiter = text.charAt(quote);
        int index = quote + 1;
        while (index < to) {
            char c = text.charAt(index);
            if (c == '\\') {
                index += 2;
            } else if (c == delimiter) {
                return index + 1;
            } else {
                index++;
            }
        }
        return to;
    }

    private static int skipSpaces(String text, int from, int to) {
        int index = from;
        while (index < to && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
        return index;
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifier(String name) {
        if (name.isEmpty() || !isIdentifierStart(name.charAt(0))) {
            return false;
        }
        return identifierEnd(name, 0, name.length()) == name.length();
    }

    private static int identifierEnd(String text, int from, int to) {
        int index = from;
        while (index < to && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '_')) {
            index++;
        }
        return index;
    }
}
