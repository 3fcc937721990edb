package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses VS Code prompt and instructions files ({@code *.prompt.md}, {@code *.instructions.md},
 * {@code copilot-instructions.md}, {@code AGENTS.md}, {@code CLAUDE.md}): optional YAML front matter
 * ({@code description}, {@code mode}, {@code model}, {@code tools}, {@code applyTo}) and a Markdown body that is
 * one message.
 *
 * <p>The body is a {@code user} message in a prompt file, which the user sends, and a {@code system} message in an
 * instructions file, which the editor adds to every request. Variables are {@code ${input:name}} and
 * {@code ${input:name:placeholder}}; the editor's built-ins ({@code ${selection}}, {@code ${file}},
 * {@code ${workspaceFolder}} and the like) are filled in by the editor and are not variables. Inputs are declared
 * where they are used, so the document declares none. The model is kept as written, often a display name such as
 * {@code GPT-4o} that the price catalog resolves.
 */
final class VsCodePromptParser {

    private static final Pattern INPUT_VARIABLE = Pattern.compile("\\$\\{input:([^}:\\r\\n]*)(?::[^}\\r\\n]*)?}");

    private VsCodePromptParser() {}

    /**
     * Parses a file whose name is unknown: it is taken for an instructions file when its front matter has
     * {@code applyTo}, and for a prompt file otherwise.
     */
    static PromptDocument parse(String text) {
        return parse(text, null, new SyntaxMemo());
    }

    /**
     * Parses the file at {@code path} (only its name matters; {@code null} when unknown), choosing the message's
     * role from the name, and reusing what {@code memo} remembers of earlier versions.
     */
    static PromptDocument parse(String text, String path, SyntaxMemo memo) {
        List<SyntaxProblem> problems = new ArrayList<>();
        FrontMatterReading.Read front = FrontMatterReading.read(text, 0, memo);
        problems.addAll(front.problems());
        YamlNode.Mapping root = front.root();
        TextRange body = front.frontMatter() == null || !front.frontMatter().closed()
                ? FrontMatterReading.wholeWithoutBom(text) : front.frontMatter().body();

        boolean instructions = path != null ? isInstructionsFile(path) : root != null && root.get("applyTo") != null;
        List<Message> messages = new ArrayList<>();
        int start = body.start();
        int end = body.end();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            TextRange content = new TextRange(start, end);
            messages.add(Message.verbatim(instructions ? "system" : "user", content, content, text));
        }

        List<VariableUse> variables = new ArrayList<>();
        Matcher matcher = INPUT_VARIABLE.matcher(text).region(body.start(), body.end());
        while (matcher.find()) {
            String rawName = matcher.group(1);
            String name = rawName.strip();
            if (name.isEmpty()) {
                continue;
            }
            int nameStart = matcher.start(1) + rawName.indexOf(name);
            variables.add(new VariableUse(name, new TextRange(matcher.start(), matcher.end()),
                    new TextRange(nameStart, nameStart + name.length())));
        }

        ModelReference model = model(root);
        if (root == null && front.frontMatter() != null && front.frontMatter().closed()) {
            model = FrontMatterReading.modelOfBrokenYaml(text, front.frontMatter());
        }
        return new PromptDocument(PromptFormat.VSCODE_PROMPT, text, messages, variables, List.of(), model,
                null, ExampleFinder.find(text, messages, memo), problems, false);
    }

    /**
     * Returns whether the file at {@code path} holds always-on instructions ({@code *.instructions.md},
     * {@code copilot-instructions.md}, {@code AGENTS.md}, {@code CLAUDE.md}) rather than a prompt the user sends.
     */
    static boolean isInstructionsFile(String path) {
        String normalized = path.replace('\\', '/');
        String name = normalized.substring(normalized.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".instructions.md") || name.equals("copilot-instructions.md")
                || name.equals("agents.md") || name.equals("claude.md");
    }

    /** Returns the front matter's model (the first one when it lists several), or {@code null} when none. */
    private static ModelReference model(YamlNode.Mapping root) {
        if (root == null) {
            return null;
        }
        YamlNode value = root.get("model");
        if (value instanceof YamlNode.Sequence sequence && !sequence.items().isEmpty()) {
            value = sequence.items().get(0);
        }
        if (value instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.value().isBlank()) {
            return new ModelReference(scalar.value(), scalar.range());
        }
        return null;
    }
}
