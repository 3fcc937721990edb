package dev.promptwise.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON that {@code promptfoo eval --output results.json} writes: per prompt (and provider), the test cases
 * that passed, failed and errored, from {@code results.prompts[].metrics}, or counted from {@code results.results[]}
 * when a prompt has no metrics. Prompt files are named by path in each prompt's label ({@code prompts/a.txt: …}) and
 * in {@code config.prompts} ({@code file://…}); both are kept, to bind the prompt to a workload.
 */
public final class PromptfooResults {

    /**
     * One prompt as promptfoo evaluated it with one provider.
     *
     * @param paths the paths that may name the prompt file, as written (relative to promptfoo's config, or absolute)
     * @param record where in the file it was read, for messages ({@code results.prompts[0]})
     */
    public record EvalPrompt(String label, List<String> paths, String provider, int passes, int failures, int errors,
            String record) {

        public int total() {
            return passes + failures + errors;
        }
    }

    /** The eval: its id, when it ran, and its prompts. */
    public record Eval(String evalId, String date, String version, List<EvalPrompt> prompts) {}

    private PromptfooResults() {}

    /** Reads {@code text}, the contents of {@code fileName}. */
    public static Eval read(String fileName, String text) throws ImportException {
        if (text.isBlank()) {
            throw new ImportException(fileName + " is empty: expected the output of `promptfoo eval --output FILE.json`");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (JsonProcessingException e) {
            throw new ImportException(fileName + " is not JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        }
        JsonNode results = root.path("results");
        if (!root.isObject() || !results.isObject() || !results.path("prompts").isArray()) {
            throw new ImportException(fileName + " is not promptfoo eval output: it has no results.prompts array"
                    + (root.has("resourceSpans") ? " (it looks like OpenTelemetry spans: use `import otel`)" : ""));
        }
        JsonNode configPrompts = root.path("config").path("prompts");
        JsonNode prompts = results.get("prompts");
        List<EvalPrompt> read = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            JsonNode prompt = prompts.get(i);
            String record = "results.prompts[" + i + "]";
            String label = prompt.path("label").asText(prompt.path("raw").asText(""));
            List<String> paths = new ArrayList<>();
            int colon = label.indexOf(": ");
            if (colon > 0) {
                paths.add(label.substring(0, colon));
            }
            if (configPrompts.isArray() && configPrompts.size() == prompts.size()) {
                JsonNode configured = configPrompts.get(i);
                String id = configured.isTextual() ? configured.asText() : configured.path("id").asText("");
                if (id.startsWith("file://")) {
                    paths.add(id.substring("file://".length()));
                }
            }
            String provider = prompt.path("provider").asText("");
            JsonNode metrics = prompt.path("metrics");
            int passes;
            int failures;
            int errors;
            if (metrics.has("testPassCount")) {
                passes = count(fileName, record + ".metrics.testPassCount", metrics.get("testPassCount"));
                failures = count(fileName, record + ".metrics.testFailCount", metrics.path("testFailCount"));
                errors = count(fileName, record + ".metrics.testErrorCount", metrics.path("testErrorCount"));
            } else {
                int[] counted = countResults(results.path("results"), i);
                passes = counted[0];
                failures = counted[1];
                errors = counted[2];
            }
            read.add(new EvalPrompt(label, paths, provider, passes, failures, errors, record));
        }
        if (read.isEmpty()) {
            throw new ImportException(fileName + ": results.prompts is empty: the eval ran no prompt");
        }
        JsonNode metadata = root.path("metadata");
        String date = metadata.path("evaluationCreatedAt").asText(results.path("timestamp").asText(""));
        return new Eval(root.path("evalId").asText(""), date.length() >= 10 ? date.substring(0, 10) : date,
                metadata.path("promptfooVersion").asText(""), read);
    }

    private static int count(String fileName, String record, JsonNode value) throws ImportException {
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (value.canConvertToInt() && value.isIntegralNumber() && value.asInt() >= 0) {
            return value.asInt();
        }
        throw new ImportException(fileName + ": " + record + " is " + value + ", not a count");
    }

    /** Counts the results of prompt {@code index}: {passes, failures, errors}. */
    private static int[] countResults(JsonNode results, int index) {
        int[] counts = new int[3];
        for (JsonNode result : results) {
            if (result.path("promptIdx").asInt(-1) != index) {
                continue;
            }
            boolean error = result.path("failureReason").asInt(0) == 2;
            counts[result.path("success").asBoolean(false) ? 0 : error ? 2 : 1]++;
        }
        return counts;
    }
}
