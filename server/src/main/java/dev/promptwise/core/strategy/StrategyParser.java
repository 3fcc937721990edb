package dev.promptwise.core.strategy;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlProblem;
import dev.promptwise.core.yaml.YamlReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a strategy file into a {@link StrategyFile}: the facts each workload declares, each with its key and value
 * ranges. It reads only the keys it knows, where they belong, and never throws: a missing or ill-typed fact is
 * {@code null}, and {@link StrategySchema} says what is wrong with the text.
 */
public final class StrategyParser {

    /**
     * The longest strategy file read, in UTF-16 units: the YAML reader's own limit, about 10,000 workloads of a
     * hundred characters. Composing a megabyte takes about 0.2 s on a warm JVM and 1 s on a cold one (a single
     * megabyte-long scalar alike); larger files are refused before parsing.
     */
    public static final int MAX_CHARS = YamlReader.MAX_CODE_POINTS;

    private StrategyParser() {}

    /**
     * Parses the text of a strategy file; an empty, broken or oversized file gives a strategy with no workloads and
     * the problem in {@code yaml().problems()}.
     */
    public static StrategyFile parse(String text) {
        if (text.length() > MAX_CHARS) {
            int firstLineEnd = text.indexOf('\n');
            TextRange firstLine = new TextRange(0, firstLineEnd < 0 ? Math.min(text.length(), 200) : firstLineEnd);
            YamlProblem tooLarge = new YamlProblem(YamlProblem.Kind.LIMIT, firstLine, String.format(Locale.ROOT,
                    "Strategy file refused: %,d characters, more than the %,d a strategy file may have",
                    text.length(), MAX_CHARS));
            return fromYaml(text, new YamlDocument(null, List.of(tooLarge)));
        }
        return fromYaml(text, YamlReader.read(text));
    }

    /**
     * Parses the text of a strategy file that {@code previous} is an earlier version of: when the edit between them
     * stays inside one workload, only that workload's lines are read again and the rest of the tree is reused
     * (shifted by the edit's length); otherwise, and when {@code previous} is {@code null}, the whole text is parsed.
     * The result always equals {@link #parse(String) parse(text)}.
     */
    public static StrategyFile parse(StrategyFile previous, String text) {
        return parse(previous, text, new StrategyMemo());
    }

    /** Parses as {@link #parse(StrategyFile, String)} does, with what {@code memo} (the host's) remembers. */
    static StrategyFile parse(StrategyFile previous, String text, StrategyMemo memo) {
        if (previous != null) {
            StrategyFile reparsed = StrategyReparse.tryReparse(previous, text, memo);
            if (reparsed != null) {
                return reparsed;
            }
        }
        return parse(text);
    }

    /** Builds the strategy model from YAML already read from {@code text}. */
    public static StrategyFile fromYaml(String text, YamlDocument yaml) {
        return fromYaml(text, yaml, entry -> null);
    }

    /**
     * Builds the strategy model from YAML already read from {@code text}, taking the workload {@code known} gives
     * for a workload entry (one built before from the same entry) instead of building it again; {@code null} builds it.
     */
    static StrategyFile fromYaml(String text, YamlDocument yaml, Function<YamlNode.Entry, Workload> known) {
        YamlNode.Mapping root = yaml.rootMapping();
        if (root == null) {
            return new StrategyFile(text, yaml, null, StrategyFile.Defaults.ABSENT, Map.of(), Map.of());
        }
        Map<String, ModelEntry> models = new LinkedHashMap<>();
        YamlNode.Mapping modelsNode = root.mapping("models");
        if (modelsNode != null) {
            for (YamlNode.Entry entry : modelsNode.entries()) {
                models.putIfAbsent(entry.key().value(), model(entry));
            }
        }
        Map<String, Workload> workloads = new LinkedHashMap<>();
        YamlNode.Mapping workloadsNode = root.mapping("workloads");
        if (workloadsNode != null) {
            for (YamlNode.Entry entry : workloadsNode.entries()) {
                if (!workloads.containsKey(entry.key().value())) {
                    Workload built = known.apply(entry);
                    workloads.put(entry.key().value(), built != null ? built : workload(entry));
                }
            }
        }
        return new StrategyFile(text, yaml, number(root, "version"), defaults(root.entry("defaults")), models, workloads);
    }

