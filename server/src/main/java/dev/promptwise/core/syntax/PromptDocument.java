package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import java.util.List;

/**
 * The one model every prompt format parses into. Parsing never throws: broken input gives a partial document and
 * {@link #problems()}.
 *
 * @param format the file's format
 * @param text the whole file text the ranges point into
 * @param messages the chat messages in order; never empty for a non-empty file unless the format has no body
 * @param variables every template variable use, in text order
 * @param inputs the declared inputs, in declaration order
 * @param model the model the file names, or {@code null} when it names none
 * @param maxOutputTokens the file's {@code maxOutputTokens} / {@code max_tokens} / {@code maxTokens}, or
 *     {@code null} when not set
 * @param examples the few-shot examples, structured and written as text
 * @param problems what is broken
 * @param declaresInputs whether the format declares its inputs at all; when false, undefined-variable is not checked
 * @param attachments what the prompt sends besides its text (file-held defaults, tool definitions, images), in text
 *     order
 */
public record PromptDocument(
        PromptFormat format,
        String text,
        List<Message> messages,
        List<VariableUse> variables,
        List<DeclaredInput> inputs,
        ModelReference model,
        Integer maxOutputTokens,
        List<FewShotExample> examples,
        List<SyntaxProblem> problems,
        boolean declaresInputs,
        List<Attachment> attachments) {

    public PromptDocument {
        attachments = List.copyOf(attachments);
        messages = List.copyOf(messages);
        variables = List.copyOf(variables);
        inputs = List.copyOf(inputs);
        examples = List.copyOf(examples);
        problems = List.copyOf(problems);
    }

    /** Creates the document of a format that attaches nothing to its text. */
    public PromptDocument(PromptFormat format, String text, List<Message> messages, List<VariableUse> variables,
            List<DeclaredInput> inputs, ModelReference model, Integer maxOutputTokens, List<FewShotExample> examples,
            List<SyntaxProblem> problems, boolean declaresInputs) {
        this(format, text, messages, variables, inputs, model, maxOutputTokens, examples, problems, declaresInputs,
                List.of());
    }

    /** Returns the message whose range holds {@code offset}, or {@code null} when none does. */
    public Message messageAt(int offset) {
        for (Message message : messages) {
            if (message.range().contains(offset)) {
                return message;
            }
        }
        return null;
    }

    /** Returns the range of the whole text. */
    public TextRange whole() {
        return new TextRange(0, text.length());
    }
}
