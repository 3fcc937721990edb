package dev.promptwise.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The user's settings: one object under {@code promptwise}, the same whether it comes from
 * {@code initializationOptions}, {@code workspace/didChangeConfiguration} or the command line's {@code --settings}
 * file. The key names are a contract (DESIGN section 3).
 *
 * @param defaultModel the model of prompts that name none
 * @param maxPromptTokens the token budget of prompts that no workload budgets
 * @param maxMonthlyCost the monthly budget in USD, or {@code null} when none
 * @param requestsPerDay traffic of prompts that no workload references, or {@code null} when unknown
 * @param ruleSeverities per rule id, the severity the user chose
 * @param debounceMs how long to wait after a keystroke before analysing; 0 analyses at once
 * @param pricingFile an extra catalog file, or {@code null}
 */
public record Settings(
        String defaultModel,
        int maxPromptTokens,
        Double maxMonthlyCost,
        Double requestsPerDay,
        Map<String, Severity> ruleSeverities,
        int debounceMs,
        String pricingFile) {

    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final int DEFAULT_MAX_PROMPT_TOKENS = 4000;
    public static final int DEFAULT_DEBOUNCE_MS = 300;

    public static final Settings DEFAULTS = new Settings(
            DEFAULT_MODEL, DEFAULT_MAX_PROMPT_TOKENS, null, null, Map.of(), DEFAULT_DEBOUNCE_MS, null);

    public Settings {
        ruleSeverities = Collections.unmodifiableMap(new HashMap<>(ruleSeverities));
    }

    /** Returns the severity the user chose for {@code ruleId}, or {@code fallback} when none. */
    public Severity severity(String ruleId, Severity fallback) {
        return ruleSeverities.getOrDefault(ruleId, fallback);
    }

    /**
     * Reads settings from JSON: either the {@code promptwise} object itself or an object that holds it under
     * {@code promptwise}. Both nested ({@code "budget": {"maxPromptTokens": 1}}) and dotted
     * ({@code "budget.maxPromptTokens": 1}) keys are accepted, as VS Code sends either. Values of the wrong type
     * are ignored and listed in {@code problems}; a {@code null} node gives the defaults.
     */
    public static Settings fromJson(JsonNode node, List<String> problems) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return DEFAULTS;
        }
        JsonNode root = node.has("promptwise") && node.get("promptwise").isObject() ? node.get("promptwise") : node;
        Map<String, JsonNode> flat = new HashMap<>();
        flatten("", root, flat);

        String defaultModel = text(flat, "defaultModel", DEFAULT_MODEL, problems);
        int maxPromptTokens = (int) Math.max(1, number(flat, "budget.maxPromptTokens", DEFAULT_MAX_PROMPT_TOKENS, problems));
        Double maxMonthlyCost = optionalNumber(flat, "budget.maxMonthlyCost", problems);
        Double requestsPerDay = optionalNumber(flat, "traffic.requestsPerDay", problems);
        int debounceMs = (int) Math.max(0, Math.min(10_000, number(flat, "diagnostics.debounceMs", DEFAULT_DEBOUNCE_MS, problems)));
        String pricingFile = text(flat, "pricing.file", null, problems);
        Map<String, Severity> severities = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : flat.entrySet()) {
            if (entry.getKey().startsWith("rules.")) {
                String ruleId = entry.getKey().substring("rules.".length());
                Severity severity = entry.getValue().isTextual()
                        ? Severity.parse(entry.getValue().asText()).orElse(null) : null;
                if (severity == null) {
                    problems.add("promptwise.rules." + ruleId + ": expected off, hint, information, warning or error");
                } else {
                    severities.put(ruleId, severity);
                }
            }
        }
        return new Settings(defaultModel, maxPromptTokens, maxMonthlyCost, requestsPerDay, severities, debounceMs,
                pricingFile);
    }

    /** Returns a copy with another debounce. */
    public Settings withDebounceMs(int value) {
        return new Settings(defaultModel, maxPromptTokens, maxMonthlyCost, requestsPerDay, ruleSeverities, value,
                pricingFile);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                flatten(key, field.getValue(), out);
            }
        } else if (!prefix.isEmpty()) {
            out.put(prefix, node);
        }
    }

    private static String text(Map<String, JsonNode> flat, String key, String fallback, List<String> problems) {
        JsonNode value = flat.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            problems.add("promptwise." + key + ": expected a string");
            return fallback;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? fallback : text;
    }

    private static double number(Map<String, JsonNode> flat, String key, double fallback, List<String> problems) {
        Double value = optionalNumber(flat, key, problems);
        return value == null ? fallback : value;
    }

    private static Double optionalNumber(Map<String, JsonNode> flat, String key, List<String> problems) {
        JsonNode value = flat.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0) {
            problems.add("promptwise." + key + ": expected a number of zero or more");
            return null;
        }
        return value.asDouble();
    }

    /** Returns an empty problem list for callers that do not report them. */
    public static List<String> ignoredProblems() {
        return new ArrayList<>();
    }
}
