package dev.promptwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.rules.prompt.Rule;
import dev.promptwise.core.rules.prompt.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Holds the architecture invariants of ARCHITECTURE.md that a test can hold. */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/promptwise");
    private static final Path DOCS = Path.of("../docs/rules");

    /** Architecture invariant: the core never imports LSP4J or Gson. */
    @Test
    void coreDoesNotKnowTheProtocol() throws IOException {
        assertEquals(List.of(), offenders(SOURCES.resolve("core"), Pattern.compile("^import (org\\.eclipse\\.lsp4j|com\\.google\\.gson)", Pattern.MULTILINE)));
    }

    /** Architecture invariant: the core does no file or network I/O; the edges read files and hand it text. */
    @Test
    void coreDoesNoIo() throws IOException {
        assertEquals(List.of(), offenders(SOURCES.resolve("core"), Pattern.compile(
                "^import (java\\.nio\\.file\\.|java\\.io\\.File(Reader|Writer|InputStream|OutputStream)?;|java\\.net\\.(Socket|URL|http))",
                Pattern.MULTILINE)));
    }

    /**
     * Architecture invariant: the cost report's page, shared by the command line and the language server, knows
     * neither edge: no protocol, no command-line parsing, no file or network I/O.
     */
    @Test
    void theReportKnowsNeitherEdge() throws IOException {
        assertEquals(List.of(), offenders(SOURCES.resolve("report"), Pattern.compile(
                "^import (org\\.eclipse\\.lsp4j|com\\.google\\.gson|picocli|dev\\.promptwise\\.(cli|lsp|io)\\.|java\\.nio\\.file\\.|java\\.io\\.|java\\.net\\.)",
                Pattern.MULTILINE)));
    }

    /** Architecture invariant: nothing but protocol messages on stdout in LSP mode, so the adapter never prints. */
    @Test
    void adapterNeverWritesToStandardOutput() throws IOException {
        Path lsp = SOURCES.resolve("lsp");
        if (Files.isDirectory(lsp)) {
            assertEquals(List.of(), offenders(lsp, Pattern.compile("System\\.out\\.print")));
        }
        assertEquals(List.of(), offenders(SOURCES.resolve("core"), Pattern.compile("System\\.out")));
    }

    /** Every rule has a page under docs/rules/, which diagnostics link to. */
    @Test
    void everyRuleHasARulePage() {
        for (Rule rule : Rules.promptRules()) {
            Path page = DOCS.resolve(rule.id() + ".md");
            assertTrue(Files.isRegularFile(page), "missing rule page " + page);
            assertTrue(rule.id().matches("[a-z]+(-[a-z]+)*"), "rule ids are kebab-case: " + rule.id());
        }
    }

    /** Each source file opens with a sentence saying why it exists. */
    @Test
    void everyTypeSaysWhyItExists() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                int type = indexOfType(text);
                if (type < 0 || !text.substring(0, type).contains("/**")) {
                    missing.add(SOURCES.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static int indexOfType(String text) {
        var matcher = Pattern.compile("^(public |final |abstract |sealed )*(class|interface|record|enum) ", Pattern.MULTILINE)
                .matcher(text);
        return matcher.find() ? matcher.start() : -1;
    }

    private static List<String> offenders(Path root, Pattern pattern) throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (pattern.matcher(Files.readString(file)).find()) {
                    offenders.add(root.relativize(file).toString());
                }
            }
        }
        return offenders;
    }
}
