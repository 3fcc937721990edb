package dev.promptwise.core.advice;

import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.ChangeFrequency;
import dev.promptwise.core.strategy.Complexity;
import dev.promptwise.core.strategy.Domain;
import dev.promptwise.core.strategy.HybridPattern;
import dev.promptwise.core.strategy.Level;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.OutputFormat;
import dev.promptwise.core.strategy.Variability;
import dev.promptwise.core.strategy.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The decision framework of DESIGN section 1 as a pure function: each factor votes from a workload's facts, and the
 * votes become a recommendation (prompt engineering, fine-tuning or a named hybrid) with a confidence. Every
 * threshold and its reasoning is in docs/decision-framework.md; keep the two in step.
 */
public final class DecisionEngine {

    /** Requests a day from which volume strongly favours fine-tuning. */
    public static final double HIGH_VOLUME = 100_000;
    /** Requests a day from which volume moderately favours fine-tuning. */
    public static final double SUBSTANTIAL_VOLUME = 10_000;
    /** Requests a day below which volume favours prompt engineering. */
    public static final double LOW_VOLUME = 1_000;
    /** Labelled examples from which data strongly favours fine-tuning. */
    public static final int LARGE_DATASET = 1_000;
    /** Labelled examples from which data moderately favours fine-tuning. */
    public static final int USABLE_DATASET = 200;
    /** Labelled examples below which fine-tuning is premature (and {@code insufficient-training-data} warns). */
    public static final int TOO_FEW_EXAMPLES = 50;
    /** An accuracy target from which it counts as very high. */
    public static final double VERY_HIGH_ACCURACY = 0.95;
    /** An accuracy target below which it counts as flexible. */
    public static final double FLEXIBLE_ACCURACY = 0.90;
    /** Weeks to production below which the need is immediate. */
    public static final double IMMEDIATE_WEEKS = 2;
    /** Weeks to production from which there is time to collect data and train. */
    public static final double TRAINING_WEEKS = 4;
    /** Break-even days within which the cost of training is quickly paid back. */
    public static final double QUICK_BREAK_EVEN_DAYS = 90;
    /** Break-even days within which training still pays back within a year. */
    public static final double SLOW_BREAK_EVEN_DAYS = 365;

    /** The weight of evidence for fine-tuning needed before training is recommended at all. */
    public static final double FINE_TUNING_EVIDENCE = 1.5;
    /** The weight of evidence for fine-tuning that makes a blocked workload a hybrid rather than prompt-only. */
    public static final double HYBRID_EVIDENCE = 1.0;
    /** The weight on the prompt engineering side that, against enough evidence for training, makes a hybrid. */
    public static final double COUNTERWEIGHT = 1.0;
    /** How much fine-tuning must lead by to be recommended alone. */
    public static final double FINE_TUNING_MARGIN = 1.0;
    /** The team vote that rules training out whatever else favours it: an immediate need and little expertise. */
    public static final double TEAM_VETO = 1.2;

    private DecisionEngine() {}

    /**
     * Returns the recommendation for a workload. {@code cost} is the cost model's outlook, or {@code null} when it is
     * unknown (the cost factor then votes neutral and confidence falls). Deterministic: the same facts always give
     * the same recommendation, reasons and confidence.
     */
    public static Recommendation recommend(Workload workload, CostOutlook cost) {
        List<FactorAssessment> factors = List.of(
                taskSpecificity(workload.task()),
                requestVolume(workload.traffic()),
                data(workload.data()),
                changeRate(workload.requirements()),
                outputConsistency(workload.task()),
                accuracy(workload.task()),
                teamAndTimeline(workload.team()),
                costAtScale(cost));
        return decide(factors);
    }

    // Decision.