    private static StrategyFile.Defaults defaults(YamlNode.Entry entry) {
        if (entry == null) {
            return StrategyFile.Defaults.ABSENT;
        }
        YamlNode.Mapping mapping = asMapping(entry);
        return new StrategyFile.Defaults(entry.key().range(), text(mapping, "model"), budget(mapping.entry("budget")));
    }

    private static Budget budget(YamlNode.Entry entry) {
        if (entry == null) {
            return Budget.ABSENT;
        }
        YamlNode.Mapping mapping = asMapping(entry);
        return new Budget(entry.key().range(), number(mapping, "maxPromptTokens"), number(mapping, "maxMonthlyCost"));
    }

    private static ModelEntry model(YamlNode.Entry entry) {
        YamlNode.Mapping mapping = asMapping(entry);
        YamlNode.Entry fineTuningEntry = mapping.entry("fineTuning");
        ModelEntry.FineTuningPrices fineTuning = ModelEntry.FineTuningPrices.ABSENT;
        if (fineTuningEntry != null) {
            YamlNode.Mapping prices = asMapping(fineTuningEntry);
            fineTuning = new ModelEntry.FineTuningPrices(fineTuningEntry.key().range(), number(prices, "training"),
                    number(prices, "input"), number(prices, "cachedInput"), number(prices, "output"));
        }
        return new ModelEntry(entry.key().value(), entry.key().range(), text(mapping, "provider"),
                number(mapping, "input"), number(mapping, "cachedInput"), number(mapping, "cacheWrite"),
                number(mapping, "output"), number(mapping, "contextWindow"), number(mapping, "maxOutput"),
                text(mapping, "encoding"), fineTuning, text(mapping, "tokenizer"));
    }

    private static Workload workload(YamlNode.Entry entry) {
        YamlNode.Mapping mapping = asMapping(entry);

        YamlNode.Entry trafficEntry = mapping.entry("traffic");
        Workload.Traffic traffic = Workload.Traffic.ABSENT;
        if (trafficEntry != null) {
            YamlNode.Mapping section = asMapping(trafficEntry);
            traffic = new Workload.Traffic(trafficEntry.key().range(), number(section, "requestsPerDay"),
                    number(section, "avgInputTokens"), number(section, "avgOutputTokens"),
                    number(section, "avgReasoningTokens"));
        }
        YamlNode.Entry taskEntry = mapping.entry("task");
        Workload.Task task = Workload.Task.ABSENT;
        if (taskEntry != null) {
            YamlNode.Mapping section = asMapping(taskEntry);
            task = new Workload.Task(taskEntry.key().range(), choice(section, "domain", Domain::read),
                    text(section, "domain"), choice(section, "complexity", Complexity::fromId),
                    choice(section, "outputFormat", OutputFormat::fromId),
                    accuracy(section, "accuracyTarget"), accuracy(section, "currentAccuracy"),
                    bool(section, "specialized"));
        }
        YamlNode.Entry requirementsEntry = mapping.entry("requirements");
        Workload.Requirements requirements = Workload.Requirements.ABSENT;
        if (requirementsEntry != null) {
            YamlNode.Mapping section = asMapping(requirementsEntry);
            requirements = new Workload.Requirements(requirementsEntry.key().range(),
                    choice(section, "changeFrequency", ChangeFrequency::fromId),
                    choice(section, "variability", Variability::fromId));
        }
        YamlNode.Entry dataEntry = mapping.entry("data");
        Workload.Data data = Workload.Data.ABSENT;
        if (dataEntry != null) {
            YamlNode.Mapping section = asMapping(dataEntry);
            data = new Workload.Data(dataEntry.key().range(), integer(section, "labeledExamples"),
                    bool(section, "proprietary"), number(section, "avgExampleTokens"));
        }
        YamlNode.Entry teamEntry = mapping.entry("team");
        Workload.Team team = Workload.Team.ABSENT;
        if (teamEntry != null) {
            YamlNode.Mapping section = asMapping(teamEntry);
            team = new Workload.Team(teamEntry.key().range(), choice(section, "mlExpertise", Level::fromId),
                    number(section, "timelineWeeks"));
        }
        YamlNode.Entry fineTuningEntry = mapping.entry("fineTuning");
        Workload.FineTuning fineTuning = Workload.FineTuning.ABSENT;
        if (fineTuningEntry != null) {
            YamlNode.Mapping section = asMapping(fineTuningEntry);
            fineTuning = new Workload.FineTuning(fineTuningEntry.key().range(), text(section, "baseModel"),
                    text(section, "dataset"), integer(section, "epochs"),
                    choice(section, "pattern", HybridPattern::fromId));
        }
        return new Workload(entry.key().value(), entry.key().range(), entry.range(), text(mapping, "prompt"),
                text(mapping, "model"), choice(mapping, "approach", Approach::fromId), traffic, task, requirements,
                data, team, fineTuning, budget(mapping.entry("budget")));
    }

