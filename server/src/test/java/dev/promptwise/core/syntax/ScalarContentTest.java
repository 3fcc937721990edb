package dev.promptwise.core.syntax;

import static dev.promptwise.core.syntax.TemplateScannerTest.range;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.syntax.YamlPromptSupport.TemplateDialect;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins how placeholders inside YAML scalars of every style are mapped back to where they are written. */
class ScalarContentTest {

    @Test
    void everyScalarStylePointsAtTheWrittenPlaceholder() {
        List<String> documents = List.of(
                "t: Hi {{who}} there\n",
                "t: 'Hi {{who}} there'\n",
                "t: \"Hi {{who}} there\"\n",
                "t: Hi\n  {{who}}\n  there\n",
                "t: 'it''s {{who}}'\n",
                "t: \"tab\\t{{who}}\"\n",
                "t: |\n  Hi\n    {{who}}\n",
                "t: >-\n  Hi\n  {{who}} there\n\n  more\n");
        for (String text : documents) {
            YamlNode.Scalar scalar = YamlReader.read(text).rootMapping().scalar("t");
            TemplateScanner.Result result = YamlPromptSupport.scanScalar(text, scalar,
                    TemplateDialect.MUSTACHE_OR_JINJA);
            assertEquals(List.of(new VariableUse("who", range(text, "{{who}}"),
                    new TextRange(text.indexOf("who"), text.indexOf("who") + 3))), result.variables(), text);
        }
    }

    @Test
    void placeholderSplitByFoldingFallsBackToTheScalar() {
        String text = "t: \"{{\\\n  who}}\"\n";
        YamlNode.Scalar scalar = YamlReader.read(text).rootMapping().scalar("t");
        assertEquals("{{who}}", scalar.value());
        TemplateScanner.Result result = YamlPromptSupport.scanScalar(text, scalar, TemplateDialect.MUSTACHE_OR_JINJA);
        assertEquals(List.of(new VariableUse("who", scalar.range(), scalar.range())), result.variables());
    }
}
