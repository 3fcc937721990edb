package dev.promptwise.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.prompt.PromptContext;
import dev.promptwise.core.rules.strategy.StrategyContext;
import dev.promptwise.core.semantics.FixEnvironment;
import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one runner, over prompt files and strategy files alike: severity settings, {@code promptwise-disable} comments,
 * failure isolation and cancellation. Each behaviour is checked for both kinds of file with the same test rules.
 */
class RuleRunnerTest {

    private static final PromptwiseAnalysis ANALYSIS = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> {
        throw new AssertionError(message);
    });

    /** The two kinds of file, each able to make a context of a text with settings and a wish for fixes. */
    enum Kind {
        PROMPT {
            @Override
            RuleContext context(String header, Settings settings, boolean wantsFixes) {
                String text = header + "messages:\n  - role: user\n    content: Hello\n";
                return new PromptContext(ANALYSIS.analyze("hello.prompt.yml", PromptFormat.GITHUB_MODELS, text,
                        settings), FixEnvironment.NONE, wantsFixes);
            }
        },
        STRATEGY {
            @Override
            RuleContext context(String header, Settings settings, boolean wantsFixes) {
                String text = header + "workloads:\n  hello:\n    model: gpt-4o\n";
                return StrategyContext.of(StrategyParser.parse(text), "promptwise.yaml", settings,
                        PriceCatalog.bundled(), StrategyWorkspace.EMPTY);
            }
        };

        abstract RuleContext context(String header, Settings settings, boolean wantsFixes);

        RuleContext context(Settings settings) {
            return context("", settings, true);
        }
    }

    /** A rule of any kind whose check is given; it records each time it runs. */
    private static final class TestRule implements Rule<RuleContext> {

        private final String id;
        private final Severity defaultSeverity;
        private final BiConsumer<RuleContext, FindingSink> check;
        int runs;

        TestRule(String id, Severity defaultSeverity, BiConsumer<RuleContext, FindingSink> check) {
            this.id = id;
            this.defaultSeverity = defaultSeverity;
            this.check = check;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Severity defaultSeverity() {
            return defaultSeverity;
        }

        @Override
        public void check(RuleContext ctx, FindingSink sink) {
            runs++;
            check.accept(ctx, sink);
        }
    }

    private static TestRule reporting(String id, int offset, String message) {
        return new TestRule(id, Severity.WARNING, (ctx, sink) -> sink.report(TextRange.at(offset), message));
    }

    private final List<String> failures = new ArrayList<>();
    private final RuleRunner runner = new RuleRunner((ruleId, path, failure) ->
            failures.add(ruleId + " on " + path + ": " + failure));

    private static Settings settings(String rulesJson) {
        try {
            List<String> problems = new ArrayList<>();
            Settings settings = Settings.fromJson(new ObjectMapper().readTree("{\"rules\": " + rulesJson + "}"),
                    problems);
            assertEquals(List.of(), problems);
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + "@" + f.range().start() + " " + f.severity().id() + ": "
                + f.message()).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theDefaultSeverityAppliesWhenSettingsSayNothing(Kind kind) {
        TestRule rule = new TestRule("test-rule", Severity.INFORMATION,
                (ctx, sink) -> sink.report(TextRange.at(3), "three"));
        assertEquals(List.of("test-rule@3 information: three"),
                describe(runner.run(List.of(rule), kind.context(Settings.DEFAULTS), Cancellation.NONE)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachSeverityInSettingsIsTheFindingsSeverity(Kind kind) {
        for (Severity severity : List.of(Severity.HINT, Severity.INFORMATION, Severity.WARNING, Severity.ERROR)) {
            TestRule rule = reporting("test-rule", 0, "found");
            List<Finding> findings = runner.run(List.of(rule),
                    kind.context(settings("{\"test-rule\": \"" + severity.id() + "\"}")), Cancellation.NONE);
            assertEquals(List.of("test-rule@0 " + severity.id() + ": found"), describe(findings));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void offInSettingsMeansTheRuleDoesNotRunAndTheOthersDo(Kind kind) {
        TestRule off = reporting("silenced", 0, "never");
        TestRule on = reporting("other", 1, "still");
        List<Finding> findings = runner.run(List.of(off, on), kind.context(settings("{\"silenced\": \"off\"}")),
                Cancellation.NONE);
        assertEquals(List.of("other@1 warning: still"), describe(findings));
        assertEquals(0, off.runs);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aLevelTheRuleReportsStandsUnlessSettingsSetOne(Kind kind) {
        TestRule twoLevels = new TestRule("two-levels", Severity.ERROR, (ctx, sink) -> {
            sink.report(Severity.WARNING, TextRange.at(0), "milder", List.of());
            sink.report(TextRange.at(1), "default");
        });
        assertEquals(List.of("two-levels@0 warning: milder", "two-levels@1 error: default"),
                describe(runner.run(List.of(twoLevels), kind.context(Settings.DEFAULTS), Cancellation.NONE)));
        assertEquals(List.of("two-levels@0 hint: milder", "two-levels@1 hint: default"),
                describe(runner.run(List.of(twoLevels), kind.context(settings("{\"two-levels\": \"hint\"}")),
                        Cancellation.NONE)));
        assertEquals(List.of(), runner.run(List.of(twoLevels), kind.context(settings("{\"two-levels\": \"off\"}")),
                Cancellation.NONE));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDisableCommentAtTheTopSilencesTheRuleItNames(Kind kind) {
        TestRule disabled = reporting("test-rule", 0, "never");
        TestRule other = reporting("other-rule", 0, "still");
        RuleContext ctx = kind.context("# promptwise-disable test-rule -- accepted\n", Settings.DEFAULTS, true);
        assertEquals(List.of("other-rule@0 warning: still"),
                describe(runner.run(List.of(disabled, other), ctx, Cancellation.NONE)));
        assertEquals(0, disabled.runs);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachFindingOffersToDisableItsRuleAfterItsOwnFixes(Kind kind) {
        Fix own = new Fix("Own fix", List.of(new TextEdit(TextRange.at(0), "x")), true);
        TestRule rule = new TestRule("test-rule", Severity.WARNING,
                (ctx, sink) -> sink.report(TextRange.at(0), "found", List.of(own)));
        Finding finding = runner.run(List.of(rule), kind.context(Settings.DEFAULTS), Cancellation.NONE).get(0);
        assertEquals(List.of(own, new Fix("Disable test-rule in this file",
                List.of(new TextEdit(TextRange.at(0), "# promptwise-disable test-rule\n")), false)), finding.fixes());
    }

    @Test
    void aPromptRunWithoutFixesGetsNoFixesAtAll() {
        Fix own = new Fix("Own fix", List.of(new TextEdit(TextRange.at(0), "x")), true);
        TestRule rule = new TestRule("test-rule", Severity.WARNING,
                (ctx, sink) -> sink.report(TextRange.at(0), "found", List.of(own)));
        Finding finding = runner.run(List.of(rule), Kind.PROMPT.context("", Settings.DEFAULTS, false),
                Cancellation.NONE).get(0);
        assertEquals(List.of(), finding.fixes());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRuleThatThrowsIsLoggedWithItsIdAndPathAndSkippedWhileTheOthersReport(Kind kind) {
        TestRule before = reporting("before", 4, "first");
        TestRule throwing = new TestRule("throwing", Severity.ERROR, (ctx, sink) -> {
            sink.report(TextRange.at(0), "reported before the failure");
            throw new IllegalStateException("broken");
        });
        TestRule overflowing = new TestRule("overflowing", Severity.ERROR, (ctx, sink) -> {
            throw new StackOverflowError("deep");
        });
        TestRule after = reporting("after", 2, "last");
        RuleContext ctx = kind.context(Settings.DEFAULTS);
        List<Finding> findings = runner.run(List.of(before, throwing, overflowing, after), ctx, Cancellation.NONE);
        assertEquals(List.of("after@2 warning: last", "before@4 warning: first"), describe(findings),
                "in text order; nothing of the rule that threw");
        assertEquals(List.of("throwing on " + ctx.path() + ": java.lang.IllegalStateException: broken",
                "overflowing on " + ctx.path() + ": java.lang.StackOverflowError: deep"), failures);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cancellationInsideARulePropagatesAndIsNotLogged(Kind kind) {
        TestRule cancelled = new TestRule("cancelled", Severity.WARNING, (ctx, sink) -> {
            throw new CancellationException("newer version");
        });
        TestRule after = reporting("after", 0, "never");
        assertThrows(CancellationException.class, () -> runner.run(List.of(cancelled, after),
                kind.context(Settings.DEFAULTS), Cancellation.NONE));
        assertEquals(List.of(), failures);
        assertEquals(0, after.runs);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theRunnerAsksForCancellationBeforeEachRule(Kind kind) {
        TestRule first = reporting("first", 0, "ran");
        TestRule second = reporting("second", 0, "never");
        int[] asked = {0};
        Cancellation afterOne = () -> {
            if (asked[0]++ == 1) {
                throw new CancellationException();
            }
        };
        assertThrows(CancellationException.class,
                () -> runner.run(List.of(first, second), kind.context(Settings.DEFAULTS), afterOne));
        assertEquals(1, first.runs);
        assertEquals(0, second.runs);
    }

    /** The runner only needs the common context, so a rule can be written against it for both kinds. */
    @Test
    void oneRuleCanRunOverBothKinds() {
        Function<RuleContext, List<Finding>> run = ctx -> runner.run(
                List.of(new TestRule("path-rule", Severity.HINT, (c, sink) -> sink.report(TextRange.at(0), c.path()))),
                ctx, Cancellation.NONE);
        assertEquals(List.of("path-rule@0 hint: hello.prompt.yml"),
                describe(run.apply(Kind.PROMPT.context(Settings.DEFAULTS))));
        assertEquals(List.of("path-rule@0 hint: promptwise.yaml"),
                describe(run.apply(Kind.STRATEGY.context(Settings.DEFAULTS))));
        assertTrue(failures.isEmpty());
    }
}