    private static Recommendation decide(List<FactorAssessment> factors) {
        double forFineTuning = sum(factors, Vote.FINE_TUNING);
        double forPrompting = sum(factors, Vote.PROMPT_ENGINEERING);
        double coverage = coverage(factors);

        FactorAssessment team = find(factors, Factor.TEAM_AND_TIMELINE);
        if (team.vote() == Vote.PROMPT_ENGINEERING && team.weight() >= TEAM_VETO) {
            return result(Approach.PROMPT_ENGINEERING, null, factors, List.of(Factor.TEAM_AND_TIMELINE),
                    coverage, 1.0,
                    "The team can ship only prompts in time; fine-tuning can follow once it has data and time");
        }

        FactorAssessment blocker = blocker(factors);
        if (blocker != null) {
            double evidence = forFineTuning;
            if (evidence >= HYBRID_EVIDENCE) {
                HybridPattern pattern = blocker.factor() == Factor.CHANGE_RATE
                        ? HybridPattern.FOUNDATION_PLUS_SPECIALIZATION : HybridPattern.ITERATIVE_REFINEMENT;
                List<Factor> deciding = new ArrayList<>(strongest(factors, Vote.FINE_TUNING, 2));
                deciding.add(0, blocker.factor());
                return result(Approach.HYBRID, pattern, factors, deciding, coverage,
                        balance(forFineTuning, forPrompting),
                        describePattern(pattern, blocker.factor()));
            }
            List<Factor> deciding = strongest(factors, Vote.PROMPT_ENGINEERING, 3);
            return result(Approach.PROMPT_ENGINEERING, null, factors, deciding, coverage,
                    agreement(forFineTuning, forPrompting),
                    "Prompting fits, and " + blocker.factor().label() + " rules training out for now");
        }

        if (forFineTuning >= FINE_TUNING_EVIDENCE && forPrompting >= COUNTERWEIGHT) {
            FactorAssessment counter = strongestAssessment(factors, Vote.PROMPT_ENGINEERING);
            HybridPattern pattern = patternAgainst(counter.factor());
            List<Factor> deciding = new ArrayList<>(strongest(factors, Vote.FINE_TUNING, 2));
            deciding.add(counter.factor());
            return result(Approach.HYBRID, pattern, factors, deciding, coverage, balance(forFineTuning, forPrompting),
                    describePattern(pattern, counter.factor()));
        }
        if (forFineTuning >= FINE_TUNING_EVIDENCE && forFineTuning - forPrompting >= FINE_TUNING_MARGIN) {
            return result(Approach.FINE_TUNING, null, factors, strongest(factors, Vote.FINE_TUNING, 3), coverage,
                    agreement(forFineTuning, forPrompting), "The facts favour training a model for this task");
        }
        List<Factor> deciding = strongest(factors, Vote.PROMPT_ENGINEERING, 3);
        String rationale = deciding.isEmpty()
                ? "Too little favours fine-tuning to pay for training; prompting is the cheaper, reversible start"
                : "The facts favour prompting";
        return result(Approach.PROMPT_ENGINEERING, null, factors, deciding, coverage,
                agreement(forFineTuning, forPrompting), rationale);
    }

    /**
     * Returns the strongest factor that rules training out for now (weekly or daily changes, too few examples, no
     * time or expertise), or {@code null} when none does.
     */
    private static FactorAssessment blocker(List<FactorAssessment> factors) {
        FactorAssessment change = find(factors, Factor.CHANGE_RATE);
        if (change.vote() == Vote.PROMPT_ENGINEERING && change.weight() >= 1.0) {
            return change;
        }
        FactorAssessment data = find(factors, Factor.DATA);
        if (data.vote() == Vote.PROMPT_ENGINEERING) {
            return data;
        }
        FactorAssessment team = find(factors, Factor.TEAM_AND_TIMELINE);
        if (team.vote() == Vote.PROMPT_ENGINEERING && team.weight() >= 1.0) {
            return team;
        }
        return null;
    }

    /** Returns the hybrid pattern that answers the strongest factor against training. */
    private static HybridPattern patternAgainst(Factor counter) {
        return switch (counter) {
            case CHANGE_RATE -> HybridPattern.FOUNDATION_PLUS_SPECIALIZATION;
            case DATA, TEAM_AND_TIMELINE, REQUEST_VOLUME -> HybridPattern.ITERATIVE_REFINEMENT;
            case OUTPUT_CONSISTENCY -> HybridPattern.MULTI_MODEL;
            case TASK_SPECIFICITY, ACCURACY, COST_AT_SCALE -> HybridPattern.HIERARCHICAL_PROMPTS;
        };
    }

    private static String describePattern(HybridPattern pattern, Factor counter) {
        String because = ", because of " + counter.label();
        return switch (pattern) {
            case FOUNDATION_PLUS_SPECIALIZATION -> "Fine-tune the stable core and keep the changing rules in the"
                    + " prompt" + because;
            case ITERATIVE_REFINEMENT -> "Prompt now, collect outputs, then fine-tune on a dataset built from them"
                    + because;
            case MULTI_MODEL -> "Fine-tune a model for the core task and let prompted models shape its output"
                    + because;
            case HIERARCHICAL_PROMPTS -> "Fine-tune, then send concise prompts that state only what varies per"
                    + " request" + because;
        };
    }

