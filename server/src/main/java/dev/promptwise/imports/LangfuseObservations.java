package dev.promptwise.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Langfuse observations export: JSON (an array, the API's {@code {"data": [...]}}, or one observation a
 * line) or CSV with a header row. A generation's {@code model}, {@code startTime}, {@code usageDetails}
 * ({@code input}, {@code output}, and any key naming tokens read from cache) and {@code promptName} are read; the
 * older {@code usage} object and {@code promptTokens}/{@code completionTokens} too. Observations of another type
 * (spans, events) and those with no input usage are not requests and are skipped. The usage is grouped by
 * {@code promptName}, which binds to a workload.
 */
public final class LangfuseObservations {

    private LangfuseObservations() {}

    /** Returns the usage of {@code text} (the contents of {@code fileName}) by prompt name ({@code ""} for none). */
    public static Map<String, List<TrafficSummary.Usage>> read(String fileName, String text,
            List<OtelSpans.Match> matches) throws ImportException {
        List<JsonNode> observations = new ArrayList<>();
        List<String> records = new ArrayList<>();
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            for (JsonDocuments.Document document : JsonDocuments.read(fileName, text, "a Langfuse observations export")) {
                JsonNode json = document.json();
                JsonNode list = json.isArray() ? json : json.path("data").isArray() ? json.get("data") : null;
                if (list == null) {
                    if (json.has("resourceSpans")) {
                        throw new ImportException(fileName + " holds OpenTelemetry spans: use `import otel`");
                    }
                    if (json.has("startTime") || json.has("model")) {
                        list = JsonNodeFactory.instance.arrayNode().add(json);
                    } else {
                        throw new ImportException(fileName + " " + document.where() + "is not a Langfuse observations "
                                + "export: no array of observations, no data[]");
                    }
                }
                for (int i = 0; i < list.size(); i++) {
                    observations.add(list.get(i));
                    records.add(document.where() + (json.isArray() || json.has("data") ? "[" + i + "]" : ""));
                }
            }
        } else if (trimmed.isEmpty()) {
            throw new ImportException(fileName + " is empty: expected a Langfuse observations export (JSON or CSV)");
        } else {
            readCsv(fileName, text, observations, records);
        }
        Map<String, List<TrafficSummary.Usage>> byPrompt = new LinkedHashMap<>();
        for (int i = 0; i < observations.size(); i++) {
            JsonNode observation = observations.get(i);
            String record = fileName + " " + records.get(i);
            if (!observation.isObject()) {
                throw new ImportException(record + " is not an observation object");
            }
            String type = observation.path("type").asText("GENERATION");
            if (!type.isEmpty() && !type.equalsIgnoreCase("GENERATION")) {
                continue;
            }
            if (!selected(observation, matches)) {
                continue;
            }
            JsonNode usage = usageDetails(record, observation);
            Double input = first(record, usage, observation, "input", "promptTokens");
            if (input == null) {
                continue;
            }
            Double output = first(record, usage, observation, "output", "completionTokens");
            Double cached = null;
            for (Iterator<String> keys = usage.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (key.contains("cache_read") || key.contains("cached")) {
                    Double value = JsonDocuments.count(record + ".usageDetails", usage, key);
                    cached = value == null ? cached : (cached == null ? 0 : cached) + value;
                }
            }
            String start = observation.path("startTime").asText("");
            long startNanos;
            try {
                Instant instant = OffsetDateTime.parse(start).toInstant();
                startNanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
            } catch (DateTimeParseException e) {
                throw new ImportException(record + ": startTime is \"" + start + "\", not an ISO-8601 time");
            }
            String model = observation.path("model").asText("");
            String promptName = observation.path("promptName").asText("");
            byPrompt.computeIfAbsent(promptName, p -> new ArrayList<>()).add(new TrafficSummary.Usage(
                    model.isEmpty() ? null : model, startNanos, 1, input, output, cached, records.get(i)));
        }
        if (byPrompt.isEmpty()) {
            throw new ImportException(fileName + " has no generation with input usage" + (matches.isEmpty() ? ""
                    : " matching " + matches.stream().map(m -> m.key() + "=" + m.value()).toList()));
        }
        return byPrompt;
    }

    /** Returns {@code usageDetails} (or the older {@code usage}) as an object; CSV cells hold it as JSON text. */
    private static JsonNode usageDetails(String record, JsonNode observation) throws ImportException {
        for (String field : List.of("usageDetails", "usage")) {
            JsonNode value = observation.path(field);
            if (value.isTextual() && !value.asText().isBlank()) {
                try {
                    value = new ObjectMapper().readTree(value.asText());
                } catch (JsonProcessingException e) {
                    throw new ImportException(record + ": " + field + " is not JSON: " + value.asText());
                }
            }
            if (value.isObject()) {
                return value;
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static Double first(String record, JsonNode usage, JsonNode observation, String key, String older)
            throws ImportException {
        Double value = JsonDocuments.count(record + ".usageDetails", usage, key);
        return value != null ? value : JsonDocuments.count(record, observation, older);
    }

    private static boolean selected(JsonNode observation, List<OtelSpans.Match> matches) {
        for (OtelSpans.Match match : matches) {
            if (!match.value().equals(observation.path(match.key()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** Reads RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line breaks. */
    private static void readCsv(String fileName, String text, List<JsonNode> observations, List<String> records)
            throws ImportException {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                    lines.add(rowLine);
                }
                row = new ArrayList<>();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new ImportException(fileName + " line " + rowLine + ": a quoted CSV cell is not closed");
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
            lines.add(rowLine);
        }
        List<String> header = rows.get(0);
        if (!header.contains("startTime") || !(header.contains("usageDetails") || header.contains("usage")
                || header.contains("promptTokens"))) {
            throw new ImportException(fileName + " is not a Langfuse observations export: its first line has no "
                    + "startTime and usageDetails columns");
        }
        for (int r = 1; r < rows.size(); r++) {
            if (rows.get(r).size() != header.size()) {
                throw new ImportException(fileName + " line " + lines.get(r) + ": " + rows.get(r).size()
                        + " cells, the header has " + header.size());
            }
            ObjectNode observation = JsonNodeFactory.instance.objectNode();
            for (int c = 0; c < header.size(); c++) {
                if (!rows.get(r).get(c).isEmpty()) {
                    observation.put(header.get(c), rows.get(r).get(c));
                }
            }
            observations.add(observation);
            records.add("line " + lines.get(r));
        }
    }
}
