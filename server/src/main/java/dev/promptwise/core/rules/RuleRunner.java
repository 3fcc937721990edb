package dev.promptwise.core.rules;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Runs rules over one file, the same way for prompt and strategy files: a rule that settings turn {@code off} or a
 * {@code promptwise-disable} comment names does not run; each finding gets the rule's id, the severity from settings
 * ({@code promptwise.rules.<id>}, else the level the rule reported, else its default) and, when fixes are wanted, the
 * fix that disables the rule in the file. A rule that throws is reported to the {@link RuleFailureLog} and skipped,
 * and what it reported before it threw is dropped; the other rules still report. Cancellation propagates.
 */
public final class RuleRunner {

    private static final Comparator<Finding> TEXT_ORDER =
            Comparator.comparingInt((Finding f) -> f.range().start()).thenComparing(Finding::ruleId);

    private final RuleFailureLog failures;

    public RuleRunner(RuleFailureLog failures) {
        this.failures = failures;
    }

    /** Returns the findings of {@code rules} on the file of {@code ctx}, in text order (then by rule id). */
    public <C extends RuleContext> List<Finding> run(List<? extends Rule<? super C>> rules, C ctx,
            Cancellation cancellation) {
        Set<String> disabled = ctx.disabledRules();
        List<Finding> findings = new ArrayList<>();
        for (Rule<? super C> rule : rules) {
            cancellation.check();
            Severity severity = ctx.settings().severity(rule.id(), rule.defaultSeverity());
            if (severity == Severity.OFF || disabled.contains(rule.id())) {
                continue;
            }
            Collector collector = new Collector(rule.id(), rule.defaultSeverity(), ctx);
            try {
                rule.check(ctx, collector);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                failures.ruleFailed(rule.id(), ctx.path(), e);
                continue;
            }
            findings.addAll(collector.findings);
        }
        findings.sort(TEXT_ORDER);
        return findings;
    }

    /** The sink of one rule's run: turns reports into findings with the severity after settings. */
    private static final class Collector implements FindingSink {

        private final String ruleId;
        private final Severity defaultSeverity;
        private final RuleContext ctx;
        private final List<Finding> findings = new ArrayList<>();
        private Optional<Fix> disable;

        Collector(String ruleId, Severity defaultSeverity, RuleContext ctx) {
            this.ruleId = ruleId;
            this.defaultSeverity = defaultSeverity;
            this.ctx = ctx;
        }

        @Override
        public void report(TextRange range, String message, List<Fix> fixes) {
            report(defaultSeverity, range, message, fixes);
        }

        @Override
        public void report(Severity level, TextRange range, String message, List<Fix> fixes) {
            add(ctx.settings().severity(ruleId, level), range, message, fixes);
        }

        @Override
        public void reportAtMost(Severity ceiling, TextRange range, String message, List<Fix> fixes) {
            Severity configured = ctx.settings().severity(ruleId, defaultSeverity);
            add(configured.ordinal() >= ceiling.ordinal() ? configured : ceiling, range, message, fixes);
        }

        private void add(Severity severity, TextRange range, String message, List<Fix> fixes) {
            List<Fix> all = new ArrayList<>();
            if (ctx.wantsFixes()) {
                all.addAll(fixes);
                if (disable == null) {
                    disable = ctx.disableFix(ruleId);
                }
                disable.ifPresent(all::add);
            }
            findings.add(new Finding(ruleId, severity, range, message, all));
        }
    }
}
