package dev.promptwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.rules.registry.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The lists of rules that users read outside the server follow the one registry: the VS Code setting
 * {@code promptwise.rules} (validation and completion of each id) and the README's table, each with the rule's
 * default severity.
 */
class RuleListsTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void theEditorSettingListsEveryRuleWithItsDefaultSeverity() throws IOException {
        JsonNode rules = new ObjectMapper().readTree(REPOSITORY.resolve("client-vscode/package.json").toFile())
                .path("contributes").path("configuration").path("properties").path("promptwise.rules");
        List<String> settingIds = new ArrayList<>();
        rules.path("properties").fieldNames().forEachRemaining(settingIds::add);
        assertEquals(new TreeSet<>(RuleRegistry.byId().keySet()), new TreeSet<>(settingIds));
        String summary = rules.path("markdownDescription").asText();
        for (Map.Entry<String, Rule<?>> entry : RuleRegistry.byId().entrySet()) {
            String severity = entry.getValue().defaultSeverity().id();
            String description = rules.path("properties").path(entry.getKey()).path("markdownDescription").asText();
            assertTrue(description.startsWith("`" + entry.getKey() + "` (default: " + severity), description);
            assertTrue(summary.contains("- `" + entry.getKey() + "`: " + severity), entry.getKey());
        }
    }

    @Test
    void theReadmeTableListsEveryRuleWithItsDefaultSeverity() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        for (Map.Entry<String, Rule<?>> entry : RuleRegistry.byId().entrySet()) {
            String id = entry.getKey();
            String row = "| [`" + id + "`](docs/rules/" + id + ".md) | " + entry.getValue().defaultSeverity().id();
            assertTrue(readme.contains(row), "README lacks " + row);
        }
    }
}
