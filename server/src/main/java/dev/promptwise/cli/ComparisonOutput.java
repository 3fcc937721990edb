package dev.promptwise.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptwise.cli.BaselineComparison.Figure;
import dev.promptwise.cli.BaselineComparison.FindingChange;
import dev.promptwise.cli.BaselineComparison.Presence;
import dev.promptwise.cli.BaselineComparison.PromptChange;
import dev.promptwise.cli.BaselineComparison.WorkloadChange;
import dev.promptwise.core.cost.Money;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Writes a {@link BaselineComparison}: as a Markdown table for a pull-request comment, as lines after the text
 * format, or as the {@code comparison} object of the JSON format. Only what changed is listed; a cost that is known
 * on one side only, a new workload and a cost that grows from zero are said in words, never as a percentage.
 */
final class ComparisonOutput {

    private ComparisonOutput() {}

    static void markdown(BaselineComparison comparison, PrintStream out) {
        out.println("### Promptwise: changes against the baseline");
        out.println();
        if (comparison.isEmpty()) {
            out.println("No change in prompt tokens, cost or findings.");
            return;
        }
        List<WorkloadChange> workloads = comparison.workloads().stream().filter(WorkloadChange::changed).toList();
        if (!workloads.isEmpty()) {
            out.println("| Workload | Strategy file | Prompt tokens | $/request | $/month | Change |");
            out.println("| --- | --- | ---: | ---: | ---: | --- |");
            for (WorkloadChange workload : workloads) {
                out.println("| " + cell(workload.name()) + " | " + cell(workload.strategyFile()) + " | "
                        + cell(figure(workload.presence(), workload.tokens(), Money::count)) + " | "
                        + cell(figure(workload.presence(), workload.perRequest(), Money::usd)) + " | "
                        + cell(figure(workload.presence(), workload.monthly(), Money::usd)) + " | "
                        + cell(monthlyChange(workload)) + " |");
            }
            out.println();
        }
        long unchanged = comparison.workloads().size() - workloads.size();
        if (unchanged > 0) {
            out.println(unchanged + " workload" + (unchanged == 1 ? "" : "s") + " unchanged.");
            out.println();
        }
        List<PromptChange> prompts = comparison.prompts().stream().filter(PromptChange::changed).toList();
        if (!prompts.isEmpty()) {
            out.println("| Prompt file | Tokens | $/request |");
            out.println("| --- | ---: | ---: |");
            for (PromptChange prompt : prompts) {
                out.println("| " + cell(prompt.path()) + " | "
                        + cell(figure(prompt.presence(), prompt.tokens(), Money::count)) + " | "
                        + cell(figure(prompt.presence(), prompt.perRequest(), Money::usd)) + " |");
            }
            out.println();
        }
        if (!comparison.findings().isEmpty()) {
            out.println("| Finding | File | Rule | Message |");
            out.println("| --- | --- | --- | --- |");
            for (FindingChange finding : comparison.findings()) {
                out.println("| " + (finding.presence() == Presence.NEW ? "new " + finding.severity() : "gone") + " | "
                        + cell(location(finding)) + " | " + cell(finding.rule()) + " | " + cell(finding.message())
                        + " |");
            }
            out.println();
        }
    }

    static void text(BaselineComparison comparison, String baselineName, PrintStream out) {
        if (comparison.isEmpty()) {
            out.println("No change against baseline " + baselineName + " in prompt tokens, cost or findings.");
            return;
        }
        out.println("Changes against baseline " + baselineName + ":");
        for (WorkloadChange workload : comparison.workloads()) {
            if (workload.changed()) {
                out.println("workload " + workload.name() + " (" + workload.strategyFile() + "): tokens "
                        + figure(workload.presence(), workload.tokens(), Money::count) + ", $/request "
                        + figure(workload.presence(), workload.perRequest(), Money::usd) + ", $/month "
                        + figure(workload.presence(), workload.monthly(), Money::usd) + ", "
                        + monthlyChange(workload));
            }
        }
        for (PromptChange prompt : comparison.prompts()) {
            if (prompt.changed()) {
                out.println("prompt " + prompt.path() + ": tokens "
                        + figure(prompt.presence(), prompt.tokens(), Money::count) + ", $/request "
                        + figure(prompt.presence(), prompt.perRequest(), Money::usd));
            }
        }
        for (FindingChange finding : comparison.findings()) {
            out.println((finding.presence() == Presence.NEW ? "new finding " : "gone finding ") + location(finding)
                    + ": " + (finding.severity().isEmpty() ? "" : finding.severity() + " ") + finding.rule() + ": "
                    + finding.message());
        }
    }

