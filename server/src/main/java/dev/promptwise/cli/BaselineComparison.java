package dev.promptwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two {@code check --format json} outputs, the base's and the head's: per workload and per
 * prompt file the prompt's tokens, the cost of a request and of a month, and the findings that are new or gone.
 * Both sides are read from the JSON contract, so that a baseline written by an older build compares as well as one
 * written now. Findings match by file, rule and message, never by position: lines shift with every edit above them.
 */
record BaselineComparison(List<WorkloadChange> workloads, List<PromptChange> prompts, List<FindingChange> findings) {

    BaselineComparison {
        workloads = List.copyOf(workloads);
        prompts = List.copyOf(prompts);
        findings = List.copyOf(findings);
    }

    /** How one row compares: present on both sides, only in the head, or only in the base. */
    enum Presence { BOTH, NEW, GONE }

    /** A figure on both sides; either may be {@code null} (absent or unknown). */
    record Figure(Double before, Double after) {

        boolean changed() {
            return !Objects.equals(before, after);
        }

        /** Returns the change in percent, or {@code null} when either side is unknown or the base is zero. */
        Double percent() {
            if (before == null || after == null || before == 0) {
                return null;
            }
            return (after - before) / before * 100;
        }
    }

    /**
     * One workload, keyed by its strategy file and name.
     *
     * @param tokens the prompt's total tokens per request, from the file entry of the workload's prompt
     */
    record WorkloadChange(String strategyFile, String name, Presence presence, Figure tokens, Figure perRequest,
            Figure monthly) {

        boolean changed() {
            return presence != Presence.BOTH || tokens.changed() || perRequest.changed() || monthly.changed();
        }

        /** Whether the monthly cost was known on one side only: a change that no percentage describes. */
        boolean knownOnOneSide() {
            return presence == Presence.BOTH && (monthly.before() == null) != (monthly.after() == null);
        }
    }

    /** One prompt file, keyed by its path. */
    record PromptChange(String path, Presence presence, Figure tokens, Figure perRequest) {

        boolean changed() {
            return presence != Presence.BOTH || tokens.changed() || perRequest.changed();
        }
    }

    /** A finding only in the head ({@code NEW}) or only in the base ({@code GONE}). */
    record FindingChange(String path, String rule, String severity, String message, int line, Presence presence) {}

