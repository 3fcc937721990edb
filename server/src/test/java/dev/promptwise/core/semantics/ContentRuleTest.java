package dev.promptwise.core.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.cost.PromptCostInput;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.tokens.TokenCounters;
import org.junit.jupiter.api.Test;

/**
 * One content rule in every format: the same system instructions, format instructions and user/assistant example
 * pairs, written in Prompty, GitHub Models and Dotprompt, give the same cost inputs, counted on the messages'
 * content only (no role markers, YAML keys or quotes), and each equals a count by hand.
 */
class ContentRuleTest {

    private static final String INSTRUCTIONS = "You route support tickets to a queue.";
    private static final String FORMAT = "Answer with a JSON object with the fields queue and priority.";
    private static final String[][] PAIRS = {
        {"The dashboard returns 502 for everyone.", "{\"queue\": \"outage\", \"priority\": \"p1\"}"},
        {"I was charged twice in March.", "{\"queue\": \"billing\", \"priority\": \"p3\"}"},
    };

    private static String prompty() {
        StringBuilder text = new StringBuilder("---\nname: triage\ninputs:\n  - name: ticket\n---\nsystem:\n")
                .append(INSTRUCTIONS).append('\n').append(FORMAT).append("\n\n");
        for (String[] pair : PAIRS) {
            text.append("user:\n").append(pair[0]).append("\n\nassistant:\n").append(pair[1]).append("\n\n");
        }
        return text.append("user:\n{{ticket}}\n").toString();
    }

    private static String githubModels() {
        StringBuilder text = new StringBuilder("name: triage\nmodel: openai/gpt-4o\nmessages:\n")
                .append("  - role: system\n    content: |\n      ").append(INSTRUCTIONS).append("\n      ")
                .append(FORMAT).append('\n');
        for (String[] pair : PAIRS) {
            text.append("  - role: user\n    content: '").append(pair[0]).append("'\n")
                    .append("  - role: assistant\n    content: '").append(pair[1]).append("'\n");
        }
        return text.append("  - role: user\n    content: '{{ticket}}'\n").toString();
    }

    private static String dotprompt() {
        StringBuilder text = new StringBuilder("---\nmodel: openai/gpt-4o\ninput:\n  schema:\n    ticket: string\n---\n")
                .append("{{#role \"system\"}}\n").append(INSTRUCTIONS).append('\n').append(FORMAT).append("\n{{/role}}\n");
        for (String[] pair : PAIRS) {
            text.append("{{#role \"user\"}}\n").append(pair[0]).append("\n{{/role}}\n")
                    .append("{{#role \"model\"}}\n").append(pair[1]).append("\n{{/role}}\n");
        }
        return text.append("{{#role \"user\"}}\n{{ticket}}\n{{/role}}\n").toString();
    }

    private static PromptCostInput input(String path, PromptFormat format, String text) {
        PromptwiseAnalysis analysis = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { });
        return analysis.analyze(path, format, text, Settings.DEFAULTS).costInput();
    }

    @Test
    void theSameMessagesCostTheSameInEveryFormat() {
        var counter = new TokenCounters().forEncoding("o200k_base");
        int exampleTokens = 0;
        for (String[] pair : PAIRS) {
            exampleTokens += counter.count(pair[0]) + counter.count(pair[1]);
        }
        int formatTokens = counter.count(FORMAT);
        PromptCostInput prompty = input("prompts/triage.prompty", PromptFormat.PROMPTY, prompty());
        PromptCostInput github = input("prompts/triage.prompt.yml", PromptFormat.GITHUB_MODELS, githubModels());
        PromptCostInput dot = input("prompts/triage.prompt", PromptFormat.DOTPROMPT, dotprompt());
        for (PromptCostInput each : new PromptCostInput[] {prompty, github, dot}) {
            assertEquals(2, each.exampleCount(), each.toString());
            assertEquals(4, each.exampleMessageCount(), each.toString());
            assertEquals(exampleTokens, each.exampleTokens(), "examples count their messages' content only: " + each);
            assertEquals(formatTokens, each.formatInstructionTokens(), "format line found in every format: " + each);
        }
        assertEquals(prompty.staticTokens(), github.staticTokens(), github.toString());
        assertEquals(prompty.staticTokens(), dot.staticTokens(), dot.toString());
        assertEquals(prompty.cacheablePrefixTokens(), github.cacheablePrefixTokens(), github.toString());
        assertEquals(prompty.cacheablePrefixTokens(), dot.cacheablePrefixTokens(), dot.toString());
    }

    /** LangChain examples count as the text their example_prompt makes of them, not as their YAML keys. */
    @Test
    void langChainExamplesCountTheTextTheyAddToThePrompt() {
        String text = """
                _type: few_shot
                prefix: "Route the ticket to a queue."
                example_prompt:
                  _type: prompt
                  input_variables: [ticket, queue]
                  template: "Ticket: {ticket}\\nQueue: {queue}"
                examples:
                  - ticket: "The dashboard returns 502 for everyone."
                    queue: outage
                  - ticket: "I was charged twice in March."
                    queue: billing
                suffix: "Ticket: {input}\\nQueue:"
                input_variables: [input]
                """;
        var counter = new TokenCounters().forEncoding("o200k_base");
        int expected = counter.count("Ticket: The dashboard returns 502 for everyone.\nQueue: outage")
                + counter.count("Ticket: I was charged twice in March.\nQueue: billing");
        PromptCostInput input = input("prompts/langchain/triage.yaml", PromptFormat.LANGCHAIN, text);
        assertEquals(2, input.exampleCount(), input.toString());
        assertEquals(expected, input.exampleTokens(), input.toString());
    }
}