    static ObjectNode json(BaselineComparison comparison) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        ArrayNode workloads = root.putArray("workloads");
        for (WorkloadChange workload : comparison.workloads()) {
            if (!workload.changed()) {
                continue;
            }
            ObjectNode node = workloads.addObject();
            node.put("name", workload.name());
            node.put("strategyFile", workload.strategyFile());
            node.put("presence", workload.presence().name().toLowerCase(Locale.ROOT));
            node.set("tokens", figureJson(workload.tokens()));
            node.set("costPerRequestUsd", figureJson(workload.perRequest()));
            node.set("monthlyCostUsd", figureJson(workload.monthly()));
            node.put("change", monthlyChange(workload));
        }
        ArrayNode prompts = root.putArray("prompts");
        for (PromptChange prompt : comparison.prompts()) {
            if (!prompt.changed()) {
                continue;
            }
            ObjectNode node = prompts.addObject();
            node.put("path", prompt.path());
            node.put("presence", prompt.presence().name().toLowerCase(Locale.ROOT));
            node.set("tokens", figureJson(prompt.tokens()));
            node.set("costPerRequestUsd", figureJson(prompt.perRequest()));
        }
        ArrayNode findings = root.putArray("findings");
        for (FindingChange finding : comparison.findings()) {
            ObjectNode node = findings.addObject();
            node.put("presence", finding.presence().name().toLowerCase(Locale.ROOT));
            node.put("path", finding.path());
            node.put("line", finding.line());
            node.put("rule", finding.rule());
            node.put("severity", finding.severity());
            node.put("message", finding.message());
        }
        return root;
    }

    /** Says how a workload's monthly cost moved, in words where no percentage can say it. */
    static String monthlyChange(WorkloadChange workload) {
        Figure monthly = workload.monthly();
        if (workload.presence() == Presence.NEW) {
            return "new workload";
        }
        if (workload.presence() == Presence.GONE) {
            return "workload removed";
        }
        if (monthly.before() == null && monthly.after() == null) {
            return "monthly cost unknown";
        }
        if (monthly.before() == null) {
            return "monthly cost now known";
        }
        if (monthly.after() == null) {
            return "monthly cost now unknown";
        }
        if (!monthly.changed()) {
            return "no change";
        }
        if (monthly.before() == 0) {
            return "from $0.00";
        }
        return percent(monthly.percent());
    }

    /** Returns {@code +16.7 %}. */
    static String percent(double percent) {
        return String.format(Locale.ROOT, "%+.1f %%", percent);
    }

    private static String figure(Presence presence, Figure figure, DoubleFunction<String> format) {
        String before = figure.before() == null ? "unknown" : format.apply(figure.before());
        String after = figure.after() == null ? "unknown" : format.apply(figure.after());
        return switch (presence) {
            case NEW -> after + " (new)";
            case GONE -> "gone (was " + before + ")";
            case BOTH -> figure.changed() ? before + " → " + after : after;
        };
    }

    private static ObjectNode figureJson(Figure figure) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (figure.before() == null) {
            node.putNull("before");
        } else {
            node.put("before", figure.before());
        }
        if (figure.after() == null) {
            node.putNull("after");
        } else {
            node.put("after", figure.after());
        }
        return node;
    }

    private static String location(FindingChange finding) {
        return finding.path() + (finding.line() > 0 ? ":" + finding.line() : "");
    }

    /** Escapes a table cell: a pipe would end it, a line break would end the row. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
