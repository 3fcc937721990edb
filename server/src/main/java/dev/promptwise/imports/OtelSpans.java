package dev.promptwise.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * One GenAI span.
     *
     * @param record where it was read, for messages ({@code line 3: resourceSpans[0].scopeSpans[0].spans[2]})
     */
    public record Span(String model, long startNanos, double inputTokens, Double outputTokens, Double cacheReadTokens,
            String record) {}

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

    /**
     * The traffic the spans show.
     *
     * @param days the UTC calendar days from the first span's to the last's, both included
     * @param cachedShare the share of input tokens read from cache, or {@code null} when no span says
     * @param withOutput how many spans gave output tokens
     */
    public record Traffic(String model, int requests, long days, LocalDate first, LocalDate last,
            double avgInputTokens, Double avgOutputTokens, Double cachedShare, int withOutput) {

        public double requestsPerDay() {
            return (double) requests / days;
        }
    }

    private OtelSpans() {}

    /** Reads the GenAI spans of {@code text} (the contents of {@code fileName}) that every match selects. */
    public static List<Span> read(String fileName, String text, List<Match> matches) throws ImportException {
        if (text.isBlank()) {
            throw new ImportException(fileName + " is empty: expected OTLP JSON spans (one export request a line, "
                    + "or one document)");
        }
        // Trailing tokens fail the whole-document read, so that a file of one request a line is read line by line.
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        List<JsonNode> requests = new ArrayList<>();
        List<String> where = new ArrayList<>();
        try {
            requests.add(mapper.readTree(text));
            where.add("");
        } catch (JsonProcessingException whole) {
            String[] lines = text.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    requests.add(mapper.readTree(lines[i]));
                    where.add("line " + (i + 1) + ": ");
                } catch (JsonProcessingException e) {
                    throw new ImportException(fileName + " line " + (i + 1) + " is not JSON: " + e.getOriginalMessage());
                }
            }
        }
        List<Span> spans = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            JsonNode request = requests.get(r);
            if (!request.isObject() || !request.path("resourceSpans").isArray()) {
                throw new ImportException(fileName + " " + where.get(r) + "is not an OTLP trace export: it has no "
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
                        String record = where.get(r) + "resourceSpans[" + i + "].scopeSpans[" + j + "].spans[" + k + "]";
                        Span span = span(fileName, record, list.get(k), resource, matches);
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

    /**
     * Returns the traffic of {@code spans}, which must all be of one model.
     *
     * @throws ImportException naming the models and how many spans each has
     */
    public static Traffic summarise(String fileName, List<Span> spans) throws ImportException {
        Map<String, Integer> models = new TreeMap<>();
        Map<String, String> firstRecord = new TreeMap<>();
        for (Span span : spans) {
            String model = span.model() == null ? "(no model)" : span.model();
            models.merge(model, 1, Integer::sum);
            firstRecord.putIfAbsent(model, span.record());
        }
        if (models.size() > 1) {
            List<String> described = new ArrayList<>();
            models.forEach((model, count) -> described.add(model + ": " + count + " span" + (count == 1 ? "" : "s")
                    + ", the first at " + firstRecord.get(model)));
            throw new ImportException(fileName + " has spans of several models (" + String.join("; ", described)
                    + "); a workload has one: select its spans with --match gen_ai.request.model=MODEL");
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        double input = 0;
        double output = 0;
        double cached = 0;
        int withOutput = 0;
        boolean anyCache = false;
        for (Span span : spans) {
            first = Math.min(first, span.startNanos());
            last = Math.max(last, span.startNanos());
            input += span.inputTokens();
            if (span.outputTokens() != null) {
                output += span.outputTokens();
                withOutput++;
            }
            if (span.cacheReadTokens() != null) {
                cached += span.cacheReadTokens();
                anyCache = true;
            }
        }
        LocalDate firstDay = day(first);
        LocalDate lastDay = day(last);
        long days = lastDay.toEpochDay() - firstDay.toEpochDay() + 1;
        return new Traffic(spans.get(0).model(), spans.size(), days, firstDay, lastDay, input / spans.size(),
                withOutput == 0 ? null : output / withOutput, anyCache && input > 0 ? cached / input : null,
                withOutput);
    }

    private static LocalDate day(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Span span(String fileName, String record, JsonNode span, Map<String, String> resource,
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
        return new Span(model, startNanos, input, output, cacheRead, record);
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
