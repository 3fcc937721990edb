package dev.promptwise.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.testing.TestWorkspace;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixture of the per-rule tests ({@code <RuleId>Test} in this package, one per page of {@code docs/rules/}). A
 * file's expected findings of one rule sit under the flagged text as lines of {@code ^^^ severity rule-id: message}:
 * the carets mark the exact columns of the line above ({@code |} marks an empty range at its column), and the
 * message is compared whole, never as a prefix. The file is analysed through the façade in a {@link TestWorkspace},
 * so a prompt is judged by the workload that references it, as in the editor; the findings of other rules are
 * ignored. An annotated text with no annotation checks that the rule stays quiet.
 *
 * <p>{@link RuleTestsTest} runs every per-rule test with a recorder and fails when a rule was never shown both
 * firing (an exact message and range) and quiet.
 */
final class RuleFixture {

    private static final Pattern ANNOTATION =
            Pattern.compile("^( *)(\\^+|\\|) (error|warning|information|hint) ([a-z-]+): (.*)$");
    /** Told of each check: the rule's id and whether it expected findings (true) or silence (false). */
    private static final ThreadLocal<BiConsumer<String, Boolean>> RECORDER = new ThreadLocal<>();

    private RuleFixture() {}

    /** Runs {@code body} with every check of this thread reported to {@code recorder}. */
    static void recording(BiConsumer<String, Boolean> recorder, Runnable body) {
        RECORDER.set(recorder);
        try {
            body.run();
        } finally {
            RECORDER.remove();
        }
    }

    /**
     * Puts the annotated text, without its annotations, into {@code workspace} at {@code path}, analyses that file
     * and checks that {@code ruleId}'s findings are exactly the annotations, message and range.
     */
    static void check(String ruleId, TestWorkspace workspace, String path, String annotated) {
        List<String> expected = new ArrayList<>();
        String text = strip(ruleId, annotated, expected);
        workspace.with(path, text);
        LineIndex lines = LineIndex.of(text);
        List<String> actual = new ArrayList<>();
        for (Finding finding : workspace.findings(path)) {
            if (finding.ruleId().equals(ruleId)) {
                actual.add(describe(lines, finding));
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), () -> "findings of " + ruleId
                + " in " + path + ":\n" + text);
        BiConsumer<String, Boolean> recorder = RECORDER.get();
        if (recorder != null) {
            recorder.accept(ruleId, !expected.isEmpty());
        }
    }

    private static String describe(LineIndex lines, Finding finding) {
        LineIndex.Position start = lines.position(finding.range().start());
        LineIndex.Position end = lines.position(finding.range().end());
        String width = start.line() == end.line() ? "+" + (end.character() - start.character()) : "+multiline";
        return (start.line() + 1) + ":" + start.character() + width + " " + finding.severity().id() + " "
                + finding.ruleId() + ": " + finding.message();
    }

    private static String strip(String ruleId, String annotated, List<String> expected) {
        StringBuilder text = new StringBuilder();
        int kept = 0;
        for (String line : annotated.split("\n", -1)) {
            Matcher matcher = ANNOTATION.matcher(line);
            if (matcher.matches() && kept > 0) {
                if (!matcher.group(4).equals(ruleId)) {
                    throw new AssertionError("an annotation of " + matcher.group(4) + " in a fixture of " + ruleId);
                }
                int width = matcher.group(2).equals("|") ? 0 : matcher.group(2).length();
                expected.add(kept + ":" + matcher.group(1).length() + "+" + width + " " + matcher.group(3) + " "
                        + matcher.group(4) + ": " + matcher.group(5));
                continue;
            }
            if (kept > 0) {
                text.append('\n');
            }
            text.append(line);
            kept++;
        }
        return text.toString();
    }

    /** Settings read from JSON, as the editor sends them; fails on any problem in them. */
    static Settings settings(String json) {
        List<String> problems = new ArrayList<>();
        try {
            Settings settings = Settings.fromJson(new ObjectMapper().readTree(json), problems);
            assertEquals(List.of(), problems);
            return settings;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Returns a prompt finding's message as a workload that binds the prompt gets it: the workload and its strategy
     * file named in brackets at its end, before a final full stop (docs/rules, "A prompt several workloads bind").
     */
    static String boundTo(String message, String workload, String strategyFile) {
        String named = " (workload " + workload + ", " + strategyFile + ")";
        return message.endsWith(".") ? message.substring(0, message.length() - 1) + named + "." : message + named;
    }

    // ---- figures written as docs/cost-model.md says, independently of the code's Money ---------------------------

    /** USD: cents with separators from $1 up, else two significant digits and at least two decimals. */
    static String usd(double amount) {
        BigDecimal value = new BigDecimal(amount).round(new MathContext(12)).abs();
        String sign = amount < 0 ? "-" : "";
        if (value.compareTo(BigDecimal.ONE) >= 0) {
            return sign + String.format(Locale.ROOT, "$%,.2f", value.setScale(2, RoundingMode.HALF_UP));
        }
        BigDecimal significant = value.round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros();
        return sign + "$" + significant.setScale(Math.max(2, significant.scale())).toPlainString();
    }

    /** A share as a percentage with one decimal, dropped when it is zero ({@code 37.1%}, {@code 50%}). */
    static String percent(double share) {
        String written = String.format(Locale.ROOT, "%.1f", share * 100);
        return (written.endsWith(".0") ? written.substring(0, written.length() - 2) : written) + "%";
    }

    /** A whole count with thousands separators. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Days: "less than a day" below one, else whole days rounded up. */
    static String days(double days) {
        if (days < 1) {
            return "less than a day";
        }
        long whole = (long) Math.ceil(days - 1e-9);
        return whole == 1 ? "1 day" : count(whole) + " days";
    }
}
