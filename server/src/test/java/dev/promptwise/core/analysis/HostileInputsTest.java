package dev.promptwise.core.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.HangGuard;
import dev.promptwise.HangGuard.Measured;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile inputs of the foundation and strategy issues, each analysed whole through the façade as the server
 * would (analysis, diagnostics, hover, symbols, lenses, inlay hints): each ends within a bound far below what an
 * editor would notice as a hang, with findings rather than an exception, and prints the time it took and the
 * memory it allocated, which docs/reliability.md reports.
 */
class HostileInputsTest {

    /** CPU time of the analysing thread: what a hang spends, however loaded the machine is. */
    private static final Duration CPU_BOUND = Duration.ofSeconds(20);
    /** Only a thread blocked for ever reaches this; a busy machine slows the work, not by thirty times. */
    private static final Duration WALL_BOUND = Duration.ofMinutes(10);
    private static final PromptwiseAnalysis CORE = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { });

    static Stream<Arguments> hostilePrompts() {
        return Stream.of(
                Arguments.of("alias bomb in front matter", "prompts/bomb.prompty", PromptFormat.PROMPTY,
                        "---\n" + aliasBomb() + "---\nsystem:\nHello {{a}}\n"),
                Arguments.of("10,000 levels of nesting in front matter", "prompts/deep.prompty", PromptFormat.PROMPTY,
                        "---\nmodel: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\nsystem:\nHi\n"),
                Arguments.of("20 MB prompt", "prompts/huge.prompty", PromptFormat.PROMPTY,
                        "---\nname: huge\n---\nsystem:\n" + "Sort {{ticket}} by urgency, then reply.\n"
                                .repeat(20 * 1024 * 1024 / 40)),
                Arguments.of("1 MB single line", "prompts/line.prompty", PromptFormat.PROMPTY,
                        "---\nname: line\n---\nsystem:\n" + "word {{x}} ".repeat(1024 * 1024 / 11) + "\n"),
                Arguments.of("1 MB single line, plain text", "prompts/line.txt", PromptFormat.PLAIN_TEXT,
                        "abc😀 ".repeat(1024 * 1024 / 6)),
                Arguments.of("10,000 nested Handlebars blocks", "prompts/blocks.prompt", PromptFormat.DOTPROMPT,
                        "---\nmodel: gpt-4o\n---\n" + "{{#if a}}".repeat(10_000) + "{{x}}" + "{{/if}}".repeat(10_000)),
                Arguments.of("10,000 unclosed Handlebars blocks", "prompts/open.prompt", PromptFormat.DOTPROMPT,
                        "{{#each items}}\n".repeat(10_000)),
                Arguments.of("10,000 nested Jinja blocks", "prompts/jinja.prompty", PromptFormat.PROMPTY,
                        "---\nname: j\n---\nsystem:\n" + "{% if a %}".repeat(10_000) + "{{x}}"
                                + "{% endif %}".repeat(10_000)),
                Arguments.of("10,000 levels of JSON", "prompts/deep.json", PromptFormat.LANGCHAIN,
                        "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)),
                Arguments.of("100,000 distinct variables", "prompts/vars.prompty", PromptFormat.PROMPTY,
                        "---\nname: v\ninputs:\n  v1:\n    type: string\n---\nuser:\n" + variables(100_000)),
                Arguments.of("100,000 duplicated lines", "prompts/dup.prompty", PromptFormat.PROMPTY,
                        "---\nname: d\n---\nsystem:\n" + "You are a support triage assistant.\n".repeat(100_000)));
    }

    static Stream<Arguments> hostileStrategies() {
        return Stream.of(
                Arguments.of("alias bomb", aliasBomb()),
                Arguments.of("10,000 levels of nesting", "workloads: " + "[".repeat(10_000) + "]".repeat(10_000)),
                Arguments.of("10,000 workloads (under the size limit)", workloads(10_000)),
                Arguments.of("2,500 workloads", workloads(2_500)),
                Arguments.of("1 MB single line", "workloads:\n  w:\n    prompt: " + "x".repeat(1024 * 1024) + "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePrompts")
    void hostilePromptsEndInBoundedTimeWithoutAnException(String name, String path, PromptFormat format,
            String text) {
        Measured<List<Finding>> measured = measure(() -> {
            AnalyzedPrompt prompt = CORE.analyze(path, format, text, Settings.DEFAULTS);
            List<Finding> findings = CORE.diagnostics(prompt, Cancellation.NONE);
            CORE.hover(prompt, text.length() / 2, Cancellation.NONE);
            CORE.documentSymbols(prompt, Cancellation.NONE);
            CORE.codeLenses(prompt, Cancellation.NONE);
            CORE.inlayHints(prompt, 0, text.length(), Cancellation.NONE);
            return findings;
        });
        report("prompt", name, text, measured);
        measured.value().forEach(finding -> assertTrue(finding.range().end() <= text.length(), finding.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileStrategies")
    void hostileStrategyFilesEndInBoundedTimeWithFindings(String name, String text) {
        Measured<List<Finding>> measured = measure(() -> {
            AnalyzedStrategy strategy = CORE.analyzeStrategy(CORE.parseStrategy("promptwise.yaml", text),
                    Settings.DEFAULTS, StrategyWorkspace.EMPTY, Cancellation.NONE);
            List<Finding> findings = CORE.strategyDiagnostics(strategy, Cancellation.NONE);
            CORE.strategySymbols(strategy, Cancellation.NONE);
            CORE.strategyLenses(strategy, Cancellation.NONE);
            return findings;
        });
        report("strategy", name, text, measured);
        assertFalse(measured.value().isEmpty(), "a hostile strategy file gets a finding");
    }

    private static Measured<List<Finding>> measure(Supplier<List<Finding>> work) {
        return HangGuard.run(CPU_BOUND, WALL_BOUND, work);
    }

    private static void report(String kind, String name, String text, Measured<List<Finding>> measured) {
        System.out.printf(Locale.ROOT, "hostile %s | %s | %,d chars | %,.0f ms CPU | %,.0f MB allocated | %s%n", kind,
                name, text.length(), measured.cpuNanos() / 1e6, measured.allocatedBytes() / 1048576.0,
                measured.value().stream().map(Finding::ruleId).distinct().sorted().toList());
    }

    private static String aliasBomb() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (char name = 'b'; name <= 'i'; name++) {
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append((char) (name - 1));
            }
            bomb.append("]\n");
        }
        return bomb.toString();
    }

    private static String variables(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("{{v").append(i).append("}} ");
        }
        return text.toString();
    }

    private static String workloads(int count) {
        StringBuilder text = new StringBuilder("version: 1\nworkloads:\n");
        for (int i = 0; i < count; i++) {
            text.append("  w").append(i).append(": { prompt: prompts/p").append(i)
                    .append(".prompty, traffic: { requestsPerDay: ").append(i).append(" } }\n");
        }
        return text.toString();
    }
}
