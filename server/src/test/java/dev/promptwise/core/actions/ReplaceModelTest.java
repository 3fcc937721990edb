package dev.promptwise.core.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.vocabulary.Fix;
import org.junit.jupiter.api.Test;

/** Replaces unknown model ids with catalog ids and checks the catalog knows the result. */
class ReplaceModelTest {

    @Test
    void replacesAPromptyModelId() {
        String before = "---\nname: x\nmodel:\n  id: gpt-4o-mnii\n---\nuser:\nHi\n";
        String after = replace("prompts/x.prompty", before, "gpt-4o-mini");
        assertEquals("---\nname: x\nmodel:\n  id: gpt-4o-mini\n---\nuser:\nHi\n", after);
    }

    @Test
    void keepsTheProviderPrefixAndTheQuotes() {
        String before = "model: \"openai/gpt-4o-mnii\"\nmessages:\n  - role: user\n    content: Hi\n";
        String after = replace("prompts/a.prompt.yml", before, "gpt-4o-mini");
        assertEquals("model: \"openai/gpt-4o-mini\"\nmessages:\n  - role: user\n    content: Hi\n", after);
    }

    private static String replace(String path, String before, String suggestion) {
        PromptDocument document = ActionFixtures.parse(path, before);
        Fix fix = ReplaceModel.fix(before, document.model(), suggestion);
        assertEquals("Replace with " + suggestion, fix.title());
        String after = TextEdits.apply(before, fix.edits());
        String id = ActionFixtures.parse(path, after).model().id();
        assertTrue(PriceCatalog.bundled().resolve(id).isPresent(), id);
        return after;
    }
}