    private static Recommendation result(Approach approach, HybridPattern pattern, List<FactorAssessment> factors,
            List<Factor> deciding, double coverage, double clarity, String rationale) {
        double confidence = coverage * (0.5 + 0.5 * clamp(clarity));
        confidence = Math.round(clamp(confidence) * 100) / 100.0;
        String named = deciding.isEmpty() ? "" : " (deciding factors: " + joinLabels(deciding) + ")";
        return new Recommendation(approach, pattern, confidence, factors, deciding, rationale + named + ".");
    }

    /** Returns the share of the factors' importance whose facts are known. */
    private static double coverage(List<FactorAssessment> factors) {
        double known = 0;
        double all = 0;
        for (FactorAssessment assessment : factors) {
            all += assessment.factor().importance();
            if (assessment.known()) {
                known += assessment.factor().importance();
            }
        }
        return all == 0 ? 0 : known / all;
    }

    /** How one-sided the votes are: 1 when all lean one way, 0 when they cancel out or there are none. */
    private static double agreement(double forFineTuning, double forPrompting) {
        double total = forFineTuning + forPrompting;
        return total == 0 ? 0 : Math.abs(forFineTuning - forPrompting) / total;
    }

    /** How even the two sides are: 1 when they weigh the same, the case a hybrid answers best. */
    private static double balance(double forFineTuning, double forPrompting) {
        double larger = Math.max(forFineTuning, forPrompting);
        return larger == 0 ? 0 : Math.min(forFineTuning, forPrompting) / larger;
    }

    private static double sum(List<FactorAssessment> factors, Vote vote) {
        return factors.stream().filter(a -> a.vote() == vote).mapToDouble(FactorAssessment::weight).sum();
    }

    private static FactorAssessment find(List<FactorAssessment> factors, Factor factor) {
        return factors.stream().filter(a -> a.factor() == factor).findFirst().orElseThrow();
    }

    private static List<Factor> strongest(List<FactorAssessment> factors, Vote vote, int limit) {
        return factors.stream()
                .filter(a -> a.vote() == vote && a.weight() > 0)
                .sorted(Comparator.comparingDouble(FactorAssessment::weight).reversed())
                .limit(limit)
                .map(FactorAssessment::factor)
                .toList();
    }

    private static FactorAssessment strongestAssessment(List<FactorAssessment> factors, Vote vote) {
        return factors.stream()
                .filter(a -> a.vote() == vote)
                .max(Comparator.comparingDouble(FactorAssessment::weight))
                .orElseThrow();
    }

