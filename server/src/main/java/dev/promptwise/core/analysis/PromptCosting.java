package dev.promptwise.core.analysis;

import dev.promptwise.core.cost.PromptCostInput;
import dev.promptwise.core.syntax.FewShotExample;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.VariableUse;
import dev.promptwise.core.text.TextRange;
import java.util.List;

/** Turns an analysed prompt into the token counts the cost model prices: static text, examples, cacheable prefix. */
final class PromptCosting {

    private PromptCosting() {}

    static PromptCostInput input(AnalyzedPrompt prompt) {
        PromptDocument document = prompt.document();
        String text = document.text();
        List<Message> messages = document.messages();

        int placeholderTokens = 0;
        for (VariableUse use : document.variables()) {
            placeholderTokens += prompt.count(use.range().slice(text));
        }
        int staticTokens = Math.max(0, prompt.textTokens() - placeholderTokens);

        int exampleMessages = 0;
        for (FewShotExample example : document.examples()) {
            if (example.kind() == FewShotExample.Kind.MESSAGE_PAIR) {
                exampleMessages += 2;
            }
        }

        int formatTokens = 0;
        int prefixTokens = 0;
        boolean prefixEnded = false;
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            boolean raw = message.content().equals(message.contentRange().slice(text));
            if (raw && (message.role().equals("system") || message.role().equals("developer"))) {
                formatTokens += formatInstructionTokens(prompt, text, message.contentRange());
            }
            if (prefixEnded) {
                continue;
            }
            List<VariableUse> uses = prompt.variablesIn(message.contentRange());
            if (uses.isEmpty()) {
                prefixTokens += prompt.messageTokens(i) + AnalyzedPrompt.TOKENS_PER_MESSAGE;
            } else {
                if (raw) {
                    prefixTokens += prompt.count(text.substring(message.contentRange().start(), uses.get(0).range().start()))
                            + AnalyzedPrompt.TOKENS_PER_MESSAGE;
                }
                prefixEnded = true;
            }
        }
        int reordered = staticTokens + AnalyzedPrompt.TOKENS_PER_MESSAGE * messages.size();
        return new PromptCostInput(staticTokens, messages.size(), prompt.exampleTokens(), document.examples().size(),
                Math.min(formatTokens, staticTokens), Math.min(prefixTokens, reordered), reordered, exampleMessages);
    }

    private static int formatInstructionTokens(AnalyzedPrompt prompt, String text, TextRange content) {
        int tokens = 0;
        int lineStart = content.start();
        while (lineStart < content.end()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > content.end()) {
                lineEnd = content.end();
            }
            TextRange line = new TextRange(lineStart, lineEnd);
            // Whether the line lies in an example is a binary search; it is asked first so that the lines of
            // examples (most of a large few-shot prompt) are neither copied nor matched.
            if (!prompt.insideExample(line)) {
                String lineText = line.slice(text);
                if (!lineText.isBlank() && AnalyzedPrompt.isFormatInstruction(lineText)) {
                    tokens += prompt.count(lineText);
                }
            }
            lineStart = lineEnd + 1;
        }
        return tokens;
    }
}
