package dev.promptwise.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the completions usage of OpenAI's organization usage API ({@code GET /v1/organization/usage/completions}):
 * a page of time buckets ({@code data[]}, each with {@code start_time} in seconds), each with {@code results[]} that
 * count {@code num_model_requests}, {@code input_tokens}, {@code output_tokens} and {@code input_cached_tokens},
 * grouped by {@code model}, {@code project_id} and the like when the request asked. Several pages may be given one a
 * line. {@code --match model=gpt-4o-mini} (or {@code project_id=…}) selects results.
 */
public final class OpenAiUsage {

    private OpenAiUsage() {}

    /** Reads the results of {@code text} (the contents of {@code fileName}) that every match selects. */
    public static List<TrafficSummary.Usage> read(String fileName, String text, List<OtelSpans.Match> matches)
            throws ImportException {
        List<TrafficSummary.Usage> usage = new ArrayList<>();
        for (JsonDocuments.Document document : JsonDocuments.read(fileName, text,
                "the JSON of OpenAI's organization usage API (completions)")) {
            JsonNode page = document.json();
            if (!page.path("data").isArray() || (page.has("object") && !"page".equals(page.path("object").asText()))) {
                throw new ImportException(fileName + " " + document.where() + "is not a page of OpenAI's usage API: "
                        + "it has no data[] of buckets");
            }
            JsonNode buckets = page.get("data");
            for (int i = 0; i < buckets.size(); i++) {
                JsonNode bucket = buckets.get(i);
                String bucketRecord = fileName + " " + document.where() + "data[" + i + "]";
                if (!bucket.path("results").isArray()) {
                    throw new ImportException(bucketRecord + " is not a usage bucket: it has no results[]");
                }
                Double start = JsonDocuments.count(bucketRecord, bucket, "start_time");
                if (start == null) {
                    throw new ImportException(bucketRecord + " has no start_time");
                }
                JsonNode results = bucket.get("results");
                for (int j = 0; j < results.size(); j++) {
                    JsonNode result = results.get(j);
                    String record = bucketRecord + ".results[" + j + "]";
                    if (result.has("object") && !result.path("object").asText().endsWith("usage.completions.result")) {
                        throw new ImportException(record + " is " + result.path("object").asText()
                                + ", not completions usage: export the completions usage");
                    }
                    if (!selected(result, matches)) {
                        continue;
                    }
                    Double requests = JsonDocuments.count(record, result, "num_model_requests");
                    Double input = JsonDocuments.count(record, result, "input_tokens");
                    if (requests == null || input == null) {
                        throw new ImportException(record + " has no num_model_requests or input_tokens");
                    }
                    usage.add(new TrafficSummary.Usage(result.path("model").isTextual()
                            ? result.get("model").asText() : null, (long) (double) start * 1_000_000_000L,
                            (long) (double) requests, input, JsonDocuments.count(record, result, "output_tokens"),
                            JsonDocuments.count(record, result, "input_cached_tokens"),
                            document.where() + "data[" + i + "].results[" + j + "]"));
                }
            }
        }
        if (usage.isEmpty()) {
            throw new ImportException(fileName + " has no usage result" + (matches.isEmpty() ? ""
                    : " matching " + matches.stream().map(m -> m.key() + "=" + m.value()).toList()));
        }
        return usage;
    }

    private static boolean selected(JsonNode result, List<OtelSpans.Match> matches) {
        for (OtelSpans.Match match : matches) {
            if (!match.value().equals(result.path(match.key()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
