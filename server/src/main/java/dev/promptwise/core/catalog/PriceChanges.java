package dev.promptwise.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What changes between two LiteLLM price files, and whether the change looks wrong: the comparison
 * {@code promptwise prices update} prints and judges before it writes a new catalog. Models are compared by their
 * LiteLLM keys, among the entries Promptwise prices ({@link LiteLlmFormat#MODES}).
 *
 * @param added keys the new file has and the old one has not
 * @param removed keys the old file has and the new one has not
 * @param repriced models whose input or output price changed, with both prices
 * @param oldModels how many models the old file prices
 * @param newModels how many models the new file prices
 */
public record PriceChanges(List<String> added, List<String> removed, List<Repriced> repriced, int oldModels,
        int newModels) {

    /** More than this share of the old models gone (and more than {@link #MOST_REMOVED_QUIETLY}) is suspicious. */
    public static final double MOST_REMOVED_SHARE = 0.10;
    /** Up to this many models may go without a question, whatever their share. */
    public static final int MOST_REMOVED_QUIETLY = 20;
    /** A price that moves by this factor or more, up or down, is suspicious. */
    public static final double SUSPICIOUS_FACTOR = 10.0;

    /** A model whose prices changed: USD per 1M tokens, {@code null} where a side gives none. */
    public record Repriced(String id, Double oldInput, Double newInput, Double oldOutput, Double newOutput) {

        /** Returns whether its input or output price moved tenfold or more. */
        public boolean suspicious() {
            return moved(oldInput, newInput) || moved(oldOutput, newOutput);
        }

        private static boolean moved(Double before, Double after) {
            if (before == null || after == null || before <= 0 || after <= 0) {
                return false;
            }
            double factor = after / before;
            return factor >= SUSPICIOUS_FACTOR || factor <= 1 / SUSPICIOUS_FACTOR;
        }
    }

    public PriceChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        repriced = List.copyOf(repriced);
    }

    /**
     * Compares two LiteLLM price files; only the models of {@code providers} (LiteLLM's {@code litellm_provider}
     * names) count, or every model when it is {@code null}.
     */
    public static PriceChanges compare(JsonNode oldFile, JsonNode newFile, Set<String> providers) {
        Map<String, ObjectNode> before = byKey(oldFile, providers);
        Map<String, ObjectNode> after = byKey(newFile, providers);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Repriced> repriced = new ArrayList<>();
        after.keySet().stream().filter(key -> !before.containsKey(key)).sorted().forEach(added::add);
        before.keySet().stream().filter(key -> !after.containsKey(key)).sorted().forEach(removed::add);
        before.keySet().stream().filter(after::containsKey).sorted().forEach(key -> {
            Double oldInput = number(before.get(key), "input");
            Double newInput = number(after.get(key), "input");
            Double oldOutput = number(before.get(key), "output");
            Double newOutput = number(after.get(key), "output");
            if (!java.util.Objects.equals(oldInput, newInput) || !java.util.Objects.equals(oldOutput, newOutput)) {
                repriced.add(new Repriced(key, oldInput, newInput, oldOutput, newOutput));
            }
        });
        return new PriceChanges(added, removed, repriced, before.size(), after.size());
    }

    /** Returns what makes the new file suspicious, one sentence each; empty when nothing does. */
    public List<String> suspicions() {
        List<String> reasons = new ArrayList<>();
        if (removed.size() > MOST_REMOVED_QUIETLY && removed.size() > MOST_REMOVED_SHARE * oldModels) {
            reasons.add(String.format(Locale.ROOT, "%d of the %d models priced now are gone (more than %d%%)",
                    removed.size(), oldModels, Math.round(MOST_REMOVED_SHARE * 100)));
        }
        List<String> moved = repriced.stream().filter(Repriced::suspicious).map(Repriced::id).toList();
        if (!moved.isEmpty()) {
            reasons.add(moved.size() + " price" + (moved.size() == 1 ? "" : "s") + " moved tenfold or more: "
                    + String.join(", ", moved.subList(0, Math.min(10, moved.size())))
                    + (moved.size() > 10 ? " and " + (moved.size() - 10) + " more" : ""));
        }
        return reasons;
    }

    private static Map<String, ObjectNode> byKey(JsonNode file, Set<String> providers) {
        Map<String, ObjectNode> entries = new LinkedHashMap<>();
        JsonNode scoped = providers == null ? file : LiteLlmFormat.filter(file, providers);
        for (ObjectNode entry : LiteLlmFormat.convert(scoped, "", false).entries()) {
            entries.put(entry.get("id").asText(), entry);
        }
        return entries;
    }

    private static Double number(ObjectNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }
}
