package dev.promptwise.core.strategy;

import dev.promptwise.core.config.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a strategy file reads what people write: the one table of accepted spellings, shared by the parser (which
 * builds the model from them) and the schema check (which reports how they were read). Enumerations are compared
 * ignoring case, spaces, hyphens and underscores, and accept the synonyms below; numbers may carry digit groups
 * ({@code 10_000}, {@code 10,000}) and a suffix ({@code 10k}, {@code 1.5M}); accuracies may be written as a
 * fraction ({@code 0.95}), a percentage ({@code 95}) or a percent string ({@code "95%"}). Only what cannot be
 * understood is an error; a domain outside the known list is a warning (domains are open); a reading that
 * interprets what was written (a synonym, a suffix, a percentage) gives a hint that names the value read, with a
 * quick fix that writes it. Documented in {@code docs/rules/strategy-schema.md}.
 */
public final class Spellings {

    private Spellings() {}

    /** The accepted spellings of one enumeration: its ids in order, and synonyms (squashed) to the id they mean. */
    public static final class Vocabulary {
        private final String noun;
        private final List<String> ids;
        private final Map<String, String> synonyms;
        private final boolean open;
        /** Every squashed spelling, ids and synonyms, to its id. */
        private final Map<String, String> lookup;

        Vocabulary(String noun, List<String> ids, Map<String, String> synonyms, boolean open) {
            this.noun = noun;
            this.ids = List.copyOf(ids);
            this.synonyms = Map.copyOf(synonyms);
            this.open = open;
            Map<String, String> all = new LinkedHashMap<>(synonyms);
            for (String id : ids) {
                all.put(squash(id), id);
            }
            this.lookup = Map.copyOf(all);
        }

        /** Returns the key's name, as messages call the value ({@code outputFormat}). */
        public String noun() {
            return noun;
        }

        /** Returns the canonical ids, in the enum's order. */
        public List<String> ids() {
            return ids;
        }

        /** Returns the synonyms, squashed, to the id each means. */
        public Map<String, String> synonyms() {
            return synonyms;
        }

        /** Returns whether a value outside the ids is accepted (with a warning), as for {@code task.domain}. */
        public boolean open() {
            return open;
        }

        /** Returns the canonical id that {@code text} spells, or {@code null} when it spells none. */
        public String canonical(String text) {
            if (text == null) {
                return null;
            }
            return ids.contains(text) ? text : lookup.get(squash(text));
        }
    }

    /**
     * How a written value reads.
     *
     * @param value the value read ({@link String} id for an enumeration, {@link Double} for a number), or
     *     {@code null} when it cannot be understood
     * @param severity how to report it: {@code null} when there is nothing to say, {@link Severity#HINT} for a
     *     reading that interprets the text, {@link Severity#WARNING} for an open enumeration's unknown value,
     *     {@link Severity#ERROR} for what cannot be understood
     * @param message the sentence to report, or {@code null}
     * @param suggestion the text a quick fix writes instead, or {@code null}
     */
    public record Reading(Object value, Severity severity, String message, String suggestion) {

        static Reading plain(Object value) {
            return new Reading(value, null, null, null);
        }

        /** Returns whether the value was understood (exactly, with a hint, or as an open enumeration's value). */
        public boolean understood() {
            return severity != Severity.ERROR;
        }
    }

    // The tables: each enumeration's ids, and its synonyms grouped under the id they read as.

    /** {@code task.domain}: open; insurance is specialised, hr and e-commerce are not. */
    public static final Vocabulary DOMAIN = new Vocabulary("domain",
            List.of("general", "customer-support", "marketing", "education", "code", "medical", "legal", "finance",
                    "insurance", "manufacturing", "scientific", "hr", "e-commerce", "other"),
            synonyms(List.of(
                    List.of("general", "generic", "general-purpose"),
                    List.of("customer-support", "customer-service", "support", "customer-care", "helpdesk",
                            "service-desk"),
                    List.of("marketing", "advertising"),
                    List.of("education", "edtech", "teaching"),
                    List.of("code", "coding", "programming", "software", "software-engineering"),
                    List.of("medical", "healthcare", "health", "clinical", "medicine", "pharma", "pharmaceutical"),
                    List.of("legal", "law", "legaltech"),
                    List.of("finance", "financial", "fintech", "banking", "accounting"),
                    List.of("insurance", "insurtech"),
                    List.of("manufacturing", "industrial"),
                    List.of("scientific", "science", "research"),
                    List.of("hr", "human-resources", "recruiting"),
                    List.of("e-commerce", "ecom", "retail", "shopping"))),
            true);

