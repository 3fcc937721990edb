package dev.promptwise.core.rules.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixture helpers for rule tests. Expected findings sit under the flagged text as lines of
 * {@code ^^^ warning rule-id: message}: the carets mark the columns of the line above, and the message may end with
 * {@code …} to match a prefix. The helper strips those lines before analysis.
 */
final class RuleFixtures {

    private static final Pattern ANNOTATION =
            Pattern.compile("^(\\s*)(\\^+) (error|warning|information|hint) ([a-z-]+): (.*)$");
    private static final PromptwiseAnalysis ANALYSIS = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> {
        throw new AssertionError("a rule failed: " + message);
    });

    private RuleFixtures() {}

    /** Analyses the annotated text as the file {@code path} and checks its findings equal the annotations. */
    static void checkDiagnostics(String path, String annotated) {
        checkDiagnostics(path, annotated, Settings.DEFAULTS);
    }

    static void checkDiagnostics(String path, String annotated, Settings settings) {
        List<String> expected = new ArrayList<>();
        String text = strip(annotated, expected);
        List<String> actual = new ArrayList<>();
        LineIndex lines = LineIndex.of(text);
        List<Finding> findings = new ArrayList<>(findings(path, text, settings));
        findings.sort(Comparator.comparingInt((Finding f) -> f.range().start()).thenComparing(Finding::ruleId));
        for (Finding finding : findings) {
            actual.add(describe(lines, finding));
        }
        List<String> unmatched = new ArrayList<>(actual);
        List<String> result = new ArrayList<>();
        for (String want : expected) {
            boolean prefix = want.endsWith("…");
            String wanted = prefix ? want.substring(0, want.length() - 1) : want;
            String found = unmatched.stream()
                    .filter(got -> prefix ? got.startsWith(wanted) : got.equals(wanted)).findFirst().orElse(null);
            unmatched.remove(found);
            result.add(found == null ? "MISSING " + want : want);
        }
        result.addAll(unmatched.stream().map(got -> "UNEXPECTED " + got).toList());
        assertEquals(String.join("\n", expected), String.join("\n", result),
                () -> "actual findings:\n" + String.join("\n", actual));
    }

    /** Applies the fix titled {@code title} of the findings of {@code before} and checks the result. */
    static void checkFix(String path, String before, String title, String after) {
        List<Finding> findings = findings(path, before, Settings.DEFAULTS);
        Fix fix = findings.stream().flatMap(f -> f.fixes().stream()).filter(f -> f.title().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no fix '" + title + "' among "
                        + findings.stream().flatMap(f -> f.fixes().stream()).map(Fix::title).toList()));
        StringBuilder result = new StringBuilder(before);
        List<TextEdit> edits = new ArrayList<>(fix.edits());
        edits.sort(Comparator.comparingInt((TextEdit e) -> e.range().start()).reversed());
        for (TextEdit edit : edits) {
            result.replace(edit.range().start(), edit.range().end(), edit.newText());
        }
        assertEquals(after, result.toString());
    }

    static List<Finding> findings(String path, String text, Settings settings) {
        PromptFormat format = ANALYSIS.formatOf(path, text).orElseThrow(() -> new AssertionError("not a prompt: " + path));
        AnalyzedPrompt prompt = ANALYSIS.analyze(path, format, text, settings);
        return ANALYSIS.diagnostics(prompt, Cancellation.NONE);
    }

    static AnalyzedPrompt analyze(String path, String text) {
        return ANALYSIS.analyze(path, ANALYSIS.formatOf(path, text).orElseThrow(), text, Settings.DEFAULTS);
    }

    private static String describe(LineIndex lines, Finding finding) {
        LineIndex.Position start = lines.position(finding.range().start());
        LineIndex.Position end = lines.position(finding.range().end());
        int width = start.line() == end.line() ? Math.max(1, end.character() - start.character()) : -1;
        return (start.line() + 1) + ":" + start.character() + (width > 0 ? "+" + width : "+multiline") + " "
                + finding.severity().id() + " " + finding.ruleId() + ": " + finding.message();
    }

    private static String strip(String annotated, List<String> expected) {
        String[] lines = annotated.split("\n", -1);
        StringBuilder text = new StringBuilder();
        int kept = 0;
        for (String line : lines) {
            Matcher matcher = ANNOTATION.matcher(line);
            if (matcher.matches() && kept > 0) {
                int column = matcher.group(1).length();
                int width = matcher.group(2).length();
                String span = width == 1 && matcher.group(2).equals("^") ? "+1" : "+" + width;
                expected.add(kept + ":" + column + span + " " + matcher.group(3) + " " + matcher.group(4) + ": "
                        + matcher.group(5));
                continue;
            }
            if (kept > 0) {
                text.append('\n');
            }
            text.append(line);
            kept++;
        }
        assertTrue(kept > 0);
        return text.toString();
    }
}
