package dev.promptwise.core.actions;

import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.VariableUse;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fix "Move variables after the static prefix" for {@code cacheable-prefix}: providers cache a prompt's longest
 * unchanged prefix, so a variable near the top makes everything after it full price on every request. The fix
 * moves the variables down, but only where what the model is asked stays the same. It is offered in exactly two
 * shapes, and declines every other one:
 *
 * <ol>
 *   <li>the first message is a system (or developer) message that opens with <em>data lines</em> and continues
 *       with static text; the data lines move to the start of the last user message. The model still receives
 *       every value with its label, now next to the request it belongs to;
 *   <li>the last message is a user message that opens with data lines and continues with static text; the data
 *       lines move to the end of that message, after the instructions.
 * </ol>
 *
 * <p>A <em>data line</em> holds simple placeholders ({@code {{name}}}, {@code {{$name}}}, {@code {name}}) and at
 * most a short label before them ({@code Customer: {{name}}}); nothing else. Lines with template logic
 * ({@code {{#if}}}, {@code {% for %}}, filters), placeholders inside a sentence, static text that still holds a
 * variable or template tag, and messages whose text in the file is not exactly their content (quoted or folded
 * YAML scalars, where moving raw lines could change escaping) are never touched.
 */
public final class MoveVariables {

    /** The title of the fix. */
    public static final String TITLE = "Move variables after the static prefix";

    private static final Pattern SIMPLE_PLACEHOLDER = Pattern.compile(
            "\\{\\{\\{?\\s*\\$?[A-Za-z_][\\w.]*\\s*}?}}|\\{[A-Za-z_][\\w.]*}");
    private static final Pattern LABEL = Pattern.compile("[ \\t]*(?:\\p{L}[\\p{L}\\p{N} _'/-]{0,40}:)?[ \\t]*");

    private MoveVariables() {}

    /** Returns the fix for {@code document}; empty when no shape above applies. */
    public static Optional<Fix> fix(PromptDocument document) {
        List<Message> messages = document.messages();
        int lastUser = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).role().equals("user")) {
                lastUser = i;
            }
        }
        if (lastUser < 0 || !messages.get(lastUser).verbatim()) {
            return Optional.empty();
        }
        Message last = messages.get(lastUser);
        Message first = messages.get(0);
        boolean instructions = first.role().equals("system") || first.role().equals("developer");
        if (lastUser > 0 && instructions && first.verbatim()) {
            Optional<Fix> fromSystem = leading(document, first)
                    .map(lead -> fix(document.text(), lead, new TextEdit(TextRange.at(last.contentRange().start()),
                            lead.lines() + "\n")));
            if (fromSystem.isPresent()) {
                return fromSystem;
            }
        }
        if (lastUser == messages.size() - 1) {
            return leading(document, last).map(lead -> {
                String content = last.content();
                int end = last.contentRange().start() + content.stripTrailing().length();
                return fix(document.text(), lead, new TextEdit(TextRange.at(end), "\n\n" + lead.lines()));
            });
        }
        return Optional.empty();
    }

    /**
     * The data lines that open a message.
     *
     * @param removal the lines and the blank lines after them
     * @param lines the data lines' text, without the final line break
     */
    private record Leading(TextRange removal, String lines) {}

    private static Fix fix(String text, Leading lead, TextEdit insertion) {
        return new Fix(TITLE, Lines.withLineBreaksOf(text, List.of(new TextEdit(lead.removal(), ""), insertion)),
                false);
    }

    /** Returns the data lines that open {@code message} when static text follows them; empty otherwise. */
    private static Optional<Leading> leading(PromptDocument document, Message message) {
        String text = document.text();
        TextRange content = message.contentRange();
        int lineStart = content.start();
        int dataEnd = -1;
        while (lineStart < content.end()) {
            int lineEnd = Math.min(content.end(), Lines.nextLineStart(text, lineStart));
            String line = text.substring(lineStart, lineEnd);
            if (line.isBlank()) {
                break;
            }
            if (!isDataLine(document, lineStart, lineEnd)) {
                break;
            }
            dataEnd = lineEnd;
            lineStart = lineEnd;
        }
        if (dataEnd < 0) {
            return Optional.empty();
        }
        int restStart = dataEnd;
        while (restStart < content.end()) {
            int lineEnd = Math.min(content.end(), Lines.nextLineStart(text, restStart));
            if (!text.substring(restStart, lineEnd).isBlank()) {
                break;
            }
            restStart = lineEnd;
        }
        int staticStart = restStart;
        String rest = text.substring(staticStart, content.end());
        boolean staticRest = !rest.isBlank() && !rest.contains("{{") && !rest.contains("{%")
                && document.variables().stream().noneMatch(use -> within(use.range(), staticStart, content.end()));
        if (!staticRest) {
            return Optional.empty();
        }
        String lines = text.substring(content.start(), dataEnd).stripTrailing();
        return Optional.of(new Leading(new TextRange(content.start(), restStart), lines));
    }

    /**
     * Returns whether the line holds simple placeholders separated by blanks, with at most a label before the
     * first one.
     */
    private static boolean isDataLine(PromptDocument document, int lineStart, int lineEnd) {
        String text = document.text();
        int copied = -1;
        for (VariableUse use : document.variables()) {
            if (!within(use.range(), lineStart, lineEnd)) {
                continue;
            }
            if (!SIMPLE_PLACEHOLDER.matcher(use.range().slice(text)).matches()) {
                return false;
            }
            String before = copied < 0 ? text.substring(lineStart, use.range().start())
                    : text.substring(copied, use.range().start());
            if (copied < 0 ? !LABEL.matcher(before).matches() : !before.isBlank()) {
                return false;
            }
            copied = use.range().end();
        }
        return copied >= 0 && text.substring(copied, lineEnd).isBlank();
    }

    private static boolean within(TextRange range, int start, int end) {
        return range.start() >= start && range.end() <= end;
    }
}
