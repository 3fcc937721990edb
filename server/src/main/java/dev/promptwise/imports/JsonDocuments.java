package dev.promptwise.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** The JSON documents of a file: the whole file as one, or one a line (JSON Lines, a collector's file exporter). */
final class JsonDocuments {

    /**
     * A document and where it is.
     *
     * @param where {@code ""} for a whole-file document, else {@code "line N: "}
     */
    record Document(JsonNode json, String where) {}

    private JsonDocuments() {}

    /**
     * Reads {@code text}, the contents of {@code fileName}.
     *
     * @param expected what the file should hold, for the message about an empty file
     */
    static List<Document> read(String fileName, String text, String expected) throws ImportException {
        if (text.isBlank()) {
            throw new ImportException(fileName + " is empty: expected " + expected);
        }
        // Trailing tokens fail the whole-document read, so that a file of one document a line is read line by line.
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try {
            return List.of(new Document(mapper.readTree(text), ""));
        } catch (JsonProcessingException whole) {
            List<Document> documents = new ArrayList<>();
            String[] lines = text.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    documents.add(new Document(mapper.readTree(lines[i]), "line " + (i + 1) + ": "));
                } catch (JsonProcessingException e) {
                    throw new ImportException(fileName + " line " + (i + 1) + " is not JSON: " + e.getOriginalMessage());
                }
            }
            return documents;
        }
    }

    /** Reads a count that may be written as a number or a string; {@code null} when absent or null. */
    static Double count(String where, JsonNode node, String field) throws ImportException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            double number = value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText().strip());
            if (!Double.isFinite(number) || number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ImportException(where + ": " + field + " is " + value + ", not a count");
        }
    }
}
