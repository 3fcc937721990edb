package dev.promptwise.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.testing.Expect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Compares the shipped catalog with pydantic's genai-prices (MIT; the entries of the compared models are copied with
 * its licence under {@code src/test/resources/genai-prices/}) for the common models, and keeps the disagreements in
 * docs/pricing.md's "Cross-check with genai-prices" table. It does not fail on a disagreement, only on a table
 * that no longer says what the comparison finds: rewrite it with {@code -Dpromptwise.updateExpect=true} and read
 * the diff.
 */
class GenaiPricesCrossCheckTest {

    private static final Path PRICING_PAGE = Path.of("..", "docs", "pricing.md");
    private static final String START = "<!-- cross-check:start -->\n";
    private static final String END = "<!-- cross-check:end -->";
    /** The common models compared: the overlay's models of OpenAI, Anthropic and Google, and a few older ones. */
    private static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini",
            "gpt-4.1-nano", "o3", "o3-mini", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-4", "gpt-3.5-turbo",
            "text-embedding-3-small", "gpt-4o-2024-05-13", "claude-sonnet-4-20250514", "claude-3-7-sonnet-20250219",
            "claude-opus-4-1-20250805", "claude-sonnet-4.5", "claude-haiku-4.5", "claude-opus-4.5", "gemini-2.5-flash",
            "gemini-2.5-flash-lite", "gemini-2.5-pro", "gemini-2.0-flash");

    @Test
    void theDisagreementsWithGenaiPricesAreTheOnesDocsPricingListsAndFew() throws IOException {
        JsonNode genai;
        try (InputStream stream = getClass().getResourceAsStream("/genai-prices/data-subset.json")) {
            genai = new ObjectMapper().readTree(stream);
        }
        StringBuilder table = new StringBuilder("| model | field | LiteLLM (shipped) | genai-prices | genai-prices entry |\n"
                + "| --- | --- | ---: | ---: | --- |\n");
        int compared = 0;
        int disagreements = 0;
        for (String id : MODELS) {
            ModelInfo ours = PriceCatalog.bundled().resolve(id).orElseThrow(() -> new AssertionError(id));
            JsonNode theirs = find(genai, ours);
            if (theirs == null) {
                table.append("| ").append(id).append(" | (all) | priced | not matched | – |\n");
                disagreements++;
                continue;
            }
            compared++;
            JsonNode prices = current(theirs.get("prices"));
            String[][] fields = {{"input", "input_mtok"}, {"cached input", "cache_read_mtok"},
                {"output", "output_mtok"}};
            Double[] mine = {ours.input(), ours.cachedInput(), ours.output()};
            for (int i = 0; i < fields.length; i++) {
                Double other = base(prices.get(fields[i][1]));
                if (other == null || mine[i] == null) {
                    continue;
                }
                if (Math.abs(other - mine[i]) > 1e-9) {
                    disagreements++;
                    table.append("| ").append(id).append(" | ").append(fields[i][0]).append(" | ")
                            .append(dollars(mine[i])).append(" | ").append(dollars(other)).append(" | ")
                            .append(theirs.get("id").asText()).append(" |\n");
                }
            }
        }
        table.append("\n").append(compared).append(" of ").append(MODELS.size()).append(" models matched, ")
                .append(disagreements).append(" figure").append(disagreements == 1 ? "" : "s").append(" differ.\n");
        assertTrue(compared >= 20, "twenty common models at least are compared");

        String page = Files.readString(PRICING_PAGE, StandardCharsets.UTF_8);
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        assertTrue(start >= 0 && end > start, "docs/pricing.md keeps the table between the cross-check markers");
        String written = page.substring(start + START.length(), end);
        if (Expect.updateRequested()) {
            Files.writeString(PRICING_PAGE, page.substring(0, start + START.length()) + table + page.substring(end),
                    StandardCharsets.UTF_8);
        } else {
            assertEquals(table.toString(), written, "docs/pricing.md's cross-check table is out of date: rerun with"
                    + " -Dpromptwise.updateExpect=true and read the diff");
        }
    }

    /** The genai-prices model whose match rule accepts the model's id or one of its aliases. */
    private static JsonNode find(JsonNode genai, ModelInfo model) {
        List<String> names = new ArrayList<>();
        names.add(model.id());
        names.addAll(model.aliases());
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (JsonNode provider : genai.get("providers")) {
                for (JsonNode candidate : provider.get("models")) {
                    if (matches(candidate.get("match"), lower)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }

    /** genai-prices' match clauses: equals, starts_with, ends_with, contains, regex, or, and. */
    private static boolean matches(JsonNode rule, String name) {
        var fields = rule.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode value = field.getValue();
            boolean result = switch (field.getKey()) {
                case "or" -> {
                    boolean any = false;
                    for (JsonNode part : value) {
                        any |= matches(part, name);
                    }
                    yield any;
                }
                case "and" -> {
                    boolean all = true;
                    for (JsonNode part : value) {
                        all &= matches(part, name);
                    }
                    yield all;
                }
                case "equals" -> name.equals(value.asText());
                case "starts_with" -> name.startsWith(value.asText());
                case "ends_with" -> name.endsWith(value.asText());
                case "contains" -> name.contains(value.asText());
                case "regex" -> java.util.regex.Pattern.compile(value.asText()).matcher(name).find();
                default -> throw new AssertionError("unknown match clause " + field.getKey());
            };
            if (!result) {
                return false;
            }
        }
        return true;
    }

    /** The prices in force: the one set, or of a list the one with the latest {@code start_date}. */
    private static JsonNode current(JsonNode prices) {
        if (!prices.isArray()) {
            return prices;
        }
        JsonNode latest = null;
        String latestDate = "";
        for (JsonNode entry : prices) {
            String date = entry.at("/constraint/start_date").asText("");
            if (latest == null || date.compareTo(latestDate) > 0) {
                latest = entry.get("prices");
                latestDate = date;
            }
        }
        return latest;
    }

    private static Double base(JsonNode price) {
        if (price == null || price.isNull()) {
            return null;
        }
        return price.isNumber() ? price.asDouble() : price.path("base").isNumber() ? price.get("base").asDouble() : null;
    }

    private static String dollars(double perMillion) {
        return String.format(Locale.ROOT, "$%s", java.math.BigDecimal.valueOf(perMillion).stripTrailingZeros()
                .toPlainString());
    }
}
