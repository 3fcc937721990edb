package dev.promptwise.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measured usage, whatever file it came from (a span, a daily bucket of a provider's usage export, an observation),
 * and the traffic it adds up to: requests per UTC calendar day from the first record's to the last's, both
 * included, and the mean input and output tokens of a request.
 */
public final class TrafficSummary {

    /**
     * One record of usage.
     *
     * @param requests how many requests it counts (1 for a span; a bucket's {@code num_model_requests})
     * @param inputTokens all its requests' input tokens
     * @param outputTokens all its requests' output tokens, or {@code null} when not recorded
     * @param cacheReadTokens the input tokens read from cache, or {@code null} when not recorded
     * @param record where it was read, for messages ({@code line 3: resourceSpans[0].scopeSpans[0].spans[2]})
     */
    public record Usage(String model, long startNanos, long requests, double inputTokens, Double outputTokens,
            Double cacheReadTokens, String record) {}

    /**
     * The traffic the records show.
     *
     * @param days the UTC calendar days from the first record's to the last's, both included
     * @param cachedShare the share of input tokens read from cache, or {@code null} when no record says
     */
    public record Traffic(String model, long requests, long days, LocalDate first, LocalDate last,
            double avgInputTokens, Double avgOutputTokens, Double cachedShare) {

        public double requestsPerDay() {
            return (double) requests / days;
        }
    }

    private TrafficSummary() {}

    /**
     * Returns the traffic of {@code usage}, which must all be of one model.
     *
     * @param what what the records are, for messages ({@code spans}, {@code buckets})
     * @throws ImportException naming the models, how many records each has and where the first of each is
     */
    public static Traffic summarise(String fileName, String what, List<Usage> usage) throws ImportException {
        Map<String, Long> models = new TreeMap<>();
        Map<String, String> firstRecord = new TreeMap<>();
        for (Usage each : usage) {
            String model = each.model() == null ? "(no model)" : each.model();
            models.merge(model, 1L, Long::sum);
            firstRecord.putIfAbsent(model, each.record());
        }
        if (models.size() > 1) {
            List<String> described = new ArrayList<>();
            models.forEach((model, count) -> described.add(model + ": " + count + " " + (count == 1
                    ? what.substring(0, what.length() - 1) : what) + ", the first at " + firstRecord.get(model)));
            throw new ImportException(fileName + " has " + what + " of several models (" + String.join("; ", described)
                    + "); a workload has one: select its " + what + " with --match " + modelKey(what) + "=MODEL");
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long requests = 0;
        double input = 0;
        double output = 0;
        double cached = 0;
        long withOutput = 0;
        boolean anyCache = false;
        for (Usage each : usage) {
            first = Math.min(first, each.startNanos());
            last = Math.max(last, each.startNanos());
            requests += each.requests();
            input += each.inputTokens();
            if (each.outputTokens() != null) {
                output += each.outputTokens();
                withOutput += each.requests();
            }
            if (each.cacheReadTokens() != null) {
                cached += each.cacheReadTokens();
                anyCache = true;
            }
        }
        if (requests == 0) {
            throw new ImportException(fileName + ": its " + what + " count no request");
        }
        LocalDate firstDay = day(first);
        LocalDate lastDay = day(last);
        long days = lastDay.toEpochDay() - firstDay.toEpochDay() + 1;
        return new Traffic(usage.get(0).model(), requests, days, firstDay, lastDay, input / requests,
                withOutput == 0 ? null : output / withOutput, anyCache && input > 0 ? cached / input : null);
    }

    private static String modelKey(String what) {
        return what.equals("spans") ? "gen_ai.request.model" : "model";
    }

    private static LocalDate day(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
