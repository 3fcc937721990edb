package dev.promptwise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.tokens.TokenCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 1: counts the same 10 MB text with Promptwise and with the npm tokenizers (tiktoken's WebAssembly build
 * and the pure-JavaScript gpt-tokenizer) in one run, checks that every count is the same and returns MB/s for each.
 */
final class TokenizerComparison {

    /** One tokenizer's figure on the shared text. */
    record Throughput(String tokenizer, int tokens, double medianMilliseconds, double megabytesPerSecond) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenizerComparison() {}

    /**
     * Returns the throughput of Promptwise's counter (fresh cache each run, so no line is ever found in it) and of
     * each npm tokenizer, in that order.
     *
     * @throws IllegalStateException when any tokenizer counts differently from tiktoken
     */
    static List<Throughput> run(Path workDirectory, Path nodeDirectory, String encoding, int runs)
            throws IOException, InterruptedException {
        String text = BenchmarkTexts.distinctLinesText(10_000_000, 7);
        double megabytes = BenchmarkTexts.utf8Bytes(text) / 1e6;
        Path textFile = workDirectory.resolve("tokenizer-text.txt");
        Files.writeString(textFile, text, StandardCharsets.UTF_8);

        List<Throughput> results = new ArrayList<>();
        // The first count loads the vocabulary and warms the JIT; it is not measured.
        int promptwiseTokens = TokenCounter.withPrivateCache(encoding, 1 << 23).count(text);
        double[] milliseconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            TokenCounter freshCounter = TokenCounter.withPrivateCache(encoding, 1 << 23);
            long start = System.nanoTime();
            int tokens = freshCounter.count(text);
            milliseconds[run] = (System.nanoTime() - start) / 1e6;
            check(tokens == promptwiseTokens, "Promptwise counted " + tokens + " then " + promptwiseTokens);
        }
        double median = new Measured(milliseconds).median();
        results.add(new Throughput("Promptwise (TokenCounter.count, empty cache)", promptwiseTokens, median,
                megabytes / (median / 1000)));

        Process node = new ProcessBuilder("node", nodeDirectory.resolve("tokenizers.mjs").toString(),
                textFile.toString(), encoding, Integer.toString(runs))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        check(node.waitFor() == 0, "node tokenizers.mjs failed");
        for (String line : output.strip().split("\n")) {
            JsonNode result = JSON.readTree(line);
            results.add(new Throughput(result.get("tokenizer").asText(), result.get("tokens").asInt(),
                    result.get("medianMs").asDouble(), result.get("megabytesPerSecond").asDouble()));
        }
        for (Throughput result : results) {
            check(result.tokens() == promptwiseTokens, result.tokenizer() + " counted " + result.tokens()
                    + " tokens where Promptwise counted " + promptwiseTokens);
        }
        return results;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