    private static String joinLabels(List<Factor> factors) {
        return factors.stream().map(Factor::label).collect(java.util.stream.Collectors.joining(", "));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    // Factors: each turns the workload's facts into a vote, a weight and a sentence that quotes them.

    /**
     * Task specificity: {@code task.specialized} when given decides whether the task is specialised, else the
     * domain's known class ({@link Domain#isSpecialised()}); a domain outside the known list, or {@code other},
     * without {@code task.specialized} leans neither way.
     */
    static FactorAssessment taskSpecificity(Workload.Task task) {
        Domain domain = Located.valueOf(task.domain());
        Boolean specialized = Located.valueOf(task.specialized());
        Complexity complexity = Located.valueOf(task.complexity());
        if (domain == null && specialized == null) {
            return unknown(Factor.TASK_SPECIFICITY, "No task.domain is given, so how specialised the task is is unknown.");
        }
        String written = Located.valueOf(task.domainName());
        String name = domain == null ? null : domain != Domain.OTHER || written == null ? domain.id() : written.strip();
        String complexityText = complexity == null ? "" : complexity.id() + "-complexity ";
        String declared = specialized == null ? "" : " (task.specialized: " + specialized + ")";
        String named = specialized != null && Domain.OTHER.id().equals(name) ? null : name;
        String taskText = complexityText + (named == null ? "" : named + " ") + "task";
        if (Boolean.TRUE.equals(specialized) || specialized == null && domain.isSpecialised()) {
            double weight = complexity == Complexity.HIGH ? 1.0 : complexity == Complexity.LOW ? 0.6 : 0.8;
            return new FactorAssessment(Factor.TASK_SPECIFICITY, Vote.FINE_TUNING, weight,
                    article(taskText) + " " + taskText + " is specialised" + declared + ": the model must internalise"
                            + " the domain's terms and reasoning, which training teaches better than instructions.",
                    true);
        }
        if (specialized == null && domain == Domain.OTHER) {
            return new FactorAssessment(Factor.TASK_SPECIFICITY, Vote.NEUTRAL, 0,
                    "The domain is '" + name + "', so its specificity gives no lean either way"
                            + (name.equals(Domain.OTHER.id()) ? "." : "; task.specialized would say whether it"
                                    + " needs internalised expertise."), true);
        }
        if (complexity == Complexity.HIGH) {
            return new FactorAssessment(Factor.TASK_SPECIFICITY, Vote.NEUTRAL, 0,
                    "A " + taskText + declared + " sits inside the model's knowledge but needs careful"
                            + " steering: neither approach wins on specificity.", true);
        }
        return new FactorAssessment(Factor.TASK_SPECIFICITY, Vote.PROMPT_ENGINEERING, 0.6,
                article(taskText) + " " + taskText + declared + " sits inside the model's general knowledge, which"
                        + " instructions can steer.", true);
    }

    /** Returns "An" before a vowel sound's letter, else "A" (for the sentences of task specificity). */
    private static String article(String noun) {
        return !noun.isEmpty() && "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "An" : "A";
    }

    static FactorAssessment requestVolume(Workload.Traffic traffic) {
        Double requests = Located.valueOf(traffic.requestsPerDay());
        if (requests == null) {
            return unknown(Factor.REQUEST_VOLUME, "No traffic.requestsPerDay is given, so the volume is unknown.");
        }
        String figure = Figures.count(requests) + " requests a day";
        if (requests >= HIGH_VOLUME) {
            return new FactorAssessment(Factor.REQUEST_VOLUME, Vote.FINE_TUNING, 1.0,
                    figure + " is high volume: the shorter prompt of a fine-tuned model saves on every request.", true);
        }
        if (requests >= SUBSTANTIAL_VOLUME) {
            return new FactorAssessment(Factor.REQUEST_VOLUME, Vote.FINE_TUNING, 0.6,
                    figure + " is substantial volume: a shorter prompt's saving adds up.", true);
        }
        if (requests >= LOW_VOLUME) {
            return new FactorAssessment(Factor.REQUEST_VOLUME, Vote.NEUTRAL, 0,
                    figure + " is moderate volume: neither approach wins on volume alone.", true);
        }
        return new FactorAssessment(Factor.REQUEST_VOLUME, Vote.PROMPT_ENGINEERING, 0.8,
                figure + " is low volume: there is little training cost to recover.", true);
    }

    static FactorAssessment data(Workload.Data data) {
        Integer examples = Located.valueOf(data.labeledExamples());
        Boolean proprietary = Located.valueOf(data.proprietary());
        if (examples == null) {
            return unknown(Factor.DATA, "No data.labeledExamples is given, so the data to train on is unknown.");
        }
        String figure = Figures.count(examples) + (examples == 1 ? " labelled example" : " labelled examples");
        boolean own = Boolean.TRUE.equals(proprietary);
        String ownText = own ? " of proprietary data" : "";
        if (examples >= LARGE_DATASET) {
            return new FactorAssessment(Factor.DATA, Vote.FINE_TUNING, own ? 1.2 : 1.0,
                    figure + ownText + " are a large dataset to train on"
                            + (own ? ", and knowledge no public model has." : "."), true);
        }
        if (examples >= USABLE_DATASET) {
            return new FactorAssessment(Factor.DATA, Vote.FINE_TUNING, own ? 0.8 : 0.6,
                    figure + ownText + " are enough to fine-tune on.", true);
        }
        if (examples >= TOO_FEW_EXAMPLES) {
            return new FactorAssessment(Factor.DATA, Vote.NEUTRAL, 0,
                    figure + ownText + " are enough to start training but thin for a reliable model.", true);
        }
        return new FactorAssessment(Factor.DATA, Vote.PROMPT_ENGINEERING, 0.8,
                "Only " + figure + ": few-shot prompting works with a handful, fine-tuning needs at least "
                        + TOO_FEW_EXAMPLES + ".", true);
    }

    static FactorAssessment changeRate(Workload.Requirements requirements) {
        ChangeFrequency frequency = Located.valueOf(requirements.changeFrequency());
        Variability variability = Located.valueOf(requirements.variability());
        boolean varied = variability == Variability.VARIED;
        String variedText = varied ? ", and requests are varied" : "";
        if (frequency == null) {
            if (varied) {
                return new FactorAssessment(Factor.CHANGE_RATE, Vote.PROMPT_ENGINEERING, 0.4,
                        "Requests are varied: their edge cases are easier to handle in a prompt.", true);
            }
            return unknown(Factor.CHANGE_RATE, "No requirements.changeFrequency is given, so how long a trained model"
                    + " would stay valid is unknown.");
        }
        if (frequency.isVolatile()) {
            return new FactorAssessment(Factor.CHANGE_RATE, Vote.PROMPT_ENGINEERING, varied ? 1.2 : 1.0,
                    "Requirements change " + frequency.id() + variedText + ": editing a prompt is instant, each"
                            + " retraining is not.", true);
        }
        if (frequency.isStable()) {
            String how = frequency == ChangeFrequency.NEVER ? "Requirements never change"
                    : "Requirements change only " + (frequency == ChangeFrequency.RARELY ? "rarely" : frequency.id());
            return new FactorAssessment(Factor.CHANGE_RATE, Vote.FINE_TUNING, varied ? 0.4 : 0.7,
                    how + variedText + ": a trained model stays valid.", true);
        }
        return new FactorAssessment(Factor.CHANGE_RATE, varied ? Vote.PROMPT_ENGINEERING : Vote.NEUTRAL,
                varied ? 0.3 : 0,
                "Requirements change monthly" + variedText + ": a trained model stays valid for weeks but needs"
                        + " regular retraining.", true);
    }

    static FactorAssessment outputConsistency(Workload.Task task) {
        OutputFormat format = Located.valueOf(task.outputFormat());
        if (format == null) {
            return unknown(Factor.OUTPUT_CONSISTENCY, "No task.outputFormat is given, so how strict the output must"
                    + " be is unknown.");
        }
        String name = format.id().toUpperCase(Locale.ROOT);
        if (format.isStrict()) {
            return new FactorAssessment(Factor.OUTPUT_CONSISTENCY, Vote.FINE_TUNING, 0.6,
                    (format == OutputFormat.LABEL ? "Label" : format == OutputFormat.FUNCTION_CALL ? "Function-call"
                            : name) + " output is parsed downstream: fine-tuning makes"
                            + " the format a habit rather than an instruction.", true);
        }
        if (format.isLoose()) {
            return new FactorAssessment(Factor.OUTPUT_CONSISTENCY, Vote.PROMPT_ENGINEERING, 0.5,
                    capitalise(format.id()) + " output is read by people, who tolerate the variation a prompt"
                            + " leaves.", true);
        }
        String must = format == OutputFormat.CODE ? "Code output must compile"
                : name + " output must " + (format == OutputFormat.HTML ? "render" : "parse");
        return new FactorAssessment(Factor.OUTPUT_CONSISTENCY, Vote.NEUTRAL, 0,
                must + " but varies widely: neither approach wins on consistency.", true);
    }

    static FactorAssessment accuracy(Workload.Task task) {
        Double target = Located.valueOf(task.accuracyTarget());
        Double current = Located.valueOf(task.currentAccuracy());
        if (target == null) {
            return unknown(Factor.ACCURACY, "No task.accuracyTarget is given, so how good the output must be is"
                    + " unknown.");
        }
        if (current != null && current < target) {
            double gap = target - current;
            return new FactorAssessment(Factor.ACCURACY, Vote.FINE_TUNING, gap >= 0.05 ? 1.0 : 0.8,
                    "Prompting reaches " + Figures.percent(current) + " against a target of "
                            + Figures.percent(target) + ": it has plateaued " + Figures.count(Math.round(gap * 1000)
                            / 10.0) + " points short, a gap that training closes better than more instructions.",
                    true);
        }
        if (current != null) {
            return new FactorAssessment(Factor.ACCURACY, Vote.PROMPT_ENGINEERING, 0.6,
                    "Prompting already reaches " + Figures.percent(current) + " against a target of "
                            + Figures.percent(target) + ".", true);
        }
        if (target >= VERY_HIGH_ACCURACY) {
            return new FactorAssessment(Factor.ACCURACY, Vote.FINE_TUNING, 0.5,
                    "A target of " + Figures.percent(target) + " is very high: fine-tuned models hold such"
                            + " thresholds more reliably.", true);
        }
        if (target < FLEXIBLE_ACCURACY) {
            return new FactorAssessment(Factor.ACCURACY, Vote.PROMPT_ENGINEERING, 0.4,
                    "A target of " + Figures.percent(target) + " is flexible: prompting usually reaches it.", true);
        }
        return new FactorAssessment(Factor.ACCURACY, Vote.NEUTRAL, 0,
                "A target of " + Figures.percent(target) + " is demanding but within prompting's reach; give"
                        + " task.currentAccuracy to judge the gap.", true);
    }

    static FactorAssessment teamAndTimeline(Workload.Team team) {
        Level expertise = Located.valueOf(team.mlExpertise());
        Double weeks = Located.valueOf(team.timelineWeeks());
        if (expertise == null && weeks == null) {
            return unknown(Factor.TEAM_AND_TIMELINE, "No team.mlExpertise or team.timelineWeeks is given, so whether"
                    + " the team can train a model in time is unknown.");
        }
        String weeksText = weeks == null ? null
                : Figures.count(weeks) + (weeks == 1 ? " week" : " weeks") + " to production";
        String expertiseText = expertise == null ? null
                : expertise == Level.NONE ? "no ML expertise" : expertise.id() + " ML expertise";
        String facts = weeksText == null ? capitalise(expertiseText)
                : expertiseText == null ? capitalise(weeksText) : capitalise(weeksText) + " with " + expertiseText;
        boolean immediate = weeks != null && weeks < IMMEDIATE_WEEKS;
        boolean noExpertise = expertise == Level.NONE;
        boolean littleExpertise = noExpertise || expertise == Level.LOW;
        if (immediate && littleExpertise) {
            return new FactorAssessment(Factor.TEAM_AND_TIMELINE, Vote.PROMPT_ENGINEERING, TEAM_VETO,
                    facts + ": only prompt engineering can ship in time.", true);
        }
        if (immediate || noExpertise) {
            return new FactorAssessment(Factor.TEAM_AND_TIMELINE, Vote.PROMPT_ENGINEERING, 1.0,
                    facts + ": " + (immediate ? "the need is immediate, and training takes weeks."
                            : "training and evaluating a model would be a new skill to learn."), true);
        }
        if (expertise == Level.LOW) {
            return new FactorAssessment(Factor.TEAM_AND_TIMELINE, Vote.PROMPT_ENGINEERING, 0.4,
                    facts + ": training and evaluating a model would stretch the team.", true);
        }
        if (expertise != null && (weeks == null || weeks >= TRAINING_WEEKS)) {
            return new FactorAssessment(Factor.TEAM_AND_TIMELINE, Vote.FINE_TUNING, 0.6,
                    facts + ": the team can collect data and train a model.", true);
        }
        return new FactorAssessment(Factor.TEAM_AND_TIMELINE, Vote.NEUTRAL, 0,
                facts + ": neither approach wins on the team and timeline.", true);
    }

    static FactorAssessment costAtScale(CostOutlook cost) {
        if (cost == null) {
            return unknown(Factor.COST_AT_SCALE, "The cost of a fine-tuned alternative is unknown, so cost at scale"
                    + " gives no lean.");
        }
        double saving = cost.monthlySavingUsd();
        String comparison = "A fine-tuned model would cost " + Figures.usd(cost.fineTunedMonthlyUsd(), cost.estimated())
                + " a month against " + Figures.usd(cost.promptOnlyMonthlyUsd(), cost.estimated()) + " prompt-only";
        String training = Figures.training(cost.trainingCostUsd(), cost.estimated(), cost.trainingPriceUnconfirmed());
        if (saving <= 0) {
            return new FactorAssessment(Factor.COST_AT_SCALE, Vote.PROMPT_ENGINEERING, 0.8,
                    comparison + ": nothing would pay back " + training + ".", true);
        }
        Double days = cost.breakEvenDays();
        String payback = days == null ? "" : ", paying back " + training + " in " + Figures.days(days);
        if (days != null && days <= QUICK_BREAK_EVEN_DAYS) {
            return new FactorAssessment(Factor.COST_AT_SCALE, Vote.FINE_TUNING, 1.0,
                    comparison + payback + ".", true);
        }
        if (days != null && days <= SLOW_BREAK_EVEN_DAYS) {
            return new FactorAssessment(Factor.COST_AT_SCALE, Vote.FINE_TUNING, 0.4,
                    comparison + payback + ": a slow but real return.", true);
        }
        return new FactorAssessment(Factor.COST_AT_SCALE, Vote.NEUTRAL, 0,
                comparison + (days == null ? "" : payback) + ": the saving takes more than a year to repay"
                        + " training.", true);
    }

    private static FactorAssessment unknown(Factor factor, String reason) {
        return new FactorAssessment(factor, Vote.NEUTRAL, 0, reason, false);
    }

    private static String capitalise(String text) {
        return text == null || text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
