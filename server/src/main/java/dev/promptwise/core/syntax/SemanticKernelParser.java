package dev.promptwise.core.syntax;

import dev.promptwise.core.syntax.YamlPromptSupport.TemplateDialect;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Semantic Kernel prompt YAML: {@code template} in the {@code template_format} {@code semantic-kernel}
 * (the default, {@code {{$name}}}), {@code handlebars} or {@code liquid} ({@code {{name}}}),
 * {@code input_variables: [{name, default, description}]} and {@code execution_settings} per service.
 *
 * <p>Messages are the template's {@code <message role="…">…</message>} elements (and Handlebars'
 * {@code {{#message role="…"}}…{{/message}}} blocks); a template without them is one user message. The template is
 * a YAML scalar, so message and variable ranges are mapped from its value back into the file; where that is not
 * possible they fall back to the whole scalar.
 */
final class SemanticKernelParser {

    private static final Pattern MESSAGE_OPEN = Pattern.compile(
            "<message\\s+role\\s*=\\s*[\"']([A-Za-z]+)[\"'][^>]*>"
            + "|\\{\\{#message\\s+role\\s*=\\s*[\"']([A-Za-z]+)[\"']\\s*}}");

    private SemanticKernelParser() {}

    /** Parses {@code text} from scratch, with a memo of its own; never throws on user input. */
    static PromptDocument parse(String text) {
        return parse(text, new SyntaxMemo());
    }

    /** Parses {@code text}, reusing what {@code memo} remembers of earlier versions; never throws on user input. */
    static PromptDocument parse(String text, SyntaxMemo memo) {
        YamlDocument yaml = YamlReader.read(text, 0, text.length());
        List<SyntaxProblem> problems = new ArrayList<>(YamlPromptSupport.problemsOf(yaml));
        List<Message> messages = new ArrayList<>();
        List<VariableUse> variables = new ArrayList<>();
        List<DeclaredInput> inputs = new ArrayList<>();
        ModelReference model = null;
        Integer maxOutputTokens = null;
        boolean declaresInputs = false;
        YamlNode.Mapping root = yaml.rootMapping();
        if (root != null) {
            YamlNode.Scalar template = root.scalar("template");
            if (template != null) {
                String format = YamlPromptSupport.string(root.get("template_format"));
                TemplateDialect dialect = format == null || format.strip().equalsIgnoreCase("semantic-kernel")
                        ? TemplateDialect.SEMANTIC_KERNEL : TemplateDialect.MUSTACHE_OR_JINJA;
                TemplateScanner.Result scanned = YamlPromptSupport.scanScalar(text, template, dialect);
                variables.addAll(scanned.variables());
                problems.addAll(scanned.problems());
                messages.addAll(messagesOf(text, template));
            }
            YamlNode.Entry inputVariables = root.entry("input_variables");
            if (inputVariables != null) {
                declaresInputs = true;
                YamlPromptSupport.addInputs(text, inputVariables.value(), inputs);
            }
            YamlNode settings = root.get("execution_settings");
            model = modelOf(settings);
            maxOutputTokens = maxTokensOf(settings);
        }
        List<FewShotExample> examples = new ArrayList<>(ExampleFinder.find(text, messages, memo));
        return new PromptDocument(PromptFormat.SEMANTIC_KERNEL, text, messages, variables, inputs, model,
                maxOutputTokens, examples, problems, declaresInputs);
    }

    /**
     * Returns the messages of the template: one per message element, or one user message holding the whole
     * template when it has none.
     */
    static List<Message> messagesOf(String text, YamlNode.Scalar template) {
        String value = template.value();
        ScalarContent content = ScalarContent.of(text, template);
        List<Message> messages = new ArrayList<>();
        Matcher open = MESSAGE_OPEN.matcher(value);
        int searchFrom = 0;
        while (searchFrom < value.length() && open.find(searchFrom)) {
            boolean handlebars = open.group(1) == null;
            String role = (handlebars ? open.group(2) : open.group(1)).toLowerCase(Locale.ROOT);
            String closeTag = handlebars ? "{{/message}}" : "</message>";
            int close = value.indexOf(closeTag, open.end());
            int innerEnd = close < 0 ? value.length() : close;
            int outerEnd = close < 0 ? value.length() : close + closeTag.length();
            int innerStart = open.end();
            while (innerStart < innerEnd && Character.isWhitespace(value.charAt(innerStart))) {
                innerStart++;
            }
            while (innerEnd > innerStart && Character.isWhitespace(value.charAt(innerEnd - 1))) {
                innerEnd--;
            }
            TextRange whole = fileRange(content, open.start(), outerEnd, template.range());
            TextRange inner = fileRange(content, innerStart, innerEnd, template.range());
            messages.add(Message.derived(role, whole, inner, value.substring(innerStart, innerEnd), text));
            searchFrom = outerEnd;
        }
        if (messages.isEmpty()) {
            messages.add(Message.derived("user", template.range(), template.range(), value, text));
        }
        return messages;
    }

    private static TextRange fileRange(ScalarContent content, int valueStart, int valueEnd, TextRange fallback) {
        int start = content.toFile(valueStart);
        int end = valueEnd == valueStart ? start : content.toFile(valueEnd - 1);
        if (start < 0 || end < 0) {
            return fallback;
        }
        return new TextRange(start, valueEnd == valueStart ? start : end + 1);
    }

    /**
     * Returns the model of the execution settings: {@code model_id} directly in them, or in the first service's
     * settings that names one; {@code null} when none does.
     */
    private static ModelReference modelOf(YamlNode settings) {
        for (YamlNode.Mapping service : services(settings)) {
            YamlNode.Scalar modelId = service.scalar("model_id");
            if (modelId == null) {
                modelId = service.scalar("ai_model_id");
            }
            if (YamlPromptSupport.string(modelId) != null) {
                return new ModelReference(modelId.value(), modelId.range());
            }
        }
        return null;
    }

    private static Integer maxTokensOf(YamlNode settings) {
        for (YamlNode.Mapping service : services(settings)) {
            for (String key : List.of("max_tokens", "max_completion_tokens", "max_output_tokens", "maxTokens")) {
                Integer value = YamlPromptSupport.integerAt(service, key);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /** Returns the settings themselves followed by each service's settings mapping below them. */
    private static List<YamlNode.Mapping> services(YamlNode settings) {
        List<YamlNode.Mapping> services = new ArrayList<>();
        if (settings instanceof YamlNode.Mapping mapping) {
            services.add(mapping);
            for (YamlNode.Entry entry : mapping.entries()) {
                if (entry.value() instanceof YamlNode.Mapping service) {
                    services.add(service);
                }
            }
        } else if (settings instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                if (item instanceof YamlNode.Mapping service) {
                    services.add(service);
                }
            }
        }
        return services;
    }
}
