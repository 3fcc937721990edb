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
 * threshold, the order of the decision's steps and the confidence formula are in docs/decision-framework.md; keep
 * the two in step.
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
    /** A gap below the accuracy target from which prompting has clearly plateaued (5 points). */
    public static final double WIDE_ACCURACY_GAP = 0.05;
    /**
     * How far apart two accuracies may be and still count as equal: far below any difference a team measures, far
     * above floating-point rounding, so that 0.97 − 0.92 counts as the 5 points it is.
     */
    public static final double ACCURACY_TOLERANCE = 1e-9;
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
    /** How much fine-tuning's weight must exceed prompting's before training is recommended, alone or in a hybrid. */
    public static final double FINE_TUNING_MARGIN = 1.0;
    /** The weight on the prompt engineering side that, beside a case for training, makes a hybrid. */
    public static final double COUNTERWEIGHT = 1.0;
    /** A change-rate or team vote for prompting of this weight or more rules training out for now. */
    public static final double BLOCKING_WEIGHT = 1.0;
    /** The team vote that rules training out whatever else favours it: an immediate need and little expertise. */
    public static final double TEAM_VETO = 1.2;

    private DecisionEngine() {}

    /**
     * Returns the recommendation for a workload. {@code cost} is the cost model's outlook, or {@code null} when it is
     * unknown, for example when there is no fine-tunable base model (the cost factor then votes neutral, request
     * volume says it is unpriced, and confidence falls). Deterministic: the same facts always give the same
     * recommendation, reasons and confidence.
     */
    public static Recommendation recommend(Workload workload, CostOutlook cost) {
        FactorAssessment costAtScale = costAtScale(cost);
        List<FactorAssessment> factors = List.of(
                taskSpecificity(workload.task()),
                requestVolume(workload.traffic(), cost, costAtScale),
                data(workload.data()),
                changeRate(workload.requirements()),
                outputConsistency(workload.task()),
                accuracy(workload.task()),
                teamAndTimeline(workload.team()),
                costAtScale);
        return decide(factors);
    }

    // Decision: the steps of docs/decision-framework.md, "The decision", in their order.

    private static Recommendation decide(List<FactorAssessment> factors) {
        double forFineTuning = sum(factors, Vote.FINE_TUNING);
        double forPrompting = sum(factors, Vote.PROMPT_ENGINEERING);

        // 1. Veto: an immediate need and little expertise.
        FactorAssessment team = find(factors, Factor.TEAM_AND_TIMELINE);
        if (team.vote() == Vote.PROMPT_ENGINEERING && team.weight() >= TEAM_VETO) {
            return result(Approach.PROMPT_ENGINEERING, null, factors, List.of(Factor.TEAM_AND_TIMELINE),
                    "The team can ship only prompts in time; fine-tuning can follow once it has data and time");
        }

        // Training is recommended (alone or in a hybrid) only when fine-tuning clearly outweighs prompting and the
        // cost or accuracy figures support it.
        FactorAssessment support = support(factors);
        boolean trainingWins = forFineTuning >= FINE_TUNING_EVIDENCE
                && forFineTuning - forPrompting >= FINE_TUNING_MARGIN - 1e-9;
        boolean train = trainingWins && support != null;

        // 2. Blockers, in order: too little data, then change rate, then team.
        FactorAssessment blocker = blocker(factors);
        if (blocker != null) {
            if (train) {
                HybridPattern pattern = blocker.factor() == Factor.CHANGE_RATE
                        ? HybridPattern.FOUNDATION_PLUS_SPECIALIZATION : HybridPattern.ITERATIVE_REFINEMENT;
                return result(Approach.HYBRID, pattern, factors, hybridDeciding(factors, blocker, support),
                        describePattern(pattern, blocker.factor()));
            }
            List<Factor> deciding = new ArrayList<>(List.of(blocker.factor()));
            strongest(factors, Vote.PROMPT_ENGINEERING, 3).stream()
                    .filter(f -> f != blocker.factor()).limit(2).forEach(deciding::add);
            return result(Approach.PROMPT_ENGINEERING, null, factors, deciding,
                    "Prompting fits, and " + blocker.factor().label() + " rules training out for now");
        }

        // 3. Training wins: a hybrid when prompting has a strong reason of its own, else fine-tuning.
        if (train) {
            FactorAssessment counter = counter(factors);
            if (forPrompting >= COUNTERWEIGHT - 1e-9 && counter != null) {
                HybridPattern pattern = patternAgainst(counter.factor());
                return result(Approach.HYBRID, pattern, factors, hybridDeciding(factors, counter, support),
                        describePattern(pattern, counter.factor()));
            }
            List<Factor> deciding = new ArrayList<>(strongest(factors, Vote.FINE_TUNING, 3));
            if (!deciding.contains(support.factor())) {
                deciding.set(deciding.size() - 1, support.factor());
            }
            return result(Approach.FINE_TUNING, null, factors, deciding,
                    "The facts favour training a model for this task, and " + support.factor().label()
                            + " shows it " + (support.factor() == Factor.COST_AT_SCALE ? "pays back quickly"
                                    : "is needed"));
        }

        // 4. Otherwise prompting: the cheaper, reversible start.
        List<Factor> deciding = new ArrayList<>(strongest(factors, Vote.PROMPT_ENGINEERING, 3));
        String rationale;
        if (trainingWins) {
            FactorAssessment cost = find(factors, Factor.COST_AT_SCALE);
            if (cost.known() && !deciding.contains(Factor.COST_AT_SCALE)) {
                if (deciding.size() == 3) {
                    deciding.remove(2);
                }
                deciding.add(Factor.COST_AT_SCALE);
            }
            rationale = "More favours fine-tuning than prompting, but neither the cost figures (a break-even within "
                    + Figures.count(QUICK_BREAK_EVEN_DAYS) + " days) nor the accuracy figures show that training pays"
                    + " or is needed; prompting is the cheaper, reversible start";
        } else if (forFineTuning > forPrompting) {
            rationale = "Fine-tuning leads prompting " + Figures.count(forFineTuning) + " to "
                    + Figures.count(forPrompting) + ", too little to pay for training; prompting is the cheaper,"
                    + " reversible start";
        } else {
            rationale = deciding.isEmpty()
                    ? "Too little favours fine-tuning to pay for training; prompting is the cheaper, reversible start"
                    : "The facts favour prompting";
        }
        return result(Approach.PROMPT_ENGINEERING, null, factors, deciding, rationale);
    }

    /**
     * Returns the factor whose figures support training: cost at scale when fine-tuning saves and pays its training
     * back within {@value #QUICK_BREAK_EVEN_DAYS} days, else accuracy when it votes for fine-tuning (a plateau below
     * the target, or a very high target), else {@code null}. A slower return (within a year) still counts as a vote,
     * but not as support: a low-volume workload starts with prompts.
     */
    private static FactorAssessment support(List<FactorAssessment> factors) {
        FactorAssessment cost = find(factors, Factor.COST_AT_SCALE);
        if (cost.vote() == Vote.FINE_TUNING && cost.weight() >= 1.0) {
            return cost;
        }
        FactorAssessment accuracy = find(factors, Factor.ACCURACY);
        return accuracy.vote() == Vote.FINE_TUNING ? accuracy : null;
    }

    /**
     * Returns the first factor, in the documented order, that rules training out for now: too few examples, then
     * changes every two weeks or more often, then no time or no expertise; {@code null} when none does. Too little
     * data comes first, so that a workload with too few examples is told to prompt first and collect them
     * (iterative-refinement), as {@code insufficient-training-data} says, whatever its change rate.
     */
    private static FactorAssessment blocker(List<FactorAssessment> factors) {
        FactorAssessment data = find(factors, Factor.DATA);
        if (data.vote() == Vote.PROMPT_ENGINEERING) {
            return data;
        }
        FactorAssessment change = find(factors, Factor.CHANGE_RATE);
        if (change.vote() == Vote.PROMPT_ENGINEERING && change.weight() >= BLOCKING_WEIGHT) {
            return change;
        }
        FactorAssessment team = find(factors, Factor.TEAM_AND_TIMELINE);
        if (team.vote() == Vote.PROMPT_ENGINEERING && team.weight() >= BLOCKING_WEIGHT) {
            return team;
        }
        return null;
    }

    /**
     * Returns the strongest vote for prompting that a hybrid pattern answers, or {@code null} when there is none.
     * Cost at scale never names a hybrid: when it votes for prompting, fine-tuning costs more, and no pattern
     * recovers that.
     */
    private static FactorAssessment counter(List<FactorAssessment> factors) {
        return factors.stream()
                .filter(a -> a.vote() == Vote.PROMPT_ENGINEERING && a.weight() > 0
                        && a.factor() != Factor.COST_AT_SCALE)
                .max(Comparator.comparingDouble(FactorAssessment::weight)
                        .thenComparing(a -> -a.factor().ordinal()))
                .orElse(null);
    }

    /** Returns a hybrid's deciding factors: the reason to keep prompting, the supporting figures, the next vote for training. */
    private static List<Factor> hybridDeciding(List<FactorAssessment> factors, FactorAssessment prompting,
            FactorAssessment support) {
        List<Factor> deciding = new ArrayList<>(List.of(prompting.factor(), support.factor()));
        strongest(factors, Vote.FINE_TUNING, 3).stream()
                .filter(f -> f != support.factor()).limit(1).forEach(deciding::add);
        return deciding;
    }

    /** Returns the hybrid pattern that answers the strongest factor against training. */
    private static HybridPattern patternAgainst(Factor counter) {
        return switch (counter) {
            case CHANGE_RATE -> HybridPattern.FOUNDATION_PLUS_SPECIALIZATION;
            case DATA, TEAM_AND_TIMELINE, REQUEST_VOLUME -> HybridPattern.ITERATIVE_REFINEMENT;
            case OUTPUT_CONSISTENCY -> HybridPattern.MULTI_MODEL;
            case TASK_SPECIFICITY, ACCURACY -> HybridPattern.HIERARCHICAL_PROMPTS;
            case COST_AT_SCALE -> throw new IllegalArgumentException("cost at scale names no hybrid pattern");
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
            List<Factor> deciding, String rationale) {
        String named = deciding.isEmpty() ? "" : " (deciding factors: " + joinLabels(deciding) + ")";
        return new Recommendation(approach, pattern, confidence(approach, factors), factors, deciding,
                rationale + named + ".");
    }

    /**
     * Returns the confidence of recommending {@code approach}: coverage × margin, rounded to two decimals. The
     * margin is how far the recommended side's weight leads the other's, as a share of both:
     * max(0, S − R) / (S + R), where S is the weight for prompting when prompting is recommended and the weight for
     * fine-tuning when training is (fine-tuning or a hybrid), and R is the other side's; 0 when nobody votes. So the
     * confidence is 0 whenever the votes do not lean towards the recommendation, and reaches the coverage only
     * when every vote does.
     */
    static double confidence(Approach approach, List<FactorAssessment> factors) {
        double forFineTuning = sum(factors, Vote.FINE_TUNING);
        double forPrompting = sum(factors, Vote.PROMPT_ENGINEERING);
        double recommended = approach == Approach.PROMPT_ENGINEERING ? forPrompting : forFineTuning;
        double other = approach == Approach.PROMPT_ENGINEERING ? forFineTuning : forPrompting;
        double margin = recommended + other == 0 ? 0 : Math.max(0, recommended - other) / (recommended + other);
        return Math.round(clamp(coverage(factors) * margin) * 100) / 100.0;
    }

    /** Returns the share of the factors' importance whose facts are known. */
    static double coverage(List<FactorAssessment> factors) {
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

    private static double sum(List<FactorAssessment> factors, Vote vote) {
        return factors.stream().filter(a -> a.vote() == vote).mapToDouble(FactorAssessment::weight).sum();
    }

    private static FactorAssessment find(List<FactorAssessment> factors, Factor factor) {
        return factors.stream().filter(a -> a.factor() == factor).findFirst().orElseThrow();
    }

    /** Returns the factors voting {@code vote}, strongest first, ties in {@link Factor} order. */
    private static List<Factor> strongest(List<FactorAssessment> factors, Vote vote, int limit) {
        return factors.stream()
                .filter(a -> a.vote() == vote && a.weight() > 0)
                .sorted(Comparator.comparingDouble(FactorAssessment::weight).reversed())
                .limit(limit)
                .map(FactorAssessment::factor)
                .toList();
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

    /**
     * Request volume votes through the cost figures when there are any, so that it never contradicts cost at scale:
     * it leans towards fine-tuning (1.0 from {@value #HIGH_VOLUME} requests a day, 0.6 from
     * {@value #SUBSTANTIAL_VOLUME}) only when cost at scale does, and towards prompting (0.8 below
     * {@value #LOW_VOLUME}) only when cost at scale does not lean towards fine-tuning. Without a cost outlook it
     * votes on the request count alone and says that the saving is unpriced.
     */
    static FactorAssessment requestVolume(Workload.Traffic traffic, CostOutlook cost, FactorAssessment costAtScale) {
        Double requests = Located.valueOf(traffic.requestsPerDay());
        if (requests == null) {
            return unknown(Factor.REQUEST_VOLUME, "No traffic.requestsPerDay is given, so the volume is unknown.");
        }
        String figure = Figures.count(requests) + " requests a day";
        String tier = requests >= HIGH_VOLUME ? "high" : requests >= SUBSTANTIAL_VOLUME ? "substantial"
                : requests >= LOW_VOLUME ? "moderate" : "low";
        double weightForTraining = requests >= HIGH_VOLUME ? 1.0 : requests >= SUBSTANTIAL_VOLUME ? 0.6 : 0;
        if (cost == null) {
            String unpriced = " (unpriced: there are no figures for a fine-tuned alternative)";
            if (weightForTraining > 0) {
                return new FactorAssessment(Factor.REQUEST_VOLUME, Vote.FINE_TUNING, weightForTraining,
                        figure + " is " + tier + " volume, where a shorter prompt's saving adds up" + unpriced + ".",
                        true);
            }
            if (requests >= LOW_VOLUME) {
                return new FactorAssessment(Factor.REQUEST_VOLUME, Vote.NEUTRAL, 0,
                        figure + " is moderate volume: neither approach wins on volume alone" + unpriced + ".", true);
            }
            return new FactorAssessment(Factor.REQUEST_VOLUME, Vote.PROMPT_ENGINEERING, 0.8,
                    figure + " is low volume: there is little training cost to recover" + unpriced + ".", true);
        }
        String saving = "a fine-tuned model saves " + monthly(cost, cost.savingFromPromptUsd())
                + " a month" + (cost.savingFromModelUsd() != 0 ? " from its shorter prompt" : "");
        if (costAtScale.vote() == Vote.FINE_TUNING) {
            if (weightForTraining > 0) {
                return new FactorAssessment(Factor.REQUEST_VOLUME, Vote.FINE_TUNING, weightForTraining,
                        figure + " is " + tier + " volume: at it " + saving + " (see cost at scale).", true);
            }
            return new FactorAssessment(Factor.REQUEST_VOLUME, Vote.NEUTRAL, 0,
                    figure + " is " + tier + " volume, yet at it " + saving + ": cost at scale weighs that.", true);
        }
        String noReturn = cost.savingFromPromptUsd() <= 0
                ? "a fine-tuned model costs " + monthly(cost, -cost.savingFromPromptUsd())
                        + " a month more than its base model without training"
                : "training takes more than a year to pay back";
        if (requests < LOW_VOLUME) {
            return new FactorAssessment(Factor.REQUEST_VOLUME, Vote.PROMPT_ENGINEERING, 0.8,
                    figure + " is low volume: at it " + noReturn + ", so there is no training cost to recover.",
                    true);
        }
        return new FactorAssessment(Factor.REQUEST_VOLUME, Vote.NEUTRAL, 0,
                figure + " is " + tier + " volume, but at it " + noReturn + ": volume gives no lean towards"
                        + " fine-tuning.", true);
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

    /**
     * Accuracy compares fractions with {@link #ACCURACY_TOLERANCE}, so that floating-point rounding never moves a
     * workload across a threshold: the gap is measured in points rounded to a tenth, the figure its reason quotes.
     */
    static FactorAssessment accuracy(Workload.Task task) {
        Double target = Located.valueOf(task.accuracyTarget());
        Double current = Located.valueOf(task.currentAccuracy());
        if (target == null) {
            return unknown(Factor.ACCURACY, "No task.accuracyTarget is given, so how good the output must be is"
                    + " unknown.");
        }
        if (current != null && current < target - ACCURACY_TOLERANCE) {
            double points = Math.round((target - current) * 1000) / 10.0;
            boolean wide = points >= WIDE_ACCURACY_GAP * 100 - ACCURACY_TOLERANCE;
            return new FactorAssessment(Factor.ACCURACY, Vote.FINE_TUNING, wide ? 1.0 : 0.8,
                    "Prompting reaches " + Figures.percent(current) + " against a target of "
                            + Figures.percent(target) + ": it has plateaued " + Figures.count(points)
                            + (points == 1 ? " point" : " points") + " short, a gap that training closes better than"
                            + " more instructions.",
                    true);
        }
        if (current != null) {
            return new FactorAssessment(Factor.ACCURACY, Vote.PROMPT_ENGINEERING, 0.6,
                    "Prompting already reaches " + Figures.percent(current) + " against a target of "
                            + Figures.percent(target) + ".", true);
        }
        if (target >= VERY_HIGH_ACCURACY - ACCURACY_TOLERANCE) {
            return new FactorAssessment(Factor.ACCURACY, Vote.FINE_TUNING, 0.5,
                    "A target of " + Figures.percent(target) + " is very high: fine-tuned models hold such"
                            + " thresholds more reliably.", true);
        }
        if (target < FLEXIBLE_ACCURACY - ACCURACY_TOLERANCE) {
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
        boolean beforeTraining = weeks != null && weeks < TRAINING_WEEKS;
        if (immediate || noExpertise || littleExpertise && beforeTraining) {
            return new FactorAssessment(Factor.TEAM_AND_TIMELINE, Vote.PROMPT_ENGINEERING, BLOCKING_WEIGHT,
                    facts + ": " + (immediate ? "the need is immediate, and training takes weeks."
                            : noExpertise ? "training and evaluating a model would be a new skill to learn, so"
                                    + " start with prompts."
                            : "too little time for a team new to training to collect data and train, so start"
                                    + " with prompts."), true);
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

    /**
     * Cost at scale votes from the cost model's outlook: for fine-tuning when it saves and pays its training back
     * within a year, for prompting when it costs as much or more. Without an outlook (the model or traffic cannot be
     * priced, or there is no fine-tunable base model) it is unknown and neutral. Its reason quotes the outlook's
     * figures as the JSON output gives them: {@code fineTuned.monthlyCostUsd}, {@code monthlyCostUsd},
     * {@code fineTuned.trainingCostUsd} and {@code fineTuned.breakEvenDays}.
     */
    static FactorAssessment costAtScale(CostOutlook cost) {
        if (cost == null) {
            return unknown(Factor.COST_AT_SCALE, "There is no priced fine-tuned alternative (the model or the traffic"
                    + " cannot be priced, or no base model can be fine-tuned), so cost at scale gives no lean.");
        }
        // Only the shorter prompt's saving is fine-tuning's: a cheaper base model is a model switch, with a figure
        // of its own, and never a reason to train.
        double saving = cost.savingFromPromptUsd();
        boolean switches = cost.baseModelId() != null && cost.savingFromModelUsd() != 0;
        String comparison = switches
                ? "A fine-tuned " + cost.baseModelId() + " would cost " + monthly(cost, cost.fineTunedMonthlyUsd()) + " a month against " + Figures.usd(cost.modelSwitchMonthlyUsd(),
                        cost.estimated()) + " for the prompt as written on " + cost.baseModelId()
                        + " without training (a model switch; " + Figures.usd(cost.promptOnlyMonthlyUsd(),
                        cost.estimated()) + " on the current model)"
                : "A fine-tuned model would cost " + monthly(cost, cost.fineTunedMonthlyUsd())
                        + " a month against " + Figures.usd(cost.promptOnlyMonthlyUsd(), cost.estimated())
                        + " prompt-only";
        String training = Figures.training(cost.trainingCostUsd(), cost.estimated(), cost.trainingPriceUnconfirmed());
        if (saving <= 0) {
            return new FactorAssessment(Factor.COST_AT_SCALE, Vote.PROMPT_ENGINEERING, 0.8,
                    comparison + ": fine-tuning costs more, and nothing would pay back " + training + ".", true);
        }
        Double days = cost.breakEvenDays();
        if (days == null) {
            return new FactorAssessment(Factor.COST_AT_SCALE, Vote.NEUTRAL, 0,
                    comparison + ", but when " + training + " would be paid back is unknown.", true);
        }
        String payback = ", paying back " + training + " in " + Figures.days(days);
        if (days <= QUICK_BREAK_EVEN_DAYS) {
            return new FactorAssessment(Factor.COST_AT_SCALE, Vote.FINE_TUNING, 1.0, comparison + payback + ".",
                    true);
        }
        if (days <= SLOW_BREAK_EVEN_DAYS) {
            return new FactorAssessment(Factor.COST_AT_SCALE, Vote.FINE_TUNING, 0.4,
                    comparison + payback + ": a slow but real return.", true);
        }
        return new FactorAssessment(Factor.COST_AT_SCALE, Vote.NEUTRAL, 0,
                comparison + payback + ": more than a year to repay training.", true);
    }

    private static FactorAssessment unknown(Factor factor, String reason) {
        return new FactorAssessment(factor, Vote.NEUTRAL, 0, reason, false);
    }

    private static String capitalise(String text) {
        return text == null || text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /**
     * Returns a monthly figure built on the fine-tuned cost (the cost itself or a saving against it), flagged when it
     * includes retraining at an unconfirmed training price, as the cost model requires of every such figure.
     */
    private static String monthly(CostOutlook cost, double value) {
        return Figures.flagged(Figures.usd(value, cost.estimated()), cost.retrainingUnconfirmed());
    }
}
