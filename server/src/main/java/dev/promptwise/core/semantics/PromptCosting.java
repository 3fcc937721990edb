package dev.promptwise.core.semantics;

import dev.promptwise.core.cost.PromptCostInput;
import dev.promptwise.core.syntax.FewShotExample;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.VariableUse;
import dev.promptwise.core.text.RangeCover;
import dev.promptwise.core.text.RecentVersions;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.text.TextRange;
import java.util.List;
import java.util.Map;

/** Turns an analysed prompt into the token counts the cost model prices: static text, examples, cacheable prefix. */
public final class PromptCosting {

    private PromptCosting() {}

    static PromptCostInput input(AnalyzedPrompt prompt) {
        PromptDocument document = prompt.document();
        String text = document.text();
        List<Message> messages = document.messages();
        AttachmentCosting.Priced attached = prompt.attachments();
        // A variable whose default is a file sends the file's text in its place: static text, not variable input.
        Map<String, Integer> fileDefaults = attached.fileDefaults();
        java.util.Set<String> fromFiles = attached.fileVariables();

        int placeholderTokens = 0;
        for (VariableUse use : document.variables()) {
            placeholderTokens += prompt.count(use.range().slice(text));
        }
        int toolTokens = attached.toolTokens();
        int staticTokens = Math.max(0, prompt.textTokens() - placeholderTokens)
                + prompt.sentBesidesTextTokens();

        int exampleMessages = 0;
        for (FewShotExample example : document.examples()) {
            if (example.kind() == FewShotExample.Kind.MESSAGE_PAIR) {
                exampleMessages += 2;
            }
        }

        int formatTokens = 0;
        // Tool definitions come before the messages in every provider's request, so they open the cached prefix.
        int prefixTokens = toolTokens;
        boolean prefixEnded = false;
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            boolean raw = message.verbatim();
            if (message.role().equals("system") || message.role().equals("developer")) {
                // One rule in every format: the lines of the content sent, whether the file holds it as written
                // (Prompty, Dotprompt) or as a YAML scalar (GitHub Models, Semantic Kernel, LangChain).
                formatTokens += raw ? formatInstructionTokens(prompt, text, message.contentRange())
                        : formatInstructionTokensOfValue(prompt, text, message);
            }
            if (prefixEnded) {
                continue;
            }
            List<VariableUse> uses = prompt.variablesIn(message.contentRange());
            VariableUse firstVarying = uses.stream().filter(use -> !fromFiles.contains(use.name())).findFirst()
                    .orElse(null);
            if (firstVarying == null) {
                prefixTokens += prompt.messageTokens(i) + AnalyzedPrompt.TOKENS_PER_MESSAGE
                        + attachedIn(prompt, attached, fileDefaults, uses, message.contentRange());
            } else {
                if (raw) {
                    int end = firstVarying.range().start();
                    prefixTokens += prompt.count(text.substring(message.contentRange().start(), end))
                            + AnalyzedPrompt.TOKENS_PER_MESSAGE
                            + attachedIn(prompt, attached, fileDefaults, uses,
                                    new TextRange(message.contentRange().start(), end));
                } else {
                    // A YAML scalar's value: the static text before the variable as it is sent.
                    int at = message.content().indexOf(firstVarying.range().slice(text));
                    if (at >= 0) {
                        prefixTokens += prompt.count(message.content().substring(0, at))
                                + AnalyzedPrompt.TOKENS_PER_MESSAGE;
                    }
                }
                prefixEnded = true;
            }
        }
        int reordered = staticTokens + AnalyzedPrompt.TOKENS_PER_MESSAGE * messages.size();
        return new PromptCostInput(staticTokens, messages.size(), prompt.exampleTokens(), document.examples().size(),
                Math.min(formatTokens, staticTokens), Math.min(prefixTokens, reordered), reordered, exampleMessages,
                attached.estimated());
    }

    /**
     * Returns what the prompt sends besides its own text, in tokens: each file default's text at each use of its
     * variable in a message, tool definitions, and each image in a message less its reference's text. 0 for a
     * prompt that refers to nothing.
     */
    static int sentBesidesText(AnalyzedPrompt prompt) {
        AttachmentCosting.Priced attached = prompt.attachments();
        if (attached.items().isEmpty()) {
            return 0;
        }
        List<Message> messages = prompt.document().messages();
        Map<String, Integer> fileDefaults = attached.fileDefaults();
        int tokens = attached.toolTokens();
        if (!fileDefaults.isEmpty()) {
            for (VariableUse use : prompt.document().variables()) {
                if (insideMessage(messages, use.range())) {
                    tokens += fileDefaults.getOrDefault(use.name(), 0);
                }
            }
        }
        for (AttachmentCosting.Item image : attached.images()) {
            if (insideMessage(messages, image.attachment().range())) {
                tokens += image.tokens() - referenceTokens(prompt, image);
            }
        }
        return tokens;
    }

    /**
     * Returns what the file defaults and images inside {@code span} (a message's content, or its part before the
     * first varying variable) change in the prefix's count: each file's tokens in place of its placeholder, each
     * image's in place of its reference.
     */
    private static int attachedIn(AnalyzedPrompt prompt, AttachmentCosting.Priced attached,
            Map<String, Integer> fileDefaults, List<VariableUse> uses, TextRange span) {
        String text = prompt.document().text();
        int tokens = 0;
        for (VariableUse use : uses) {
            Integer file = fileDefaults.get(use.name());
            if (use.range().end() <= span.end() && file != null) {
                tokens += file - prompt.count(use.range().slice(text));
            }
        }
        for (AttachmentCosting.Item image : attached.images()) {
            TextRange range = image.attachment().range();
            if (span.encloses(range)) {
                tokens += image.tokens() - referenceTokens(prompt, image);
            }
        }
        return tokens;
    }

    /**
     * Returns the tokens of an image's reference, which the image replaces; 0 when a template variable is part of it,
     * whose placeholder is already left out with the other variables.
     */
    private static int referenceTokens(AnalyzedPrompt prompt, AttachmentCosting.Item image) {
        String reference = image.attachment().range().slice(prompt.document().text());
        return reference.contains("{{") || reference.contains("{%") ? 0 : prompt.count(reference);
    }

    /** Returns whether {@code range} lies in a message's content, so that it is sent. */
    private static boolean insideMessage(List<Message> messages, TextRange range) {
        for (Message message : messages) {
            if (message.contentRange().encloses(range)) {
                return true;
            }
        }
        return false;
    }

    private static int formatInstructionTokens(AnalyzedPrompt prompt, String text, TextRange content) {
        // A large content reuses the earlier version's figure for every line wholly outside the edit: a line's
        // figure depends on its text alone, and matching the pattern on every line was a tenth of a keystroke.
        RecentVersions<LineFigures> recent = prompt.memo().lineFigures();
        boolean remembered = content.length() >= MIN_REMEMBERED_CHARS;
        RecentVersions.Closest<LineFigures> closest = !remembered ? null
                : recent.closest(text, (candidate, change) -> candidate.encoding().equals(prompt.encoding()));
        LineFigures previous = closest == null ? null : closest.version();
        LineFigures.Reuse reuse = previous == null || closest.change() == null ? null
                : new LineFigures.Reuse(previous, closest.change());
        LineFigures.Builder figures = remembered ? new LineFigures.Builder(previous == null ? 256 : previous.count() + 16)
                : null;
        int tokens = 0;
        RangeCover.Cursor examples = prompt.exampleCover().cursor();
        int lineStart = content.start();
        while (lineStart < content.end()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > content.end()) {
                lineEnd = content.end();
            }
            // Whether the line lies in an example is asked first (a cursor moving with the lines), so that the
            // lines of examples (most of a large few-shot prompt) are neither copied nor matched.
            if (!examples.contains(lineStart, lineEnd)) {
                int known = reuse == null ? -1 : reuse.figureOf(lineStart, lineEnd);
                int figure = known >= 0 ? known : formatTokensOf(prompt, text.substring(lineStart, lineEnd));
                if (figures != null) {
                    figures.add(lineStart, lineEnd, figure);
                }
                tokens += figure;
            }
            lineStart = lineEnd + 1;
        }
        if (figures != null) {
            LineFigures current = figures.build(text, prompt.encoding());
            recent.remember(current, previous,
                    known -> known.text() == current.text() && known.encoding().equals(current.encoding()));
        }
        return tokens;
    }

    /**
     * Returns the format-instruction tokens of a message whose content is a YAML scalar's value: its lines, less
     * those of the examples written inside it.
     */
    private static int formatInstructionTokensOfValue(AnalyzedPrompt prompt, String text, Message message) {
        java.util.Set<String> exampleLines = new java.util.HashSet<>();
        for (FewShotExample example : prompt.document().examples()) {
            if (example.kind() == FewShotExample.Kind.TEXT && message.contentRange().encloses(example.range())) {
                for (String line : example.range().slice(text).split("\n")) {
                    exampleLines.add(line.strip());
                }
            }
        }
        int tokens = 0;
        for (String line : message.content().split("\n")) {
            if (!exampleLines.contains(line.strip())) {
                tokens += formatTokensOf(prompt, line);
            }
        }
        return tokens;
    }

    /** Returns the tokens of a line that describes the output's format, else 0. */
    private static int formatTokensOf(AnalyzedPrompt prompt, String lineText) {
        return !lineText.isBlank() && AnalyzedPrompt.isFormatInstruction(lineText) ? prompt.count(lineText) : 0;
    }

    /** Contents shorter than this are matched line by line every time. */
    private static final int MIN_REMEMBERED_CHARS = 16 * 1024;

    /**
     * One version's format-line figures, line by line in text order (a line's start, end and figure at the same
     * index of three arrays); the last {@value #CAPACITY} large texts are remembered in the host's
     * {@link SemanticMemo}. Arrays rather than a map: the figures of every line of a 1 MB prompt are written again on
     * each keystroke, and a map of boxed keys was a sixth of the keystroke's analysis (profiled).
     */
    record LineFigures(String text, String encoding, int[] starts, int[] ends, int[] figures, int count) {

        static final int CAPACITY = 4;

        /** Collects one version's figures, lines added in text order. */
        static final class Builder {

            private int[] starts;
            private int[] ends;
            private int[] figures;
            private int count;

            Builder(int capacity) {
                starts = new int[Math.max(16, capacity)];
                ends = new int[starts.length];
                figures = new int[starts.length];
            }

            void add(int start, int end, int figure) {
                if (count == starts.length) {
                    int grown = starts.length * 2;
                    starts = java.util.Arrays.copyOf(starts, grown);
                    ends = java.util.Arrays.copyOf(ends, grown);
                    figures = java.util.Arrays.copyOf(figures, grown);
                }
                starts[count] = start;
                ends[count] = end;
                figures[count] = figure;
                count++;
            }

            LineFigures build(String text, String encoding) {
                return new LineFigures(text, encoding, starts, ends, figures, count);
            }
        }

        /**
         * Finds the earlier version's figure of each line of the new one, lines asked for in text order: a line
         * wholly before the change is where it was, one wholly after it moved by the change's delta, and one that
         * overlaps it is figured again. A cursor over the earlier lines moves forward only.
         */
        static final class Reuse {

            private final LineFigures previous;
            private final TextChange change;
            private int index;

            Reuse(LineFigures previous, TextChange change) {
                this.previous = previous;
                this.change = change;
            }

            /** Returns the earlier figure of the line {@code [start, end)} of the new text, or -1 when there is none. */
            int figureOf(int start, int end) {
                int oldStart;
                int oldEnd;
                if (end < change.start()) {
                    oldStart = start;
                    oldEnd = end;
                } else if (start >= change.newEnd()) {
                    oldStart = start - change.delta();
                    oldEnd = end - change.delta();
                } else {
                    return -1;
                }
                int[] starts = previous.starts();
                while (index < previous.count() && starts[index] < oldStart) {
                    index++;
                }
                return index < previous.count() && starts[index] == oldStart && previous.ends()[index] == oldEnd
                        ? previous.figures()[index] : -1;
            }
        }
    }
}
