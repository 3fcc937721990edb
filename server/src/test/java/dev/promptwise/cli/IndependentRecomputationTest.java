package dev.promptwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The cost model of docs/cost-model.md computed a second time, sharing nothing with the product but jtokkit's
 * vocabulary, and compared with {@code check --format json} on the workspaces under
 * {@code src/test/resources/recompute/}.
 *
 * <p>Each workspace's {@code recompute.yaml} is a person's reading of its prompts: which lines are a message's
 * content, which of them are few-shot examples and format rules, which model the fine-tuned alternative must use.
 * This class counts those texts with o200k_base itself, prices them from its own table below (typed from the
 * providers' price pages as collected in model-facts.md, not read from the product's catalog), and applies the
 * documented formulas. Every figure must agree within 1 %.
 */
class IndependentRecomputationTest {

    private static final double TOLERANCE = 0.01;
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    /** Prices in USD per million tokens; {@code training} is null when training is priced by time. */
    private record FineTuningPrice(Double training, double input, double cachedInput, double output) {}

    private enum Cache { OPENAI, ANTHROPIC, GOOGLE }

    private record Price(Cache cache, double input, double cachedInput, Double cacheWrite, double output,
            int cacheMinimum, FineTuningPrice fineTuning, boolean reasoning) {

        Price(Cache cache, double input, double cachedInput, Double cacheWrite, double output, int cacheMinimum,
                FineTuningPrice fineTuning) {
            this(cache, input, cachedInput, cacheWrite, output, cacheMinimum, fineTuning, false);
        }

        /** The same model, one that bills hidden reasoning tokens as output (LiteLLM's supports_reasoning). */
        Price thatReasons() {
            return new Price(cache, input, cachedInput, cacheWrite, output, cacheMinimum, fineTuning, true);
        }
    }

    /**
     * List prices as the providers published them: OpenAI's pricing page (gpt-4o, gpt-4o-mini, gpt-4.1 family,
     * o4-mini, gpt-5), Anthropic's (claude-sonnet-4, claude-sonnet-4.5, claude-haiku-4.5), Google's Gemini API
     * pricing (gemini-2.5-flash, -flash-lite: context caching at a tenth of the input price, $0.03 and $0.01, since
     * Google's 2025 change from a quarter); fine-tuning from OpenAI's fine-tuning pricing. Cache minimums:
     * OpenAI 1,024 tokens in steps of 128; Anthropic 1,024 (Sonnet) and 4,096 (Haiku 4.5); Gemini 2.5 Flash 1,024,
     * Flash-Lite 2,048. Reasoning models (hidden reasoning billed as output): the o-series, gpt-5, Claude 4 and
     * later, Gemini 2.5 (LiteLLM's supports_reasoning, 2026-07-24).
     */
    private static final Map<String, Price> PRICES = Map.ofEntries(
            Map.entry("gpt-4o", new Price(Cache.OPENAI, 2.50, 1.25, null, 10.00, 1024,
                    new FineTuningPrice(25.00, 3.75, 1.875, 15.00))),
            Map.entry("gpt-4o-mini", new Price(Cache.OPENAI, 0.15, 0.075, null, 0.60, 1024,
                    new FineTuningPrice(3.00, 0.30, 0.15, 1.20))),
            Map.entry("gpt-4.1", new Price(Cache.OPENAI, 2.00, 0.50, null, 8.00, 1024,
                    new FineTuningPrice(25.00, 3.00, 0.75, 12.00))),
            Map.entry("gpt-4.1-mini", new Price(Cache.OPENAI, 0.40, 0.10, null, 1.60, 1024,
                    new FineTuningPrice(5.00, 0.80, 0.20, 3.20))),
            Map.entry("o4-mini", new Price(Cache.OPENAI, 1.10, 0.275, null, 4.40, 1024,
                    new FineTuningPrice(null, 4.00, 1.00, 16.00)).thatReasons()),
            Map.entry("gpt-5", new Price(Cache.OPENAI, 1.25, 0.125, null, 10.00, 1024, null).thatReasons()),
            Map.entry("claude-sonnet-4-20250514", new Price(Cache.ANTHROPIC, 3.00, 0.30, 3.75, 15.00, 1024, null).thatReasons()),
            Map.entry("claude-sonnet-4.5", new Price(Cache.ANTHROPIC, 3.00, 0.30, 3.75, 15.00, 1024, null).thatReasons()),
            Map.entry("claude-haiku-4.5", new Price(Cache.ANTHROPIC, 1.00, 0.10, 1.25, 5.00, 4096, null).thatReasons()),
            Map.entry("gemini-2.5-flash", new Price(Cache.GOOGLE, 0.30, 0.03, null, 2.50, 1024, null).thatReasons()),
            Map.entry("gemini-2.5-flash-lite", new Price(Cache.GOOGLE, 0.10, 0.01, null, 0.40, 2048, null).thatReasons()));

