package dev.promptwise.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads OpenTelemetry GenAI spans from OTLP JSON, as the collector's file exporter writes it (one
 * {@code ExportTraceServiceRequest} a line) or as one document. A GenAI span is one with input tokens
 * ({@code gen_ai.usage.input_tokens}, or the older {@code gen_ai.usage.prompt_tokens}); its output tokens
 * ({@code gen_ai.usage.output_tokens} / {@code gen_ai.usage.completion_tokens}), tokens read from cache
 * ({@code gen_ai.usage.cache_read.input_tokens}), model ({@code gen_ai.request.model}, else
 * {@code gen_ai.response.model}) and start time are read too. Numbers may be written as strings, as OTLP JSON writes
 * 64-bit integers.
 */
public final class OtelSpans {

    /** Keys whose older spelling a {@code --match} also tries: the provider was {@code gen_ai.system}. */
    private static final Map<String, String> OLDER_SPELLINGS = Map.of(
            "gen_ai.provider.name", "gen_ai.system", "gen_ai.system", "gen_ai.provider.name");

    /** A {@code --match key=value} selection. */
    public record Match(String key, String value) {

        /** Parses {@code key=value}. */
        public static Match parse(String text) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--match takes key=value, not '" + text + "'");
            }
            return new Match(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
        }
    }

    private OtelSpans() {}

    /** Reads the GenAI spans of {@code text} (the contents of {@code fileName}) that every match selects. */
    public static List<TrafficSummary.Usage> read(String fileName, String text, List<Match> matches) throws ImportException {
        List<JsonDocuments.Document> documents = JsonDocuments.read(fileName, text,
                "OTLP JSON spans (one export request a line, or one document)");
        List<TrafficSummary.Usage> spans = new ArrayList<>();
        for (JsonDocuments.Document document : documents) {
            JsonNode request = document.json();
            if (!request.isObject() || !request.path("resourceSpans").isArray()) {
                throw new ImportException(fileName + " " + document.where() + "is not an OTLP trace export: it has no "
                        + "resourceSpans array" + (request.path("results").has("prompts")
                                ? " (it looks like promptfoo results: use `import promptfoo`)" : ""));
            }
            JsonNode resourceSpans = request.get("resourceSpans");
            for (int i = 0; i < resourceSpans.size(); i++) {
                Map<String, String> resource = attributes(resourceSpans.get(i).path("resource").path("attributes"));
                JsonNode scopes = resourceSpans.get(i).path("scopeSpans");
                for (int j = 0; j < scopes.size(); j++) {
                    JsonNode list = scopes.get(j).path("spans");
                    for (int k = 0; k < list.size(); k++) {
                        String record = document.where() + "resourceSpans[" + i + "].scopeSpans[" + j + "].spans[" + k + "]";
                        TrafficSummary.Usage span = span(fileName, record, list.get(k), resource, matches);
                        if (span != null) {
                            spans.add(span);
                        }
                    }
                }
            }
        }
        if (spans.isEmpty()) {
            throw new ImportException(fileName + " has no GenAI span" + (matches.isEmpty() ? "" : " matching "
                    + matches.stream().map(m -> m.key() + "=" + m.value()).toList())
                    + ": none with gen_ai.usage.input_tokens (or gen_ai.usage.prompt_tokens)");
        }
        return spans;
    }

    private static TrafficSummary.Usage span(String fileName, String record, JsonNode span, Map<String, String> resource,
            List<Match> matches) throws ImportException {
        Map<String, String> attributes = attributes(span.path("attributes"));
        for (Match match : matches) {
            if (!matches(match, attributes, resource)) {
                return null;
            }
        }
        String where = fileName + " " + record + " (span '" + span.path("name").asText("") + "')";
        Double input = number(where, attributes, "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens");
        if (input == null) {
            return null;
        }
        Double output = number(where, attributes, "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens");
        Double cacheRead = number(where, attributes, "gen_ai.usage.cache_read.input_tokens",
                "gen_ai.usage.cache_read_input_tokens");
        String model = attributes.getOrDefault("gen_ai.request.model", attributes.get("gen_ai.response.model"));
        JsonNode start = span.path("startTimeUnixNano");
        long startNanos;
        try {
            startNanos = Long.parseLong(start.asText());
        } catch (NumberFormatException e) {
            throw new ImportException(where + ": startTimeUnixNano is " + start + ", not a time in nanoseconds");
        }
        return new TrafficSummary.Usage(model, startNanos, 1, input, output, cacheRead, record);
    }

    private static boolean matches(Match match, Map<String, String> attributes, Map<String, String> resource) {
        for (String key : List.of(match.key(), OLDER_SPELLINGS.getOrDefault(match.key(), match.key()))) {
            String value = attributes.containsKey(key) ? attributes.get(key) : resource.get(key);
            if (match.value().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Double number(String where, Map<String, String> attributes, String key, String older)
            throws ImportException {
        String name = attributes.containsKey(key) ? key : older;
        String text = attributes.get(name);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value) || value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ImportException(where + ": " + name + " is \"" + text + "\", not a count of tokens");
        }
    }

    /** Returns OTLP key-value attributes as text: strings as written, numbers as their digits. */
    private static Map<String, String> attributes(JsonNode list) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode attribute : list) {
            JsonNode value = attribute.path("value");
            String text = null;
            for (String kind : List.of("stringValue", "intValue", "doubleValue", "boolValue")) {
                if (value.has(kind)) {
                    text = value.get(kind).asText();
                }
            }
            if (text != null && attribute.path("key").isTextual()) {
                attributes.put(attribute.get("key").asText(), text);
            }
        }
        return attributes;
    }
}