    /** Returns the entry's value as a mapping; a value of another kind reads as an empty mapping. */
    private static YamlNode.Mapping asMapping(YamlNode.Entry entry) {
        return entry.value() instanceof YamlNode.Mapping mapping
                ? mapping : new YamlNode.Mapping(List.of(), entry.value().range());
    }

    private static Located<String> text(YamlNode.Mapping mapping, String key) {
        return located(mapping, key, scalar -> scalar.value().isBlank() ? null : scalar.value());
    }

    private static <E> Located<E> choice(YamlNode.Mapping mapping, String key, Function<String, E> fromId) {
        return located(mapping, key, scalar -> fromId.apply(scalar.value()));
    }

    /** Reads a number as {@link Spellings#number} does: {@code 10_000}, {@code 10k} and {@code 1.5M} are numbers. */
    private static Located<Double> number(YamlNode.Mapping mapping, String key) {
        return located(mapping, key, scalar -> (Double) Spellings.number(scalar.value(), isNumber(scalar)).value());
    }

    /** Reads an accuracy as {@link Spellings#accuracy} does: 0.95, 95 and "95%" are 0.95. */
    private static Located<Double> accuracy(YamlNode.Mapping mapping, String key) {
        return located(mapping, key, scalar -> (Double) Spellings.accuracy(scalar.value(), isNumber(scalar)).value());
    }

    private static boolean isNumber(YamlNode.Scalar scalar) {
        return "int".equals(scalar.tag()) || "float".equals(scalar.tag());
    }

    private static Located<Integer> integer(YamlNode.Mapping mapping, String key) {
        Located<Double> number = number(mapping, key);
        if (number == null) {
            return null;
        }
        Double value = number.value();
        Integer whole = value == null || value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE
                ? null : (int) (double) value;
        return new Located<>(whole, number.keyRange(), number.valueRange());
    }

    private static Located<Boolean> bool(YamlNode.Mapping mapping, String key) {
        return located(mapping, key, scalar -> "bool".equals(scalar.tag())
                ? Boolean.valueOf(scalar.value().strip().toLowerCase(java.util.Locale.ROOT).matches("true|yes|on|y"))
                : null);
    }

    /**
     * Returns the fact under {@code key}, with its ranges; {@code null} when the key is absent. A value that is not
     * a scalar, is null, or that {@code read} rejects gives a {@link Located} whose value is {@code null}.
     */
    private static <T> Located<T> located(YamlNode.Mapping mapping, String key, Function<YamlNode.Scalar, T> read) {
        YamlNode.Entry entry = mapping.entry(key);
        if (entry == null) {
            return null;
        }
        TextRange keyRange = entry.key().range();
        T value = entry.value() instanceof YamlNode.Scalar scalar && !scalar.isNull() ? read.apply(scalar) : null;
        return new Located<>(value, keyRange, entry.value().range());
    }
}
