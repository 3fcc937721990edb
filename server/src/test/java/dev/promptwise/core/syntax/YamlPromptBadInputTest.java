package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Feeds the plain-YAML prompt formats (GitHub Models, Semantic Kernel, LangChain) what editors really open by
 * mistake or malice, and checks each gives a partial document with problems instead of an exception or a hang.
 */
class YamlPromptBadInputTest {

    private static final List<PromptFormat> YAML_FORMATS =
            List.of(PromptFormat.GITHUB_MODELS, PromptFormat.SEMANTIC_KERNEL, PromptFormat.LANGCHAIN);

    @Test
    void binaryBytesGiveAProblem() {
        String text = "\u0000\u0001\u0002\uFFFD\uFFFDPK\u0003\u0004\u0000{{\u0000";
        for (PromptFormat format : YAML_FORMATS) {
            PromptDocument document = PromptParsers.parse(format, text);
            assertFalse(document.problems().isEmpty(), format.id());
            assertEquals(List.of(), document.messages(), format.id());
        }
    }

    @Test
    void tabIndentationGivesAProblemThatSaysSo() {
        String text = "template: x\nmessages:\n\t- role: user\n";
        for (PromptFormat format : YAML_FORMATS) {
            PromptDocument document = PromptParsers.parse(format, text);
            assertEquals(1, document.problems().size(), format.id());
            assertTrue(document.problems().get(0).message().contains("tab"), document.problems().get(0).message());
        }
    }

    @Test
    void twentyMegabyteYamlIsRefusedWithAProblem() {
        String text = "messages:\n" + "  - role: user\n    content: Hello {{name}} and welcome.\n".repeat(400_000);
        assertTrue(text.length() > 20_000_000);
        for (PromptFormat format : YAML_FORMATS) {
            PromptDocument document = PromptParsers.parse(format, text);
            assertEquals(1, document.problems().size(), format.id());
            assertTrue(document.problems().get(0).message().startsWith("YAML refused"),
                    document.problems().get(0).message());
        }
    }

    @Test
    void billionLaughsGivesAProblemNotAHang() {
        StringBuilder bomb = new StringBuilder("template: hi {{$x}} {x} {{x}}\nmessages:\n  - role: user\n"
                + "    content: hi\nevaluators:\n  - lol0: &l0 [\"lol {{lol}}\", \"lol\", \"lol\", \"lol\", \"lol\", "
                + "\"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int level = 1; level <= 9; level++) {
            bomb.append("  - lol").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            bomb.append("]\n");
        }
        for (PromptFormat format : YAML_FORMATS) {
            PromptDocument document = PromptParsers.parse(format, bomb.toString());
            assertEquals(1, document.problems().size(), format.id());
            assertTrue(document.problems().get(0).message().contains("alias bomb"),
                    document.problems().get(0).message());
        }
    }
}