    private static final Map<String, Double> CHANGES_PER_MONTH = Map.of(
            "daily", 30.0, "weekly", 52.0 / 12, "monthly", 1.0, "quarterly", 1.0 / 3, "yearly", 1.0 / 12);

    private static final int COLD_REQUESTS_PER_DAY = 288;

    static Stream<String> workspaces() throws IOException {
        try (Stream<Path> list = Files.list(root())) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void coversTheVendorsAndSituationsTheIssueNames() throws IOException {
        List<String> names = workspaces().toList();
        assertTrue(names.size() >= 10, "at least ten workspaces: " + names);
        Set<Cache> vendors = new TreeSet<>();
        for (String name : names) {
            for (Map<String, Object> workload : manifest(name)) {
                vendors.add(PRICES.get(model(name, workload)).cache());
            }
        }
        assertEquals(Set.of(Cache.values()), vendors);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workspaces")
    void checkAgreesWithTheDocumentedFormulas(String name) throws IOException {
        JsonNode json = check(root().resolve(name));
        List<String> problems = new ArrayList<>();
        compared.clear();
        for (Map<String, Object> workload : manifest(name)) {
            String id = (String) workload.get("name");
            JsonNode actual = workloadNode(json, id);
            Expected expected = recompute(name, workload);
            String where = name + "/" + id;
            close(problems, expected.monthly, actual.get("monthlyCostUsd"), where + " monthlyCostUsd");
            JsonNode fineTuned = actual.get("fineTuned");
            if (expected.baseModel == null) {
                if (fineTuned != null && !fineTuned.isNull()) {
                    problems.add(where + ": no fine-tuned alternative expected, got " + fineTuned);
                }
                close(problems, null, actual.get("hybridMonthlyCostUsd"), where + " hybridMonthlyCostUsd");
            } else if (fineTuned == null || fineTuned.isNull()) {
                problems.add(where + ": a fine-tuned alternative on " + expected.baseModel + " expected, got none");
            } else {
                String base = fineTuned.path("baseModel").asText(null);
                if (!expected.baseModel.equals(base)) {
                    problems.add(where + " fineTuned.baseModel: expected " + expected.baseModel + ", got " + base);
                }
                close(problems, expected.fineTunedMonthly, fineTuned.get("monthlyCostUsd"), where + " fineTuned.monthlyCostUsd");
                close(problems, expected.training, fineTuned.get("trainingCostUsd"), where + " fineTuned.trainingCostUsd");
                close(problems, expected.hybridMonthly, actual.get("hybridMonthlyCostUsd"), where + " hybridMonthlyCostUsd");
            }
            Set<String> missing = new TreeSet<>();
            actual.path("missingInputs").forEach(node -> missing.add(node.asText()));
            if (!expected.missingInputs.equals(missing)) {
                problems.add(where + " missingInputs: expected " + expected.missingInputs + ", got " + missing);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "recompute | %s | %d figures | largest deviation %.4f %%%n", name,
                compared.size(), 100 * compared.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private record Expected(Double monthly, String baseModel, Double fineTunedMonthly, Double training,
            Double hybridMonthly, Set<String> missingInputs) {}

    /** The prompt's token counts, as a person reads them. */
    private record Counts(int staticTokens, int messages, int exampleTokens, int exampleMessages, int formatTokens,
            int prefix) {}

    @SuppressWarnings("unchecked")
    private static Expected recompute(String workspace, Map<String, Object> reading) throws IOException {
        Map<String, Object> file = (Map<String, Object>) load(
                Files.readString(root().resolve(workspace).resolve("promptwise.yaml")));
        Map<String, Object> strategy = (Map<String, Object>) ((Map<String, Object>) file.get("workloads"))
                .get(reading.get("name"));
        Price price = PRICES.get((String) strategy.get("model"));
        Map<String, Object> traffic = (Map<String, Object>) strategy.getOrDefault("traffic", Map.of());
        Map<String, Object> task = (Map<String, Object>) strategy.getOrDefault("task", Map.of());
        Map<String, Object> data = (Map<String, Object>) strategy.getOrDefault("data", Map.of());
        Map<String, Object> requirements = (Map<String, Object>) strategy.getOrDefault("requirements", Map.of());

        Set<String> missing = new TreeSet<>();
        for (String key : List.of("avgInputTokens", "avgOutputTokens")) {
            if (!traffic.containsKey(key)) {
                missing.add("traffic." + key);
            }
        }
        if (price.reasoning && !traffic.containsKey("avgReasoningTokens")) {
            missing.add("traffic.avgReasoningTokens");
        }
        if (reading.get("base") != null && !data.containsKey("labeledExamples")) {
            missing.add("data.labeledExamples");
        }
        missing.addAll((List<String>) reading.getOrDefault("unpriced", List.of()));
        double requests = number(traffic.get("requestsPerDay"));
        double variable = number(traffic.get("avgInputTokens"));
        double output = number(traffic.get("avgOutputTokens")) + number(traffic.get("avgReasoningTokens"));
        Counts counts = count(workspace, reading);
        boolean strict = Boolean.TRUE.equals(reading.get("strict"));

        double monthly = perRequest(price.cache, price.input, price.cachedInput, price.cacheWrite, price.output,
                price.cacheMinimum, counts.staticTokens + 3 * counts.messages + 3, variable, output, counts.prefix,
                requests) * requests * 30;

        String base = (String) reading.get("base");
        if (base == null) {
            return new Expected(monthly, null, null, null, null, missing);
        }
        Price basePrice = PRICES.get(base);
        FineTuningPrice tuned = basePrice.fineTuning;
        int removed = counts.exampleTokens + (strict ? counts.formatTokens : 0);
        int staticTuned = counts.staticTokens - removed;
        int messagesTuned = Math.max(1, counts.messages - counts.exampleMessages);
        int prefixTuned = Math.max(0, counts.prefix - removed);
        double serving = perRequest(basePrice.cache, tuned.input, tuned.cachedInput, null, tuned.output,
                basePrice.cacheMinimum, staticTuned + 3 * messagesTuned + 3, variable, output, prefixTuned, requests)
                * requests * 30;
        double hybridServing = (6 + variable) * tuned.input / 1e6 + output * tuned.output / 1e6;
        hybridServing *= requests * 30;

        Double labeled = data.containsKey("labeledExamples") ? number(data.get("labeledExamples")) : null;
        Object frequency = requirements.get("changeFrequency");
        double changes = frequency == null ? 0 : CHANGES_PER_MONTH.getOrDefault(frequency.toString(), 0.0);
        Double training = null;
        Double hybridTraining = null;
        if (labeled != null && tuned.training != null) {
            // A training line: the fine-tuned prompt's messages plus the answer, 3 + 1 (role) each, the example's
            // input and answer (the traffic's averages), and 3 that close the example.
            double exampleContent = number(traffic.get("avgInputTokens")) + number(traffic.get("avgOutputTokens"));
            int epochs = epochs(labeled.intValue());
            training = labeled * (4 * (messagesTuned + 1) + staticTuned + exampleContent + 3) * epochs
                    * tuned.training / 1e6;
            hybridTraining = labeled * (4 * 2 + exampleContent + 3) * epochs * tuned.training / 1e6;
        }
        Double fineTunedMonthly = changes == 0 ? Double.valueOf(serving)
                : training == null ? null : serving + changes * training;
        Double hybridMonthly = changes == 0 ? Double.valueOf(hybridServing)
                : hybridTraining == null ? null : hybridServing + changes * hybridTraining;
        return new Expected(monthly, base, fineTunedMonthly, training, hybridMonthly, missing);
    }

    /** One request's price after the prompt cache's average saving, by docs/cost-model.md's "Prompt caching". */
    private static double perRequest(Cache cache, double input, double cachedInput, Double cacheWrite, double output,
            int cacheMinimum, int staticInput, double variable, double outputTokens, int prefix, double requests) {
        double cost = (staticInput + variable) * input / 1e6 + outputTokens * output / 1e6;
        int cached = 0;
        if (prefix >= cacheMinimum) {
            cached = cache == Cache.OPENAI ? cacheMinimum + 128 * ((prefix - cacheMinimum) / 128) : prefix;
        }
        cached = (int) Math.min(cached, staticInput + variable);
        if (cached == 0 || requests <= 0) {
            return cost;
        }
        double cold = Math.min(requests, COLD_REQUESTS_PER_DAY);
        double warm = requests - cold;
        double warmSaving = cached * (input - cachedInput) / 1e6;
        double coldSaving = cache == Cache.ANTHROPIC ? cached * (input - cacheWrite) / 1e6 : 0;
        double daily = warm * warmSaving + cold * coldSaving;
        return daily > 0 ? cost - daily / requests : cost;
    }

    /** OpenAI's default epochs for a dataset of {@code examples}, as its cookbook computes them. */
    private static int epochs(int examples) {
        if (examples * 3 < 100) {
            return Math.min(25, 100 / examples);
        }
        if (examples * 3 > 25_000) {
            return Math.max(1, 25_000 / examples);
        }
        return 3;
    }

    @SuppressWarnings("unchecked")
    private static Counts count(String workspace, Map<String, Object> reading) throws IOException {
        Path folder = root().resolve(workspace);
        List<String> lines = Files.readAllLines(folder.resolve((String) reading.get("prompt")));
        Pattern variable = Pattern.compile((String) reading.get("variable"));
        // What the prompt sends besides its text: tool definitions first, then each message with its file inputs
        // in their placeholders' place and its images in their references' place.
        int tools = toolTokens(folder, (Map<String, Object>) reading.get("tools"));
        Map<String, String> files = (Map<String, String>) reading.getOrDefault("files", Map.of());
        List<Map<String, Object>> images = (List<Map<String, Object>>) reading.getOrDefault("images", List.of());
        int staticTokens = tools;
        int exampleTokens = 0;
        int exampleMessages = 0;
        int formatTokens = 0;
        int prefix = tools;
        boolean prefixEnded = false;
        List<Map<String, Object>> messages = (List<Map<String, Object>>) reading.get("messages");
        for (Map<String, Object> message : messages) {
            String content = message.containsKey("text") ? (String) message.get("text")
                    : dedent(slice(lines, (String) message.get("lines")));
            for (Map.Entry<String, String> file : files.entrySet()) {
                content = content.replaceAll("\\{\\{\\s*" + file.getKey() + "\\s*\\}\\}",
                        Matcher.quoteReplacement(Files.readString(folder.resolve(file.getValue()))));
            }
            List<int[]> placed = new ArrayList<>();
            for (Map<String, Object> image : images) {
                String reference = (String) image.get("text");
                int at = content.indexOf(reference);
                if (at >= 0) {
                    content = content.substring(0, at) + content.substring(at + reference.length());
                    placed.add(new int[] {at, imageTokens(image)});
                }
            }
            Matcher first = variable.matcher(content);
            boolean hasVariable = first.find();
            int cut = hasVariable ? first.start() : content.length();
            int imagesSent = placed.stream().mapToInt(image -> image[1]).sum();
            int imagesBefore = placed.stream().filter(image -> image[0] <= cut).mapToInt(image -> image[1]).sum();
            staticTokens += tokens(variable.matcher(content).replaceAll("")) + imagesSent;
            if (!prefixEnded) {
                prefix += tokens(content.substring(0, cut)) + imagesBefore + 3;
                prefixEnded = hasVariable;
            }
            if (Boolean.TRUE.equals(message.get("example"))) {
                exampleMessages++;
                exampleTokens += tokens(content);
            }
            for (String range : (List<String>) message.getOrDefault("examples", List.of())) {
                exampleTokens += tokens(dedent(slice(lines, range)));
            }
            for (String text : (List<String>) message.getOrDefault("examples_text", List.of())) {
                assertTrue(content.contains(text), workspace + ": the example is part of its message");
                exampleTokens += tokens(text);
            }
            for (String range : (List<String>) message.getOrDefault("format", List.of())) {
                formatTokens += tokens(dedent(slice(lines, range)));
            }
        }
        return new Counts(staticTokens, messages.size(), exampleTokens, exampleMessages, formatTokens, prefix);
    }

    /**
     * The tokens of the tool definitions: OpenAI's counting from its cookbook (per function 7, the line
     * {@code name:description} without its final period, 3 for the properties, per property 3 and the line
     * {@code key:type:description}, enums −3 plus 3 and the value per item, 12 once); Anthropic's 346-token tool
     * system prompt plus the definitions' JSON as written in the reading.
     */
    @SuppressWarnings("unchecked")
    private static int toolTokens(Path folder, Map<String, Object> tools) throws IOException {
        if (tools == null) {
            return 0;
        }
        if ("anthropic".equals(tools.get("rule"))) {
            return 346 + tokens((String) tools.get("json"));
        }
        List<Map<String, Object>> definitions = new ObjectMapper().readValue(
                Files.readString(folder.resolve((String) tools.get("file"))), List.class);
        int total = 12;
        for (Map<String, Object> definition : definitions) {
            Map<String, Object> function = (Map<String, Object>) definition.get("function");
            total += 7 + tokens(function.get("name") + ":" + noFinalPeriod((String) function.get("description")));
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>)
                    ((Map<String, Object>) function.get("parameters")).get("properties");
            total += properties.isEmpty() ? 0 : 3;
            for (Map.Entry<String, Map<String, Object>> property : properties.entrySet()) {
                total += 3;
                List<String> values = (List<String>) property.getValue().get("enum");
                if (values != null) {
                    total -= 3;
                    for (String value : values) {
                        total += 3 + tokens(value);
                    }
                }
                total += tokens(property.getKey() + ":" + property.getValue().get("type") + ":"
                        + noFinalPeriod((String) property.getValue().get("description")));
            }
        }
        return total;
    }

    private static String noFinalPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * An image's tokens by its provider's published rule: OpenAI (gpt-4o) fits it in 2048 × 2048, brings the short
     * side to 768 and bills 85 plus 170 per 512-pixel tile; Anthropic bills width × height / 750. An unpriced one
     * counts nothing.
     */
    private static int imageTokens(Map<String, Object> image) {
        String rule = (String) image.get("rule");
        if ("unpriced".equals(rule)) {
            return 0;
        }
        double width = number(image.get("width"));
        double height = number(image.get("height"));
        if ("anthropic".equals(rule)) {
            return (int) Math.ceil(width * height / 750);
        }
        double fit = Math.min(1, 2048 / Math.max(width, height));
        width *= fit;
        height *= fit;
        double shorter = Math.min(1, 768 / Math.min(width, height));
        width *= shorter;
        height *= shorter;
        return 85 + 170 * (int) (Math.ceil(width / 512) * Math.ceil(height / 512));
    }

    private static String slice(List<String> lines, String range) {
        String[] bounds = range.split("-");
        int from = Integer.parseInt(bounds[0].trim());
        int to = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : from;
        return String.join("\n", lines.subList(from - 1, to));
    }

    /** Removes the indentation the lines share, as a YAML block scalar does. */
    private static String dedent(String text) {
        int indent = text.lines().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        text.lines().forEach(line -> out.append(line.length() >= indent ? line.substring(indent) : line.strip())
                .append('\n'));
        return out.toString().strip();
    }

    private static int tokens(String text) {
        return O200K.countTokensOrdinary(text);
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    /** The relative deviation of every figure compared in one workspace, printed with the test. */
    private static final List<Double> compared = new ArrayList<>();

    private static void close(List<String> problems, Double expected, JsonNode actual, String what) {
        if (expected == null) {
            if (actual != null && !actual.isNull()) {
                problems.add(what + ": expected no figure, got " + actual);
            }
            return;
        }
        if (actual == null || !actual.isNumber()) {
            problems.add(what + String.format(": recomputed %.4f, check gives %s", expected, actual));
            return;
        }
        double got = actual.asDouble();
        double scale = Math.max(Math.abs(expected), 0.01);
        compared.add(Math.abs(got - expected) / scale);
        if (Math.abs(got - expected) / scale > TOLERANCE) {
            problems.add(String.format("%s: recomputed %.4f, check says %.4f (%+.2f %%)", what, expected, got,
                    100 * (got - expected) / scale));
        }
    }

    private static JsonNode workloadNode(JsonNode json, String name) {
        for (JsonNode node : json.path("workloads")) {
            if (name.equals(node.path("name").asText())) {
                return node;
            }
        }
        throw new AssertionError("check --format json has no workload " + name + ": " + json.path("workloads"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> manifest(String workspace) throws IOException {
        Map<String, Object> root = (Map<String, Object>) load(
                Files.readString(root().resolve(workspace).resolve("recompute.yaml")));
        return (List<Map<String, Object>>) root.get("workloads");
    }

    @SuppressWarnings("unchecked")
    private static String model(String workspace, Map<String, Object> reading) throws IOException {
        Map<String, Object> strategy = (Map<String, Object>) load(
                Files.readString(root().resolve(workspace).resolve("promptwise.yaml")));
        return (String) ((Map<String, Object>) ((Map<String, Object>) strategy.get("workloads"))
                .get(reading.get("name"))).get("model");
    }

    private static Object load(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    private static JsonNode check(Path workspace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PromptwiseCli.run(new String[] {"check", "--format", "json", "--fail-on", "none"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                workspace);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        try {
            return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        try {
            return Path.of(IndependentRecomputationTest.class.getResource("/recompute").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
