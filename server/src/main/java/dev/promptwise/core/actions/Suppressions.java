package dev.promptwise.core.actions;

import dev.promptwise.core.syntax.FrontMatter;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the comments that switch rules off for one file, so that a team can silence a finding it has
 * accepted without changing settings for the whole workspace. Each format has the comment its own tools ignore:
 *
 * <ul>
 *   <li>YAML files (GitHub Models, Semantic Kernel, LangChain): a {@code # promptwise-disable <rule-id>} line in the
 *       comment block at the top of the file, before the first key;
 *   <li>front matter (Prompty, Dotprompt, VS Code prompts): the same line at the top of the front matter, right
 *       after the opening {@code ---};
 *   <li>a Dotprompt body: {@code {{! promptwise-disable <rule-id> }}} (or the {@code {{!-- … --}}} form) anywhere;
 *   <li>a VS Code prompt's Markdown: {@code <!-- promptwise-disable <rule-id> -->} anywhere (Markdown has no
 *       comment that stays out of the text, so these few tokens are still sent; a {@code .prompt.md} file with
 *       front matter gets the front matter comment instead);
 *   <li>plain text has no comment syntax, so nothing can be disabled there;
 *   <li>a strategy file ({@code promptwise.yaml}, {@code *.strategy.yaml}) is YAML: the same
 *       {@code # promptwise-disable <rule-id>} line in the comment block at its top.
 * </ul>
 *
 * <p>Several ids may follow one marker, separated by commas or spaces; reading stops at the first word that is not a
 * rule id, so a reason may follow ({@code # promptwise-disable few-shot-heavy -- examples are the spec}). There is
 * no {@code all}: a file must name each rule it silences, and {@code all} is ignored.
 */
public final class Suppressions {

    /** The marker every suppression comment starts with. */
    public static final String MARKER = "promptwise-disable";

    private static final Pattern YAML_COMMENT = Pattern.compile("^[ \\t]*#[ \\t]*" + MARKER + "\\b(.*)$",
            Pattern.MULTILINE);
    private static final Pattern HANDLEBARS_COMMENT = Pattern.compile("\\{\\{!(?:--)?[ \\t]*" + MARKER
            + "\\b((?:(?!--\\}\\}|\\}\\})[^\\n])*)(?:--)?\\}\\}");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--[ \\t]*" + MARKER
            + "\\b((?:(?!-->)[^\\n])*)-->");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern SEPARATOR = Pattern.compile("[\\s,]+");

    /** The format whose comments a strategy file shares: a YAML file whose comment lines open it. */
    private static final PromptFormat STRATEGY_FILE = PromptFormat.GITHUB_MODELS;

    private Suppressions() {}

    /** Returns the ids of the rules that {@code text} disables, in the order written; empty when it disables none. */
    public static Set<String> find(String text, PromptFormat format) {
        Set<String> ids = new LinkedHashSet<>();
        for (Directive directive : directives(text, format)) {
            ids.addAll(directive.ids());
        }
        return ids;
    }

    /**
     * Returns the fix "Disable {@code ruleId} in this file", which extends the file's first suppression comment or
     * inserts one where the format has its place; empty when the rule is already disabled or the format has no
     * comment to hold it (plain text, a Prompty file without front matter).
     */
    public static Optional<Fix> disable(String text, PromptFormat format, String ruleId) {
        if (find(text, format).contains(ruleId)) {
            return Optional.empty();
        }
        List<Directive> existing = directives(text, format);
        TextEdit edit;
        if (!existing.isEmpty()) {
            Directive first = existing.get(0);
            edit = new TextEdit(TextRange.at(first.idsEnd()), (first.ids().isEmpty() ? " " : ", ") + ruleId);
        } else {
            edit = insertion(text, format, ruleId);
            if (edit == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new Fix("Disable " + ruleId + " in this file", Lines.withLineBreaksOf(text, List.of(edit)),
                false));
    }

    /** Returns the ids of the rules that a strategy file disables, read as a YAML prompt file's are. */
    public static Set<String> findInStrategy(String text) {
        return find(text, STRATEGY_FILE);
    }

    /** Returns the fix "Disable {@code ruleId} in this file" of a strategy file, as for a YAML prompt file. */
    public static Optional<Fix> disableInStrategy(String text, String ruleId) {
        return disable(text, STRATEGY_FILE, ruleId);
    }

    /** One suppression comment: the ids it names and the offset just past the last of them. */
    private record Directive(Set<String> ids, int idsEnd) {}

    private static TextEdit insertion(String text, PromptFormat format, String ruleId) {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        String yamlLine = "# " + MARKER + " " + ruleId + "\n";
        return switch (format) {
            case GITHUB_MODELS, SEMANTIC_KERNEL, LANGCHAIN -> new TextEdit(TextRange.at(start), yamlLine);
            case PROMPTY, DOTPROMPT, VSCODE_PROMPT -> {
                FrontMatter front = FrontMatter.find(text);
                if (front != null) {
                    yield new TextEdit(TextRange.at(front.yaml().start()), yamlLine);
                }
                if (format == PromptFormat.DOTPROMPT) {
                    yield new TextEdit(TextRange.at(start), "{{! " + MARKER + " " + ruleId + " }}\n");
                }
                if (format == PromptFormat.VSCODE_PROMPT) {
                    yield new TextEdit(TextRange.at(start), "<!-- " + MARKER + " " + ruleId + " -->\n");
                }
                yield null;
            }
            case PLAIN_TEXT -> null;
        };
    }

    private static List<Directive> directives(String text, PromptFormat format) {
        List<Directive> directives = new ArrayList<>();
        switch (format) {
            case GITHUB_MODELS, SEMANTIC_KERNEL, LANGCHAIN -> yamlHeader(text, 0, text.length(), directives);
            case PROMPTY, DOTPROMPT, VSCODE_PROMPT -> {
                FrontMatter front = FrontMatter.find(text);
                if (front != null) {
                    yamlHeader(text, front.yaml().start(), front.yaml().end(), directives);
                }
                int bodyStart = front == null ? 0 : front.body().start();
                Pattern inline = format == PromptFormat.DOTPROMPT ? HANDLEBARS_COMMENT
                        : format == PromptFormat.VSCODE_PROMPT ? HTML_COMMENT : null;
                if (inline != null) {
                    Matcher matcher = inline.matcher(text);
                    matcher.region(bodyStart, text.length());
                    while (matcher.find()) {
                        directives.add(directive(matcher.group(1), matcher.start(1)));
                    }
                }
            }
            case PLAIN_TEXT -> {
                // Plain text sends every character to the model, so it has no comment to hold a suppression.
            }
        }
        return directives;
    }

    /** Reads the comment lines (and blank lines) that open the YAML in {@code text[start, end)}. */
    private static void yamlHeader(String text, int start, int end, List<Directive> directives) {
        int lineStart = start < text.length() && text.charAt(start) == '\uFEFF' ? start + 1 : start;
        while (lineStart < end) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 || lineEnd > end ? end : lineEnd;
            String line = text.substring(lineStart, lineEnd);
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return;
            }
            Matcher matcher = YAML_COMMENT.matcher(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (matcher.find()) {
                directives.add(directive(matcher.group(1), lineStart + matcher.start(1)));
            }
            lineStart = lineEnd + 1;
        }
    }

    /** Reads the ids at the start of {@code list}, which starts at {@code offset} in the text. */
    private static Directive directive(String list, int offset) {
        Set<String> ids = new LinkedHashSet<>();
        int idsEnd = offset;
        Matcher separator = SEPARATOR.matcher(list);
        int position = 0;
        while (position < list.length()) {
            if (separator.find(position) && separator.start() == position) {
                position = separator.end();
                continue;
            }
            int wordEnd = separator.find(position) ? separator.start() : list.length();
            String word = list.substring(position, wordEnd);
            if (!RULE_ID.matcher(word.toLowerCase(Locale.ROOT)).matches()) {
                break;
            }
            if (!word.equalsIgnoreCase("all")) {
                ids.add(word.toLowerCase(Locale.ROOT));
            }
            idsEnd = offset + wordEnd;
            position = wordEnd;
        }
        return new Directive(ids, idsEnd);
    }
}