    /** {@code task.outputFormat}, in the order of {@link OutputFormat}. */
    public static final Vocabulary OUTPUT_FORMAT = new Vocabulary("outputFormat",
            List.of("text", "markdown", "json", "yaml", "xml", "csv", "code", "label", "jsonl", "function-call",
                    "sql", "html", "dialogue"),
            synonyms(List.of(
                    List.of("text", "plain", "plain-text", "prose", "free-text", "freeform"),
                    List.of("markdown", "md"),
                    List.of("yaml", "yml"),
                    List.of("csv", "tsv"),
                    List.of("label", "labels", "classification", "category", "class"),
                    List.of("jsonl", "ndjson", "json-lines"),
                    List.of("function-call", "function-calls", "function-calling", "function", "functions",
                            "tool-call", "tool-calls", "tool-use", "tools", "tool"),
                    List.of("html", "htm"),
                    List.of("dialogue", "dialog", "chat", "conversation"))),
            false);

    /** {@code requirements.changeFrequency}, most often first. */
    public static final Vocabulary CHANGE_FREQUENCY = new Vocabulary("changeFrequency",
            List.of("hourly", "daily", "weekly", "biweekly", "monthly", "quarterly", "yearly", "rarely", "never"),
            synonyms(List.of(
                    List.of("biweekly", "fortnightly", "every-two-weeks"),
                    List.of("yearly", "annually", "annual"),
                    List.of("rarely", "seldom"),
                    List.of("never", "static", "fixed"))),
            false);

    /** {@code team.mlExpertise}. */
    public static final Vocabulary LEVEL = new Vocabulary("mlExpertise",
            List.of("none", "low", "medium", "high"),
            synonyms(List.of(
                    List.of("none", "no", "nil"),
                    List.of("low", "basic", "beginner", "junior"),
                    List.of("medium", "intermediate", "moderate"),
                    List.of("high", "expert", "advanced", "senior", "strong"))),
            false);

    /** {@code task.complexity}. */
    public static final Vocabulary COMPLEXITY = new Vocabulary("complexity",
            List.of("low", "medium", "high"),
            synonyms(List.of(
                    List.of("low", "simple", "easy"),
                    List.of("medium", "moderate"),
                    List.of("high", "complex", "hard"))),
            false);

    /** {@code requirements.variability}. */
    public static final Vocabulary VARIABILITY = new Vocabulary("variability",
            List.of("uniform", "varied"),
            synonyms(List.of(
                    List.of("uniform", "consistent", "homogeneous"),
                    List.of("varied", "diverse", "heterogeneous", "variable"))),
            false);

    /** {@code approach}. */
    public static final Vocabulary APPROACH = new Vocabulary("approach",
            List.of("prompt-engineering", "fine-tuning", "hybrid"),
            synonyms(List.of(
                    List.of("prompt-engineering", "prompting", "prompt", "prompts"),
                    List.of("fine-tuning", "fine-tune", "fine-tuned"))),
            false);

    /** {@code fineTuning.pattern}. */
    public static final Vocabulary PATTERN = new Vocabulary("pattern",
            List.of("foundation-plus-specialization", "hierarchical-prompts", "iterative-refinement", "multi-model"),
            synonyms(List.of(List.of("foundation-plus-specialization", "foundation-plus-specialisation"))),
            false);

