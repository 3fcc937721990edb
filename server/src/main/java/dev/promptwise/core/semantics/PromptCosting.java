package dev.promptwise.core.semantics;

import dev.promptwise.core.cost.PromptCostInput;
import dev.promptwise.core.syntax.FewShotExample;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.VariableUse;
import dev.promptwise.core.text.RecentVersions;
import dev.promptwise.core.text.TextRange;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

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
        // The same placeholder is usually written the same way many times ("{{question}}" a thousand times in a
        // large prompt): each spelling is counted once.
        Map<String, Integer> placeholderCounts = new java.util.HashMap<>();
        for (VariableUse use : document.variables()) {
            placeholderTokens += placeholderCounts.computeIfAbsent(use.range().slice(text), prompt::count);
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
        ToIntFunction<String> figureOf = line -> formatTokensOf(prompt, line);
        if (content.length() < MIN_REMEMBERED_CHARS) {
            return FormatLineFigures.of(text, prompt.encoding(), content, prompt.exampleCover(), figureOf).total();
        }
        // A large content reads again only the lines an edit touched (FormatLineFigures): matching the pattern on
        // every line was a tenth of a keystroke, and walking them all a fifth of the first keystrokes.
        RecentVersions<FormatLineFigures> recent = prompt.memo().lineFigures();
        RecentVersions.Closest<FormatLineFigures> closest = recent.closest(text, (candidate, change) ->
                candidate.encoding().equals(prompt.encoding()) && candidate.contentStart() == content.start());
        FormatLineFigures previous = closest == null ? null : closest.version();
        FormatLineFigures current = previous == null ? null
                : previous.after(closest.change(), text, content, prompt.exampleCover(), figureOf);
        if (current == null) {
            current = FormatLineFigures.walk(text, prompt.encoding(), content, prompt.exampleCover(), figureOf,
                    previous, closest == null ? null : closest.change());
        }
        FormatLineFigures made = current;
        recent.remember(made, previous, known -> known.text() == made.text()
                && known.contentStart() == made.contentStart() && known.encoding().equals(made.encoding()));
        return made.total();
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
}