    /**
     * Returns the comparison of {@code base} with {@code head}, both {@code check --format json} documents.
     *
     * @throws IllegalArgumentException naming the first field that is not as the JSON format writes it
     */
    static BaselineComparison compare(JsonNode base, JsonNode head) {
        requireShape(base, "the baseline");
        requireShape(head, "this run");
        Map<String, JsonNode> baseFiles = byPath(base);
        Map<String, JsonNode> headFiles = byPath(head);
        Map<List<String>, JsonNode> baseWorkloads = byWorkload(base);
        Map<List<String>, JsonNode> headWorkloads = byWorkload(head);

        List<WorkloadChange> workloads = new ArrayList<>();
        for (Map.Entry<List<String>, JsonNode> entry : headWorkloads.entrySet()) {
            JsonNode before = baseWorkloads.get(entry.getKey());
            workloads.add(workload(entry.getKey(), before, entry.getValue(), baseFiles, headFiles));
        }
        for (Map.Entry<List<String>, JsonNode> entry : baseWorkloads.entrySet()) {
            if (!headWorkloads.containsKey(entry.getKey())) {
                workloads.add(workload(entry.getKey(), entry.getValue(), null, baseFiles, headFiles));
            }
        }

        List<PromptChange> prompts = new ArrayList<>();
        List<FindingChange> findings = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : headFiles.entrySet()) {
            JsonNode before = baseFiles.get(entry.getKey());
            prompt(entry.getKey(), before, entry.getValue(), prompts);
            findings.addAll(findingChanges(entry.getKey(), before, entry.getValue()));
        }
        for (Map.Entry<String, JsonNode> entry : baseFiles.entrySet()) {
            if (!headFiles.containsKey(entry.getKey())) {
                prompt(entry.getKey(), entry.getValue(), null, prompts);
                findings.addAll(findingChanges(entry.getKey(), entry.getValue(), null));
            }
        }
        return new BaselineComparison(workloads, prompts, findings);
    }

    /** Returns the workloads whose monthly cost grew by more than {@code percent} percent. */
    List<WorkloadChange> costIncreasesAbove(double percent) {
        List<WorkloadChange> over = new ArrayList<>();
        for (WorkloadChange workload : workloads) {
            Figure monthly = workload.monthly();
            if (workload.presence() != Presence.BOTH || monthly.before() == null || monthly.after() == null) {
                continue;
            }
            // From nothing to something is growth beyond any percentage; it is reported as "from $0.00", never ∞ %.
            boolean fromZero = monthly.before() == 0 && monthly.after() > 0;
            Double change = monthly.percent();
            if (fromZero || (change != null && change > percent)) {
                over.add(workload);
            }
        }
        return over;
    }

    boolean isEmpty() {
        return workloads.stream().noneMatch(WorkloadChange::changed) && prompts.stream().noneMatch(PromptChange::changed)
                && findings.isEmpty();
    }

    private static WorkloadChange workload(List<String> key, JsonNode before, JsonNode after,
            Map<String, JsonNode> baseFiles, Map<String, JsonNode> headFiles) {
        Presence presence = before == null ? Presence.NEW : after == null ? Presence.GONE : Presence.BOTH;
        return new WorkloadChange(key.get(0), key.get(1), presence,
                new Figure(promptTokens(before, baseFiles), promptTokens(after, headFiles)),
                new Figure(number(before, "costPerRequestUsd"), number(after, "costPerRequestUsd")),
                new Figure(number(before, "monthlyCostUsd"), number(after, "monthlyCostUsd")));
    }

    private static void prompt(String path, JsonNode before, JsonNode after, List<PromptChange> into) {
        Double tokensBefore = tokens(before);
        Double tokensAfter = tokens(after);
        if (tokensBefore == null && tokensAfter == null) {
            return; // a strategy file or a binary one on both sides: nothing to price
        }
        Presence presence = tokensBefore == null ? Presence.NEW : tokensAfter == null ? Presence.GONE : Presence.BOTH;
        into.add(new PromptChange(path, presence, new Figure(tokensBefore, tokensAfter),
                new Figure(number(before, "costPerRequestUsd"), number(after, "costPerRequestUsd"))));
    }

    /**
     * Returns the findings on one side only. Equal findings (file, rule, message) are matched as a multiset: a third
     * copy of a message that the base had twice is one new finding.
     */
    private static List<FindingChange> findingChanges(String path, JsonNode before, JsonNode after) {
        Map<List<String>, List<JsonNode>> baseFindings = findingsOf(before);
        Map<List<String>, List<JsonNode>> headFindings = findingsOf(after);
        List<FindingChange> changes = new ArrayList<>();
        collectUnmatched(path, headFindings, baseFindings, Presence.NEW, changes);
        collectUnmatched(path, baseFindings, headFindings, Presence.GONE, changes);
        return changes;
    }

    private static void collectUnmatched(String path, Map<List<String>, List<JsonNode>> side,
            Map<List<String>, List<JsonNode>> other, Presence presence, List<FindingChange> into) {
        for (Map.Entry<List<String>, List<JsonNode>> entry : side.entrySet()) {
            int matched = other.getOrDefault(entry.getKey(), List.of()).size();
            List<JsonNode> found = entry.getValue();
            for (int i = matched; i < found.size(); i++) {
                JsonNode diagnostic = found.get(i);
                int line = diagnostic.path("range").path("start").path("line").asInt(-1);
                into.add(new FindingChange(path, entry.getKey().get(0), diagnostic.path("severity").asText(""),
                        entry.getKey().get(1), line < 0 ? -1 : line + 1, presence));
            }
        }
    }

    private static Map<List<String>, List<JsonNode>> findingsOf(JsonNode file) {
        if (file == null) {
            return Map.of();
        }
        Map<List<String>, List<JsonNode>> findings = new LinkedHashMap<>();
        for (JsonNode diagnostic : file.path("diagnostics")) {
            List<String> key = List.of(diagnostic.path("rule").asText(""), diagnostic.path("message").asText(""));
            findings.computeIfAbsent(key, k -> new ArrayList<>()).add(diagnostic);
        }
        return findings;
    }

    /** Returns the total tokens of the file entry of the workload's prompt (relative to its strategy file). */
    private static Double promptTokens(JsonNode workload, Map<String, JsonNode> files) {
        if (workload == null || !workload.path("prompt").isTextual()) {
            return null;
        }
        String strategyFile = workload.path("strategyFile").asText("");
        int slash = strategyFile.lastIndexOf('/');
        String folder = slash < 0 ? "" : strategyFile.substring(0, slash + 1);
        String prompt = normalize(folder + workload.path("prompt").asText());
        return tokens(files.get(prompt));
    }

    /** Returns {@code a/./b/../c} as {@code a/c}. */
    static String normalize(String path) {
        return dev.promptwise.imports.StrategyImport.normalize(path);
    }

    private static Double tokens(JsonNode file) {
        if (file == null) {
            return null;
        }
        JsonNode total = file.path("tokens").path("total");
        return total.isNumber() ? total.asDouble() : null;
    }

    private static Double number(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asDouble() : null;
    }

    private static Map<String, JsonNode> byPath(JsonNode root) {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        for (JsonNode file : root.get("files")) {
            files.put(normalize(file.path("path").asText("")), file);
        }
        return files;
    }

    private static Map<List<String>, JsonNode> byWorkload(JsonNode root) {
        Map<List<String>, JsonNode> workloads = new LinkedHashMap<>();
        for (JsonNode workload : root.get("workloads")) {
            workloads.put(List.of(normalize(workload.path("strategyFile").asText("")),
                    workload.path("name").asText("")), workload);
        }
        return Collections.unmodifiableMap(workloads);
    }

    private static void requireShape(JsonNode root, String side) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(side + " is not a JSON object");
        }
        if (!root.path("files").isArray()) {
            throw new IllegalArgumentException(side + " has no \"files\" array");
        }
        if (!root.path("workloads").isArray()) {
            throw new IllegalArgumentException(side + " has no \"workloads\" array");
        }
        int index = 0;
        for (JsonNode file : root.get("files")) {
            if (!file.path("path").isTextual()) {
                throw new IllegalArgumentException(side + ": files[" + index + "] has no \"path\"");
            }
            index++;
        }
        index = 0;
        for (JsonNode workload : root.get("workloads")) {
            if (!workload.path("name").isTextual() || !workload.path("strategyFile").isTextual()) {
                throw new IllegalArgumentException(side + ": workloads[" + index + "] has no \"name\" or \"strategyFile\"");
            }
            index++;
        }
    }
}
