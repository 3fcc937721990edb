package dev.promptwise.core.advice;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The golden scenarios of the decision framework: one or more for each factor of the article (task specificity,
 * volume, data, change rate, format, accuracy plateau, team and timeline, cost at scale) and for each hybrid
 * pattern, each with the recommendation it must get and the reasons it must give. docs/decision-framework.md's
 * "Worked cases" table is exactly {@link #markdownTable()}; {@code DecisionEngineTest} checks both.
 */
final class GoldenScenarios {

    /** A reason the recommendation must give: {@code factor} is a deciding factor whose reason contains {@code phrase}. */
    record Reason(Factor factor, String phrase) {}

    /**
     * One scenario.
     *
     * @param name what it shows, as the doc's first column
     * @param facts the workload's facts, one line of YAML flow mappings
     * @param cost the cost model's outlook, or {@code null} when unpriced
     * @param recommendation the recommendation's label ({@code hybrid (iterative-refinement)})
     * @param reasons the deciding factors, in order, each with a phrase its reason must contain
     */
    record Scenario(String name, String facts, CostOutlook cost, String recommendation, List<Reason> reasons) {}

    private GoldenScenarios() {}

    private static Reason r(Factor factor, String phrase) {
        return new Reason(factor, phrase);
    }

    static final List<Scenario> ALL = List.of(
            new Scenario("task specificity: a general support FAQ",
                    "traffic: { requestsPerDay: 5000 }, task: { domain: customer-support, complexity: low,"
                            + " outputFormat: text }",
                    null, "prompt-engineering",
                    List.of(r(Factor.TASK_SPECIFICITY, "inside the model's general knowledge"),
                            r(Factor.OUTPUT_CONSISTENCY, "read by people"))),
            new Scenario("task specificity: a specialised medical task at scale",
                    "traffic: { requestsPerDay: 250000 }, task: { domain: medical, complexity: high, outputFormat:"
                            + " json, accuracyTarget: 0.98 }, requirements: { changeFrequency: quarterly },"
                            + " data: { labeledExamples: 5000, proprietary: true }, team: { mlExpertise: high,"
                            + " timelineWeeks: 12 }",
                    new CostOutlook(30_000, 9_000, 4_000, 6.0), "fine-tuning",
                    List.of(r(Factor.DATA, "5,000 labelled examples of proprietary data"),
                            r(Factor.TASK_SPECIFICITY, "medical task is specialised"),
                            r(Factor.COST_AT_SCALE, "paying back $4,000.00 of training in 6 days"))),
            new Scenario("volume: a prototype at 300 requests a day",
                    "traffic: { requestsPerDay: 300 }, task: { domain: general, outputFormat: text },"
                            + " requirements: { changeFrequency: weekly, variability: varied },"
                            + " data: { labeledExamples: 15 }, team: { mlExpertise: low, timelineWeeks: 3 }",
                    null, "prompt-engineering",
                    List.of(r(Factor.DATA, "Only 15 labelled examples"),
                            r(Factor.CHANGE_RATE, "Requirements change weekly, and requests are varied"),
                            r(Factor.TEAM_AND_TIMELINE, "3 weeks to production with low ML expertise"))),
            new Scenario("volume: 200,000 requests a day where the shorter prompt pays",
                    "traffic: { requestsPerDay: 200000 }, task: { domain: general, outputFormat: json },"
                            + " requirements: { changeFrequency: quarterly }, data: { labeledExamples: 1500 }",
                    new CostOutlook(12_000, 7_000, 900, 5.4), "fine-tuning",
                    List.of(r(Factor.REQUEST_VOLUME, "a fine-tuned model saves $5,000.00 a month"),
                            r(Factor.DATA, "1,500 labelled examples"),
                            r(Factor.COST_AT_SCALE, "$7,000.00 a month against $12,000.00 prompt-only"))),
            new Scenario("volume: two requests a day, training never pays back",
                    "traffic: { requestsPerDay: 2 }, task: { domain: legal, outputFormat: json },"
                            + " requirements: { changeFrequency: yearly }, data: { labeledExamples: 3000 },"
                            + " team: { mlExpertise: high, timelineWeeks: 8 }",
                    new CostOutlook(1.20, 1.00, 145, 21_750.0), "prompt-engineering",
                    List.of(r(Factor.REQUEST_VOLUME, "2 requests a day is low volume"),
                            r(Factor.COST_AT_SCALE, "more than a year to repay training"))),
            new Scenario("data: 300,000 requests a day but 20 labelled examples",
                    "traffic: { requestsPerDay: 300000 }, task: { domain: general, outputFormat: json },"
                            + " requirements: { changeFrequency: monthly }, data: { labeledExamples: 20 },"
                            + " team: { mlExpertise: medium, timelineWeeks: 6 }",
                    new CostOutlook(40_000, 22_000, 1_500, 2.5), "hybrid (iterative-refinement)",
                    List.of(r(Factor.DATA, "Only 20 labelled examples"),
                            r(Factor.COST_AT_SCALE, "paying back $1,500.00 of training in 3 days"),
                            r(Factor.REQUEST_VOLUME, "300,000 requests a day is high volume"))),
            new Scenario("data before change rate: 20 examples and daily changes",
                    "traffic: { requestsPerDay: 400000 }, task: { domain: finance, outputFormat: json },"
                            + " requirements: { changeFrequency: daily }, data: { labeledExamples: 20 },"
                            + " team: { mlExpertise: medium, timelineWeeks: 8 }",
                    new CostOutlook(50_000, 30_000, 2_000, 3.0), "hybrid (iterative-refinement)",
                    List.of(r(Factor.DATA, "Only 20 labelled examples"),
                            r(Factor.COST_AT_SCALE, "paying back $2,000.00 of training in 3 days"),
                            r(Factor.REQUEST_VOLUME, "400,000 requests a day is high volume"))),
            new Scenario("change rate: finance rules that change weekly",
                    "traffic: { requestsPerDay: 400000 }, task: { domain: finance, complexity: medium,"
                            + " outputFormat: json }, requirements: { changeFrequency: weekly },"
                            + " data: { labeledExamples: 2000, proprietary: true }, team: { mlExpertise: medium,"
                            + " timelineWeeks: 8 }",
                    new CostOutlook(50_000, 30_000, 2_000, 3.0), "hybrid (foundation-plus-specialization)",
                    List.of(r(Factor.CHANGE_RATE, "Requirements change weekly"),
                            r(Factor.COST_AT_SCALE, "$30,000.00 a month against $50,000.00 prompt-only"),
                            r(Factor.DATA, "2,000 labelled examples of proprietary data"))),
            new Scenario("format: strict JSON at 89 % against a 97 % target",
                    "traffic: { requestsPerDay: 5000 }, task: { domain: general, complexity: high, outputFormat:"
                            + " json, accuracyTarget: 0.97, currentAccuracy: 0.89 }",
                    null, "fine-tuning",
                    List.of(r(Factor.ACCURACY, "8 points short"),
                            r(Factor.OUTPUT_CONSISTENCY, "JSON output is parsed downstream"))),
            new Scenario("accuracy plateau: 92 % against 97 % is 5 points",
                    "task: { domain: general, complexity: medium, accuracyTarget: 0.97, currentAccuracy: 0.92 },"
                            + " requirements: { changeFrequency: quarterly }, data: { labeledExamples: 1500 }",
                    null, "fine-tuning",
                    List.of(r(Factor.DATA, "1,500 labelled examples"),
                            r(Factor.ACCURACY, "plateaued 5 points short"),
                            r(Factor.CHANGE_RATE, "Requirements change only quarterly"))),
            new Scenario("team and timeline: one week and no ML expertise",
                    "traffic: { requestsPerDay: 200000 }, task: { domain: legal, outputFormat: json },"
                            + " data: { labeledExamples: 3000 }, team: { mlExpertise: none, timelineWeeks: 1 }",
                    null, "prompt-engineering",
                    List.of(r(Factor.TEAM_AND_TIMELINE, "1 week to production with no ML expertise"))),
            new Scenario("team and timeline: three weeks and no ML expertise start with prompts",
                    "traffic: { requestsPerDay: 150000 }, task: { domain: legal, outputFormat: json },"
                            + " requirements: { changeFrequency: quarterly }, data: { labeledExamples: 3000 },"
                            + " team: { mlExpertise: none, timelineWeeks: 3 }",
                    new CostOutlook(20_000, 12_000, 1_000, 3.75), "hybrid (iterative-refinement)",
                    List.of(r(Factor.TEAM_AND_TIMELINE, "3 weeks to production with no ML expertise"),
                            r(Factor.COST_AT_SCALE, "paying back $1,000.00 of training in 4 days"),
                            r(Factor.REQUEST_VOLUME, "150,000 requests a day is high volume"))),
            new Scenario("cost at scale: legal at 120,000 requests a day, a quick break-even",
                    "traffic: { requestsPerDay: 120000 }, task: { domain: legal, complexity: medium,"
                            + " outputFormat: json }, requirements: { changeFrequency: yearly },"
                            + " data: { labeledExamples: 3000, proprietary: true }",
                    new CostOutlook(30_000, 9_000, 4_000, 6.0), "fine-tuning",
                    List.of(r(Factor.DATA, "3,000 labelled examples of proprietary data"),
                            r(Factor.REQUEST_VOLUME, "a fine-tuned model saves $21,000.00 a month"),
                            r(Factor.COST_AT_SCALE, "paying back $4,000.00 of training in 6 days"))),
            new Scenario("cost at scale: fine-tuning costs twice as much (the samples' sentiment-report)",
                    "traffic: { requestsPerDay: 30000 }, task: { outputFormat: label },"
                            + " requirements: { changeFrequency: weekly }, data: { labeledExamples: 20 }",
                    new CostOutlook(11.07, 22.19, 0.011, null), "prompt-engineering",
                    List.of(r(Factor.DATA, "Only 20 labelled examples"),
                            r(Factor.CHANGE_RATE, "Requirements change weekly"),
                            r(Factor.COST_AT_SCALE, "fine-tuning costs more"))),
            new Scenario("hierarchical-prompts: a general task that prompting already handles, at scale",
                    "traffic: { requestsPerDay: 200000 }, task: { domain: general, outputFormat: json,"
                            + " accuracyTarget: 0.95, currentAccuracy: 0.96 }, requirements: { changeFrequency:"
                            + " quarterly }, data: { labeledExamples: 3000 }",
                    new CostOutlook(25_000, 11_000, 1_200, 2.6), "hybrid (hierarchical-prompts)",
                    List.of(r(Factor.TASK_SPECIFICITY, "sits inside the model's general knowledge"),
                            r(Factor.COST_AT_SCALE, "paying back $1,200.00 of training in 3 days"),
                            r(Factor.REQUEST_VOLUME, "a fine-tuned model saves $14,000.00 a month"))),
            new Scenario("multi-model: clinical summaries read by people",
                    "traffic: { requestsPerDay: 150000 }, task: { domain: medical, complexity: high, outputFormat:"
                            + " markdown, accuracyTarget: 0.85 }, requirements: { changeFrequency: monthly,"
                            + " variability: varied }, data: { labeledExamples: 2000, proprietary: true },"
                            + " team: { mlExpertise: high, timelineWeeks: 10 }",
                    new CostOutlook(60_000, 35_000, 3_000, 3.6), "hybrid (multi-model)",
                    List.of(r(Factor.OUTPUT_CONSISTENCY, "Markdown output is read by people"),
                            r(Factor.COST_AT_SCALE, "paying back $3,000.00 of training in 4 days"),
                            r(Factor.DATA, "2,000 labelled examples of proprietary data"))),
            new Scenario("nothing known",
                    "", null, "prompt-engineering", List.of()));

    /** Returns the worked-cases table as docs/decision-framework.md must hold it. */
    static String markdownTable() {
        StringBuilder table = new StringBuilder("| scenario | facts | cost outlook | recommendation | reasons it must give |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (Scenario scenario : ALL) {
            table.append("| ").append(scenario.name())
                    .append(" | ").append(scenario.facts().isEmpty() ? "none" : "`" + scenario.facts() + "`")
                    .append(" | ").append(outlook(scenario.cost()))
                    .append(" | ").append(scenario.recommendation())
                    .append(" | ").append(scenario.reasons().isEmpty() ? "none" : scenario.reasons().stream()
                            .map(reason -> reason.factor().label() + ": \"" + reason.phrase() + "\"")
                            .collect(Collectors.joining("; ")))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String outlook(CostOutlook cost) {
        if (cost == null) {
            return "none";
        }
        return String.format(Locale.ROOT, "$%,.2f now, $%,.2f fine-tuned a month; $%,.4f training; break-even %s",
                cost.promptOnlyMonthlyUsd(), cost.fineTunedMonthlyUsd(), cost.trainingCostUsd(),
                cost.breakEvenDays() == null ? "never" : String.format(Locale.ROOT, "%.2f days", cost.breakEvenDays()));
    }
}
