package dev.promptwise.core.rules.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.config.Settings;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.rules.RuleRunner;
import dev.promptwise.core.strategy.DidYouMean;
import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.WorkspaceFiles;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rule against a strategy file whose expected findings sit under the flagged text, as lines of
 * {@code ^^^ warning rule-id: message}; a message ending in {@code …} is matched as a prefix.
 */
final class StrategyFixture {

    /** The models the fake catalog knows. */
    static final Set<String> KNOWN_MODELS = Set.of("gpt-4o", "gpt-4o-mini", "gpt-4.1-mini", "claude-sonnet-4-20250514");

    private static final Pattern ANNOTATION =
            Pattern.compile("^(\\s*)(\\^+) (error|warning|information|hint) ([a-z-]+): (.*)$");

    private static final RuleRunner RUNNER = new RuleRunner((ruleId, path, failure) -> {
        throw new AssertionError("rule " + ruleId + " failed on " + path, failure);
    });

    private StrategyFixture() {}

    /** A workspace holding exactly these files (folders end with '/'). */
    static WorkspaceFiles workspace(String... paths) {
        Set<String> all = Set.of(paths);
        return new WorkspaceFiles() {
            @Override
            public boolean exists(String path) {
                return all.contains(path) || all.contains(path + "/");
            }

            @Override
            public boolean isDirectory(String path) {
                return all.contains(path + "/");
            }
        };
    }

    /** Returns a context for the text with the fake catalog, these files and these settings. */
    static StrategyContext context(String text, Settings settings, WorkspaceFiles files) {
        return new StrategyContext(StrategyParser.parse(text), "promptwise.yaml", settings, KNOWN_MODELS::contains,
                id -> DidYouMean.closest(id, KNOWN_MODELS.stream().sorted().toList(), 3), files, workload -> null);
    }

    /** Returns the findings of {@code rule}, run as the façade runs it; a rule that throws fails the test. */
    static List<Finding> findings(Rule<StrategyContext> rule, StrategyContext ctx) {
        return findings(List.of(rule), ctx);
    }

    /** Returns the findings of {@code rules}, run as the façade runs them; a rule that throws fails the test. */
    static List<Finding> findings(List<Rule<StrategyContext>> rules, StrategyContext ctx) {
        return RUNNER.run(rules, ctx, Cancellation.NONE);
    }

    /** Checks that {@code rule} finds exactly what the annotations under the text say. */
    static void checkFindings(Rule<StrategyContext> rule, String annotated, WorkspaceFiles files) {
        checkFindings(rule, annotated, files, Settings.DEFAULTS);
    }

    static void checkFindings(Rule<StrategyContext> rule, String annotated, WorkspaceFiles files, Settings settings) {
        checkFindings(annotated, text -> findings(rule, context(text, settings, files)));
    }

    /** Checks that {@code findingsOf} gives exactly what the annotations under the text say. */
    static void checkFindings(String annotated, Function<String, List<Finding>> findingsOf) {
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        int line = -1;
        for (String source : annotated.split("\n", -1)) {
            Matcher matcher = ANNOTATION.matcher(source);
            if (matcher.matches()) {
                expected.add(line + ":" + matcher.group(1).length() + "-" + matcher.group(2).length() + " "
                        + matcher.group(3) + " " + matcher.group(4) + ": " + matcher.group(5));
                continue;
            }
            if (line >= 0) {
                text.append('\n');
            }
            text.append(source);
            line++;
        }
        String document = text.toString();
        LineIndex index = LineIndex.of(document);
        List<Finding> findings = findingsOf.apply(document);
        List<String> actual = new ArrayList<>();
        for (Finding finding : findings) {
            LineIndex.Position start = index.position(finding.range().start());
            String message = finding.message();
            String key = start.line() + ":" + start.character() + "-" + finding.range().length() + " "
                    + finding.severity().id() + " " + finding.ruleId() + ": ";
            String match = expected.stream()
                    .filter(e -> e.endsWith("…") && e.startsWith(key)
                            && message.startsWith(e.substring(key.length(), e.length() - 1)))
                    .findFirst().orElse(null);
            actual.add(match != null ? match : key + message);
        }
        assertEquals(String.join("\n", expected.stream().sorted().toList()),
                String.join("\n", actual.stream().sorted().toList()), "in:\n" + document);
    }
}
