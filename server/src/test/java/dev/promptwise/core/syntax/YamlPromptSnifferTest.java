package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pins which YAML files the sniffer takes for prompts, and that it leaves other YAML alone. */
class YamlPromptSnifferTest {

    @Test
    void langChainTypes() {
        assertEquals(Optional.of(PromptFormat.LANGCHAIN), YamlPromptSniffer.sniff("_type: prompt\ntemplate: x\n"));
        assertEquals(Optional.of(PromptFormat.LANGCHAIN), YamlPromptSniffer.sniff("# c\n_type: \"few_shot\"\n"));
        assertEquals(Optional.of(PromptFormat.LANGCHAIN),
                YamlPromptSniffer.sniff("template: Hi {name}\ninput_variables: [name]\n"));
        assertEquals(Optional.of(PromptFormat.LANGCHAIN),
                YamlPromptSniffer.sniff("template: Hi {name}\ninput_variables:\n  - name\n"));
        assertEquals(Optional.of(PromptFormat.LANGCHAIN),
                YamlPromptSniffer.sniff("template: Hi {name}\ntemplate_format: f-string\n"));
    }

    @Test
    void semanticKernelShapes() {
        assertEquals(Optional.of(PromptFormat.SEMANTIC_KERNEL),
                YamlPromptSniffer.sniff("name: A\ntemplate: |\n  {{$input}}\ntemplate_format: semantic-kernel\n"));
        assertEquals(Optional.of(PromptFormat.SEMANTIC_KERNEL),
                YamlPromptSniffer.sniff("template: x\ninput_variables:\n  - name: input\n    default: y\n"));
        assertEquals(Optional.of(PromptFormat.SEMANTIC_KERNEL),
                YamlPromptSniffer.sniff("template: x\nexecution_settings:\n  default:\n    max_tokens: 5\n"));
    }

    @Test
    void gitHubModelsUnderAPlainYamlName() {
        assertEquals(Optional.of(PromptFormat.GITHUB_MODELS),
                YamlPromptSniffer.sniff("model: openai/gpt-4o\nmessages:\n  - role: system\n    content: hi\n"));
    }

    @Test
    void otherYamlIsNotAPrompt() {
        assertEquals(Optional.empty(), YamlPromptSniffer.sniff("name: CI\non: [push]\njobs:\n  build:\n"
                + "    steps:\n      - run: echo template\n"));
        assertEquals(Optional.empty(), YamlPromptSniffer.sniff("template: only a template key\n"));
        assertEquals(Optional.empty(), YamlPromptSniffer.sniff("messages:\n  - hello\n"));
        assertEquals(Optional.empty(), YamlPromptSniffer.sniff("\u0000\uFFFD{{:::\n\t- ]"));
        assertEquals(Optional.empty(), YamlPromptSniffer.sniff(""));
    }

    @Test
    void onlyTheStartOfAHugeFileIsRead() {
        String huge = "items:\n" + "  - value: 1\n".repeat(2_000_000) + "_type: prompt\n";
        assertEquals(Optional.empty(), YamlPromptSniffer.sniff(huge));
    }

    @Test
    void promptParsersRecognisesSniffedFilesButNotStrategyFiles() {
        String langChain = "_type: prompt\ntemplate: x\n";
        assertEquals(Optional.of(PromptFormat.LANGCHAIN), PromptParsers.formatOf("prompts/joke.yaml", langChain));
        assertEquals(Optional.empty(), PromptParsers.formatOf("promptwise.yaml", langChain));
        assertEquals(Optional.of(PromptFormat.GITHUB_MODELS), PromptParsers.formatOf("a/b.prompt.yml", "x: 1\n"));
    }
}
