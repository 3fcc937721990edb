package dev.promptwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every figure that a factor's reason quotes is a figure of the JSON output, read back from the text: the money of
 * cost at scale and request volume, the break-even days and the request count. Checked on the samples and on one
 * prompt at traffic from two requests a day to two million.
 */
class ReasonFiguresTest {

    private static final Pattern MONEY = Pattern.compile("\\$([0-9,]+(?:\\.[0-9]+)?)");
    private static final Pattern REQUESTS = Pattern.compile("^([0-9,]+(?:\\.[0-9])?) requests a day");
    private static final Pattern DAYS = Pattern.compile("in ([0-9,]+) days?\\b");

    @TempDir
    Path workspace;

    @Test
    void theSamplesReasonsQuoteTheirJsonFigures() throws Exception {
        JsonNode report = check(Path.of("..").toAbsolutePath().normalize(), "samples");
        assertTrue(checkWorkloads(report) >= 2, "the samples price at least two fine-tuned alternatives");
    }

    @Test
    void reasonsQuoteTheJsonFiguresAtEveryTrafficLevel() throws Exception {
        Files.createDirectories(workspace.resolve("prompts"));
        Files.copy(Path.of("..").toAbsolutePath().normalize().resolve("samples/prompts/triage.prompty"),
                workspace.resolve("prompts/triage.prompty"));
        StringBuilder strategy = new StringBuilder("version: 1\nworkloads:\n");
        // gpt-4o-mini's fine-tuned prices make fine-tuning cost more; gpt-4o's shorter prompt pays back.
        for (String model : new String[] {"gpt-4o-mini", "gpt-4o"}) {
            for (int requests : new int[] {2, 500, 5_000, 30_000, 250_000, 2_000_000}) {
                strategy.append("  at-").append(requests).append("-").append(model).append(":\n")
                        .append("    prompt: prompts/triage.prompty\n    model: ").append(model).append("\n")
                        .append("    traffic: { requestsPerDay: ").append(requests)
                        .append(", avgInputTokens: 120, avgOutputTokens: 60 }\n")
                        .append("    task: { domain: general, outputFormat: json }\n")
                        .append("    data: { labeledExamples: 3000 }\n");
            }
        }
        Files.writeString(workspace.resolve("promptwise.yaml"), strategy.toString());
        JsonNode report = check(workspace, ".");
        assertEquals(12, checkWorkloads(report));
    }

    /** Checks every workload's reasons against its JSON figures; returns how many had a fine-tuned outlook. */
    private static int checkWorkloads(JsonNode report) {
        int priced = 0;
        for (JsonNode workload : report.get("workloads")) {
            String name = workload.get("name").asText();
            JsonNode tuned = workload.get("fineTuned");
            boolean hasOutlook = tuned != null && tuned.isObject() && tuned.get("monthlyCostUsd").isNumber()
                    && tuned.get("trainingCostUsd").isNumber() && workload.get("monthlyCostUsd").isNumber();
            String cost = reason(workload, "cost-at-scale");
            String volume = reason(workload, "request-volume");
            if (!hasOutlook) {
                assertFalse(MONEY.matcher(cost).find(), name + ": no outlook, no figure: " + cost);
                assertFalse(MONEY.matcher(volume).find(), name + ": " + volume);
                continue;
            }
            priced++;
            double now = workload.get("monthlyCostUsd").asDouble();
            double fineTuned = tuned.get("monthlyCostUsd").asDouble();
            double training = tuned.get("trainingCostUsd").asDouble();
            // Cost at scale quotes, in order: the fine-tuned monthly cost, the prompt-only one, the training.
            List<String> quoted = money(cost);
            assertEquals(3, quoted.size(), name + ": " + cost);
            assertShows(fineTuned, quoted.get(0), name + ": " + cost);
            assertShows(now, quoted.get(1), name + ": " + cost);
            assertShows(training, quoted.get(2), name + ": " + cost);
            JsonNode breakEven = tuned.get("breakEvenDays");
            Matcher days = DAYS.matcher(cost);
            if (days.find()) {
                assertTrue(breakEven.isNumber(), name + ": " + cost);
                assertEquals((long) Math.ceil(breakEven.asDouble()), Long.parseLong(days.group(1).replace(",", "")),
                        name + ": " + cost);
            } else if (cost.contains("less than a day")) {
                assertTrue(breakEven.asDouble() < 1, name + ": " + cost);
            }
            // Request volume quotes the saving or the extra cost: the difference of the two monthly costs.
            for (String figure : money(volume)) {
                assertShows(Math.abs(now - fineTuned), figure, name + ": " + volume);
            }
            Matcher requests = REQUESTS.matcher(volume);
            assertTrue(requests.find(), volume);
            double perDay = now / workload.get("costPerRequestUsd").asDouble() / 30;
            assertEquals(perDay, Double.parseDouble(requests.group(1).replace(",", "")), 0.5, name + ": " + volume);
        }
        return priced;
    }

    private static String reason(JsonNode workload, String factor) {
        for (JsonNode assessment : workload.get("factors")) {
            if (assessment.get("factor").asText().equals(factor)) {
                return assessment.get("reason").asText();
            }
        }
        throw new AssertionError("no " + factor + " in " + workload);
    }

    private static List<String> money(String text) {
        List<String> figures = new ArrayList<>();
        Matcher matcher = MONEY.matcher(text);
        while (matcher.find()) {
            figures.add(matcher.group(1).replace(",", ""));
        }
        return figures;
    }

    /** Asserts that {@code shown} is {@code value} written to the precision it shows (half a unit of its last digit). */
    private static void assertShows(double value, String shown, String where) {
        BigDecimal written = new BigDecimal(shown);
        double halfUnit = Math.pow(10, -written.scale()) / 2;
        assertEquals(value, written.doubleValue(), halfUnit + 1e-12, where);
    }

    private static JsonNode check(Path root, String folder) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PromptwiseCli.run(new String[] {"check", "--format", "json", "--fail-on", "none", folder},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8), root);
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