    /** The enumerations by key page name ({@link StrategyKeys#docPath}). */
    private static final Map<String, Vocabulary> BY_KEY = Map.of(
            "workloads.task.domain", DOMAIN,
            "workloads.task.outputFormat", OUTPUT_FORMAT,
            "workloads.requirements.changeFrequency", CHANGE_FREQUENCY,
            "workloads.team.mlExpertise", LEVEL,
            "workloads.task.complexity", COMPLEXITY,
            "workloads.requirements.variability", VARIABILITY,
            "workloads.approach", APPROACH,
            "workloads.fineTuning.pattern", PATTERN);

    /** The keys whose value is an accuracy. */
    private static final List<String> ACCURACIES = List.of(
            "workloads.task.accuracyTarget", "workloads.task.currentAccuracy");

    /** Returns the enumeration of the key with this page name ({@code workloads.task.domain}), or {@code null}. */
    public static Vocabulary vocabulary(String docPath) {
        return BY_KEY.get(docPath);
    }

    /** The last keys of {@link #BY_KEY}'s paths, for a quick test before the path's page name is built. */
    private static final Set<String> ENUMERATION_KEYS = BY_KEY.keySet().stream()
            .map(page -> page.substring(page.lastIndexOf('.') + 1)).collect(Collectors.toUnmodifiableSet());

    private static final Set<String> ACCURACY_KEYS = ACCURACIES.stream()
            .map(page -> page.substring(page.lastIndexOf('.') + 1)).collect(Collectors.toUnmodifiableSet());

    /** Returns whether a key of this name may hold an enumeration (its full path decides). */
    static boolean isEnumerationKey(String key) {
        return ENUMERATION_KEYS.contains(key);
    }

    /** Returns whether a key of this name may hold an accuracy (its full path decides). */
    static boolean isAccuracyKey(String key) {
        return ACCURACY_KEYS.contains(key);
    }

    /** Returns whether the key with this page name holds an accuracy. */
    public static boolean isAccuracy(String docPath) {
        return ACCURACIES.contains(docPath);
    }

    /**
     * Reads a value of an enumeration: its canonical id with nothing to say when it is an id however cased or
     * separated, with a hint when it is a synonym, with a warning when the enumeration is open and the value outside
     * it (the value read is then the text as written), and an error otherwise.
     */
    public static Reading choose(Vocabulary vocabulary, String text) {
        String id = vocabulary.canonical(text);
        String written = text == null ? "" : text.strip();
        if (id != null) {
            boolean synonym = !squash(id).equals(squash(written));
            return synonym ? new Reading(id, Severity.HINT, "'" + written + "' reads as the " + vocabulary.noun()
                    + " '" + id + "'", id) : Reading.plain(id);
        }
        String suggestion = DidYouMean.best(written, vocabulary.ids());
        if (vocabulary.open()) {
            return new Reading(written.isEmpty() ? null : written, Severity.WARNING, "'" + written
                    + "' is not a " + vocabulary.noun() + " Promptwise knows (" + oneOf(vocabulary.ids())
                    + "), so it counts as 'other'" + (suggestion != null ? "; did you mean '" + suggestion + "'?"
                            : "; set task.specialized to say whether the task needs internalised expertise"),
                    suggestion);
        }
        return new Reading(null, Severity.ERROR, "'" + written + "' is not a valid " + vocabulary.noun()
                + ": expected " + oneOf(vocabulary.ids()) + (suggestion != null ? "; did you mean '" + suggestion
                        + "'?" : ""), suggestion);
    }

    private static final Pattern NUMERAL = Pattern.compile(
            "([+-]?)((?:\\d{1,3}(?:,\\d{3})+|\\d[\\d_]*)(?:\\.\\d+)?|\\.\\d+)(?:[eE]([+-]?\\d{1,3}))?\\s*([kKmMbB]?)");

