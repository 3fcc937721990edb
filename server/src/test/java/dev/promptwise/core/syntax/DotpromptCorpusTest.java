package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the real Dotprompt files of the shared corpus (written by the Dotprompt project, not for this one): every
 * file parses, the valid ones have no problems, the broken ones ({@code error-*}) have a problem where the break is.
 */
class DotpromptCorpusTest {

    private static Path corpus() {
        return Path.of("src", "test", "resources", "corpus", "dotprompt");
    }

    private static String read(String relative) throws IOException {
        return Files.readString(corpus().resolve(relative), StandardCharsets.UTF_8);
    }

    private static PromptDocument parse(String relative) throws IOException {
        return PromptParsers.parse(PromptFormat.DOTPROMPT, read(relative));
    }

    private static List<String> roles(PromptDocument document) {
        return document.messages().stream().map(Message::role).toList();
    }

    private static List<String> variables(PromptDocument document) {
        return document.variables().stream().map(VariableUse::name).toList();
    }

    private static List<String> inputs(PromptDocument document) {
        return document.inputs().stream().map(DeclaredInput::name).toList();
    }

    @Test
    void customerSupportHasSystemAndUserBlocks() throws IOException {
        PromptDocument document = parse("examples/valid-customer-support.prompt");

        assertEquals(List.of("system", "user"), roles(document));
        assertEquals(List.of("name", "company", "email"), variables(document));
        assertEquals(List.of("name", "email", "company"), inputs(document));
        assertEquals("gemini-2.5-flash", document.model().id());
        assertTrue(document.problems().isEmpty(), document.problems().toString());
    }

    @Test
    void featuresHasFourTurnsAndOneUserModelExample() throws IOException {
        PromptDocument document = parse("examples/features.prompt");

        assertEquals(List.of("system", "user", "model", "user"), roles(document));
        assertEquals(List.of("context", "items", "name", "imageUrl", "imageUrl"), variables(document));
        assertEquals(List.of("name", "items", "context", "imageUrl"), inputs(document));
        assertEquals("googleai/gemini-pro", document.model().id());
        assertEquals(1, document.examples().size());
        assertEquals(FewShotExample.Kind.MESSAGE_PAIR, document.examples().get(0).kind());
    }

    @Test
    void complexSchemaReadsJsonSchemaInputsAndSkipsNamesInsideEach() throws IOException {
        PromptDocument document = parse("packages/codemirror/samples/09-complex-schema.prompt");

        assertEquals(List.of("system", "user"), roles(document));
        assertEquals(List.of("user", "user", "user", "user", "user", "orders", "orders"), variables(document));
        assertEquals(List.of("user", "orders"), inputs(document));
        assertTrue(document.problems().isEmpty(), document.problems().toString());
    }

    @Test
    void handlebarsHelpersSampleKeepsOnlyInputNames() throws IOException {
        PromptDocument document = parse("packages/codemirror/samples/05-handlebars-helpers.prompt");

        assertEquals(List.of("system", "user"), roles(document));
        assertEquals(List.of("userName", "items", "items", "items", "items", "metadata", "metadata", "metadata",
                "metadata"), variables(document));
        assertEquals(List.of("userName", "items", "metadata"), inputs(document));
        assertEquals("googleai/gemini-2.5-flash", document.model().id());
    }

    @Test
    void multilingualSampleKeepsItsRolesAndUtf16Ranges() throws IOException {
        String text = read("packages/codemirror/samples/11-multilingual-unicode.prompt");
        PromptDocument document = PromptParsers.parse(PromptFormat.DOTPROMPT, text);

        assertEquals(List.of("system", "user", "model"), roles(document));
        assertEquals(List.of("preserveEmoji", "sourceLanguage", "targetLanguage", "text"), variables(document));
        for (VariableUse use : document.variables()) {
            assertEquals(use.name(), use.nameRange().slice(text));
        }
    }

    @Test
    void everyBrokenExampleHasAProblemWhereItBreaks() throws IOException {
        assertProblemOn("examples/error-unbalanced-brace.prompt", "}}");
        assertProblemOn("examples/error-unmatched-closing-block.prompt", "{{/if}}");
        assertProblemOn("examples/error-unclosed-block.prompt", "{{#if premium}}");
        assertProblemOn("examples/error-multiple-issues.prompt", "{{#if detailed");
        String invalidYaml = read("examples/error-invalid-yaml.prompt");
        PromptDocument document = PromptParsers.parse(PromptFormat.DOTPROMPT, invalidYaml);
        assertFalse(document.problems().isEmpty());
        int lineOfError = invalidYaml.indexOf("    name: string");
        assertTrue(document.problems().get(0).range().start() >= lineOfError
                && document.problems().get(0).range().end() <= invalidYaml.indexOf("---", lineOfError),
                document.problems().toString());
    }

    private static void assertProblemOn(String relative, String flaggedText) throws IOException {
        String text = read(relative);
        PromptDocument document = PromptParsers.parse(PromptFormat.DOTPROMPT, text);
        assertTrue(document.problems().stream().anyMatch(problem -> problem.range().slice(text).equals(flaggedText)),
                relative + ": " + document.problems());
    }

    @Test
    void everyErrorFileHasAProblemInsideTheText() throws IOException {
        List<Path> errorFiles = promptFiles().filter(path -> path.getFileName().toString().startsWith("error-"))
                .toList();
        assertEquals(5, errorFiles.size());
        for (Path path : errorFiles) {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            PromptDocument document = PromptParsers.parse(PromptFormat.DOTPROMPT, text);
            assertFalse(document.problems().isEmpty(), path.toString());
            for (SyntaxProblem problem : document.problems()) {
                assertTrue(problem.range().length() > 0 && problem.range().end() <= text.length(), problem.toString());
            }
        }
    }

    @Test
    void everyFileParsesAndTheValidOnesHaveNoProblems() throws IOException {
        List<Path> files = promptFiles().toList();
        assertTrue(files.size() >= 25, "corpus files found: " + files.size());
        for (Path path : files) {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            PromptDocument document = PromptParsers.parse(PromptFormat.DOTPROMPT, text);
            assertEquals(text, document.text());
            for (Message message : document.messages()) {
                assertTrue(message.range().end() <= text.length(), path + " " + message);
            }
            if (path.getFileName().toString().startsWith("valid-")) {
                assertTrue(document.problems().isEmpty(), path + ": " + document.problems());
                assertFalse(document.messages().isEmpty(), path.toString());
            }
        }
    }

    private static Stream<Path> promptFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(corpus())) {
            return walk.filter(path -> path.toString().endsWith(".prompt")).sorted().toList().stream();
        }
    }
}
