package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every real prompt file that other projects wrote (the shared corpus) through format recognition and
 * parsing, and pins what some of them must give.
 */
class CorpusTest {

    @Test
    void everyCorpusFileParsesWithoutAnException() throws IOException {
        List<Path> files = corpusFiles();
        int parsed = 0;
        for (Path file : files) {
            String text = read(file);
            String path = corpus().relativize(file).toString().replace('\\', '/');
            Optional<PromptFormat> format = assertDoesNotThrow(() -> PromptParsers.formatOf(path, text), path);
            if (format.isPresent()) {
                PromptDocument document = assertDoesNotThrow(() -> PromptParsers.parse(format.get(), text), path);
                assertNotNull(document, path);
                assertEquals(text, document.text(), path);
                parsed++;
            }
        }
        assertTrue(parsed >= 60, "only " + parsed + " corpus files were recognised as prompts");
    }

    @Test
    void everyCorpusFileSurvivesEveryParser() throws IOException {
        for (Path file : corpusFiles()) {
            String text = read(file);
            for (PromptFormat format : PromptFormat.values()) {
                PromptDocument document = assertDoesNotThrow(() -> PromptParsers.parse(format, text),
                        file + " as " + format);
                assertNotNull(document, file + " as " + format);
            }
        }
    }

    @Test
    void corpusFormatsAreRecognised() throws IOException {
        for (Path file : corpusFiles()) {
            String name = file.getFileName().toString();
            Optional<PromptFormat> format = PromptParsers.formatOf(file.toString(), read(file));
            if (name.endsWith(".prompty")) {
                assertEquals(Optional.of(PromptFormat.PROMPTY), format, file.toString());
            } else if (name.endsWith(".yml") && file.toString().contains("gh-models")) {
                assertEquals(Optional.of(PromptFormat.GITHUB_MODELS), format, file.toString());
            }
        }
    }

    @Test
    void promptySpecBasic() throws IOException {
        PromptDocument document = parse("prompty/spec/fixtures/basic.prompty");
        assertEquals(List.of("system", "user"), roles(document));
        assertEquals(List.of("firstName", "lastName", "question"), variableNames(document));
        assertEquals(List.of("firstName", "lastName", "question"), inputNames(document));
        assertEquals("gpt-4", document.model().id());
        assertEquals(1000, document.maxOutputTokens());
        assertEquals("{{question}}", document.messages().get(1).content());
        assertEquals(List.of(), document.problems());
    }

    @Test
    void promptySummarizeWithJinjaCondition() throws IOException {
        PromptDocument document = parse("prompty/spec/fixtures/summarize.prompty");
        assertEquals(List.of("system", "user"), roles(document));
        assertEquals(List.of("context", "context", "text"), variableNames(document));
        assertEquals(List.of("text", "context"), inputNames(document));
        assertEquals("", document.inputs().get(1).defaultValue());
        assertEquals(List.of(), document.problems());
    }

    @Test
    void promptyWithoutRoleLinesIsOneSystemMessage() throws IOException {
        PromptDocument document = parse("prompty/runtime/typescript/packages/core/tests/fixtures/embedding.prompty");
        assertEquals(List.of("system"), roles(document));
        assertEquals("{{text}}", document.messages().get(0).content());
        assertEquals("text-embedding-3-small", document.model().id());
    }

    @Test
    void gitHubModelsAdvancedTemplate() throws IOException {
        PromptDocument document = parse("gh-models/examples/advanced_template_prompt.yml");
        assertEquals(PromptFormat.GITHUB_MODELS, document.format());
        assertEquals(List.of("system", "user"), roles(document));
        assertEquals(List.of("assistant_persona", "expertise_level", "domain", "tone", "formality_level",
                "user_name", "user_role", "company", "user_name", "company", "background_info", "input", "user_role",
                "formality_level", "additional_context"), variableNames(document));
        for (VariableUse use : document.variables()) {
            assertEquals("{{" + use.name() + "}}", use.range().slice(document.text()));
            assertEquals(use.name(), use.nameRange().slice(document.text()));
        }
        assertEquals("openai/gpt-4o-mini", document.model().id());
        assertEquals(300, document.maxOutputTokens());
        assertEquals(false, document.declaresInputs());
    }

    @Test
    void gitHubModelsSampleWithTestDataAndEvaluators() throws IOException {
        PromptDocument document = parse("gh-models/examples/sample_prompt.yml");
        assertEquals(List.of("system", "user"), roles(document));
        assertEquals("Please respond to this message appropriately: {{input}}", document.messages().get(1).content());
        assertEquals(List.of("input", "string"), variableNames(document));
        assertEquals(List.of("input", "string"), inputNames(document));
        assertEquals(50, document.maxOutputTokens());
        assertTrue(document.declaresInputs());
    }

    private static PromptDocument parse(String relativePath) throws IOException {
        Path file = corpus().resolve(relativePath);
        String text = read(file);
        Optional<PromptFormat> format = PromptParsers.formatOf(relativePath, text);
        assertTrue(format.isPresent(), relativePath);
        return PromptParsers.parse(format.get(), text);
    }

    private static List<String> roles(PromptDocument document) {
        return document.messages().stream().map(Message::role).toList();
    }

    private static List<String> variableNames(PromptDocument document) {
        return document.variables().stream().map(VariableUse::name).toList();
    }

    private static List<String> inputNames(PromptDocument document) {
        return document.inputs().stream().map(DeclaredInput::name).toList();
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static List<Path> corpusFiles() throws IOException {
        Path corpus = corpus();
        assertTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        assertTrue(files.size() > 60, "corpus at " + corpus + " holds only " + files.size() + " files");
        return files;
    }

    private static Path corpus() {
        return Path.of("src", "test", "resources", "corpus").toAbsolutePath().normalize();
    }
}