    /**
     * Reads a number: a YAML number as it is (with a hint when it groups digits with underscores, which YAML 1.2
     * tools read as text), or text that spells one with digit groups, an exponent or a suffix ({@code k} thousand,
     * {@code M} million, {@code B} billion) with a hint; an error when {@code text} spells no number.
     *
     * @param yamlNumber whether YAML resolved the scalar as a number
     */
    public static Reading number(String text, boolean yamlNumber) {
        String written = text == null ? "" : text.strip();
        if (yamlNumber && written.indexOf('_') < 0) {
            try {
                double value = Double.parseDouble(written);
                if (Double.isFinite(value)) {
                    return Reading.plain(value);
                }
            } catch (NumberFormatException e) {
                // a YAML number in another notation (0x1F): read by the pattern below, or not at all
            }
        }
        Matcher matcher = NUMERAL.matcher(written);
        if (!matcher.matches()) {
            return new Reading(null, Severity.ERROR, "must be a number", null);
        }
        double value;
        try {
            String digits = matcher.group(2).replace("_", "").replace(",", "");
            value = Double.parseDouble(matcher.group(1) + digits
                    + (matcher.group(3) == null ? "" : "e" + matcher.group(3)));
        } catch (NumberFormatException e) {
            return new Reading(null, Severity.ERROR, "must be a number", null);
        }
        value *= switch (matcher.group(4).toLowerCase(Locale.ROOT)) {
            case "k" -> 1e3;
            case "m" -> 1e6;
            case "b" -> 1e9;
            default -> 1;
        };
        if (!Double.isFinite(value)) {
            return new Reading(null, Severity.ERROR, "must be a number", null);
        }
        boolean literal = yamlNumber && !written.contains("_");
        if (literal) {
            return Reading.plain(value);
        }
        String plain = plain(value);
        return new Reading(value, Severity.HINT, "'" + written + "' reads as " + plain
                + (yamlNumber ? " (YAML 1.2 tools read digits grouped by underscores as text)" : ""), plain);
    }

    /**
     * The smallest number above 1 read as a percentage without a percent sign: between 1 and 10 a bare number is
     * neither a fraction nor a credible accuracy in percent (1.5 is more likely a slip than 1.5 %), so it is an error;
     * {@code "1.5%"} says what it means and is read.
     */
    static final double MIN_BARE_PERCENT = 10;

    /**
     * Reads an accuracy: a fraction from 0 to 1 as it is; a number from 10 up to 100, or a percent string from 0 %
     * to 100 %, as a percentage (95 and {@code "95%"} read as 0.95, with a hint); an error for anything else (150,
     * -0.1 and 1.5 cannot be an accuracy). A value of exactly 1 is the fraction 1, that is 100 %.
     */
    public static Reading accuracy(String text, boolean yamlNumber) {
        String written = text == null ? "" : text.strip();
        boolean percent = written.endsWith("%");
        Reading number = number(percent ? written.substring(0, written.length() - 1) : written,
                yamlNumber && !percent);
        if (!number.understood()) {
            return number;
        }
        double value = (Double) number.value();
        if (value < 0 || value > 100 || !percent && value > 1 && value < MIN_BARE_PERCENT) {
            return new Reading(null, Severity.ERROR, "'" + written + "' cannot be an accuracy: write a fraction"
                    + " from 0 to 1 (0.95) or a percentage up to 100 (95 or \"95%\")", null);
        }
        if (!percent && value <= 1) {
            return number;
        }
        double fraction = value / 100;
        String plain = plain(fraction);
        return new Reading(fraction, Severity.HINT, "'" + written + "' reads as " + plain(value) + " %, the"
                + " fraction " + plain, plain);
    }

    /** Returns a number as plain decimal text, without exponent, grouping or a trailing {@code .0}. */
    static String plain(double value) {
        String text = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** Returns text lower-cased without spaces, hyphens and underscores, the form spellings are compared in. */
    static String squash(String text) {
        StringBuilder squashed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && c != '_' && !Character.isWhitespace(c)) {
                squashed.append(Character.toLowerCase(c));
            }
        }
        return squashed.toString();
    }

    /** Returns "a, b or c". */
    static String oneOf(List<String> values) {
        if (values.size() <= 1) {
            return String.join("", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    /** Builds a synonym table from groups, each a canonical id followed by its synonyms. */
    private static Map<String, String> synonyms(List<List<String>> groups) {
        Map<String, String> table = new LinkedHashMap<>();
        for (List<String> group : groups) {
            for (String synonym : group.subList(1, group.size())) {
                table.put(squash(synonym), group.get(0));
            }
        }
        return table;
    }
}
