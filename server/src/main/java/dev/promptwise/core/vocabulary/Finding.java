package dev.promptwise.core.vocabulary;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.text.TextRange;
import java.util.List;

/**
 * One diagnostic in the core's terms: a rule id, a severity after settings, a range and a message that leads with
 * the figure that matters, the fixes that resolve it, and the workload it judged the file for.
 *
 * @param workload the workload whose facts (model, budget, traffic) the finding rests on, when the file is a prompt
 *     that a workload binds and the rule depends on them; {@code null} otherwise. A prompt bound by several
 *     workloads gets such a finding once per workload, each naming its own.
 */
public record Finding(String ruleId, Severity severity, TextRange range, String message, List<Fix> fixes,
        Workload workload) {

    public Finding {
        fixes = List.copyOf(fixes);
    }

    /** Creates a finding that rests on no workload. */
    public Finding(String ruleId, Severity severity, TextRange range, String message, List<Fix> fixes) {
        this(ruleId, severity, range, message, fixes, null);
    }

    /**
     * A workload of a strategy file, as a finding names it.
     *
     * @param name the workload's name ({@code support-triage})
     * @param strategyFile the strategy file's workspace-relative path ({@code promptwise.yaml})
     */
    public record Workload(String name, String strategyFile) {

        /**
         * Returns {@code message} naming this workload: {@code … over the budget of $8,000.00/month (workload
         * support-triage, promptwise.yaml)}, the words before a final full stop.
         */
        public String appendTo(String message) {
            String label = " (workload " + name + ", " + strategyFile + ")";
            return message.endsWith(".") ? message.substring(0, message.length() - 1) + label + "."
                    : message + label;
        }
    }
}
