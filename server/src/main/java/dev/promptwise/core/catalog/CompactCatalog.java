package dev.promptwise.core.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled catalog in the form it is read at start-up: one line per model, tab-separated, written by the build
 * ({@code server/src/build/WriteCatalog.java}) from LiteLLM's snapshot and the overlay, both of which ship beside it.
 * Reading a thousand models from it takes a few milliseconds where converting the snapshot's JSON on a cold JVM
 * takes a few hundred; {@code PriceCatalogTest} checks that it gives exactly the catalog the sources give.
 *
 * <p>Lines: {@code I} source, date; {@code P} a provider's facts; {@code F} the fine-tuned inference prices of an
 * {@code ft:<base>} entry; {@code M} a model. Empty fields are {@code null}; tabs, line breaks and backslashes in
 * texts are escaped; lists are joined with U+001F, nested records' fields with U+001E.
 */
final class CompactCatalog {

    static final String RESOURCE = "catalog.tsv";
    private static final String LIST = "\u001f";
    private static final String NESTED = "\u001e";

    private CompactCatalog() {}

    /** Writes {@code catalog} in the compact form. */
    static String write(PriceCatalog catalog) {
        StringBuilder out = new StringBuilder(catalog.models().size() * 200);
        line(out, "I", catalog.info().source(), catalog.info().asOf());
        catalog.providers().values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(provider ->
                line(out, "P", provider.id(), provider.name(), String.valueOf(provider.fineTuningThroughApi()),
                        provider.fineTuningNote(), provider.source(), provider.asOf()));
        catalog.fineTunedPrices().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                line(out, "F", entry.getKey(), fineTuning(entry.getValue())));
        for (ModelInfo model : catalog.models()) {
            ModelInfo.PriceTier tier = model.aboveThreshold();
            line(out, "M", model.id(), model.provider(), number(model.input()), number(model.cachedInput()),
                    number(model.cacheWrite()), number(model.output()), String.valueOf(model.contextWindow()),
                    String.valueOf(model.maxOutput()), model.encoding(), String.valueOf(model.exactTokens()),
                    model.fineTuning() == null ? null : fineTuning(model.fineTuning()),
                    model.aliases().isEmpty() ? null : String.join(LIST, model.aliases()), model.source(),
                    model.asOf(),
                    tier == null ? null : String.join(NESTED, String.valueOf(tier.thresholdTokens()),
                            number(tier.input()), orEmpty(number(tier.cachedInput())), number(tier.output())),
                    model.note(), model.cacheMinTokens() == null ? null : String.valueOf(model.cacheMinTokens()),
                    String.valueOf(model.reasoning()), model.deprecationDate(), model.successor());
        }
        return out.toString();
    }

    /**
     * Reads the compact form.
     *
     * @throws IllegalArgumentException when a line is not of the form {@link #write} writes
     */
    static PriceCatalog read(String text) {
        List<ModelInfo> models = new ArrayList<>(1024);
        Map<String, ProviderInfo> providers = new HashMap<>();
        Map<String, ModelInfo.FineTuning> fineTuned = new HashMap<>();
        PriceCatalog.CatalogInfo info = null;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                String[] f = fields(text, start, end);
                switch (f[0]) {
                    case "I" -> info = new PriceCatalog.CatalogInfo(f[1], f[2], 0);
                    case "P" -> providers.put(f[1], new ProviderInfo(f[1], f[2], Boolean.parseBoolean(f[3]), f[4],
                            f[5], f[6]));
                    case "F" -> fineTuned.put(f[1], fineTuning(f[2]));
                    case "M" -> models.add(new ModelInfo(f[1], f[2], Double.parseDouble(f[3]), decimal(f[4]),
                            decimal(f[5]), Double.parseDouble(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                            f[9], Boolean.parseBoolean(f[10]), f[11] == null ? null : fineTuning(f[11]),
                            f[12] == null ? List.of() : Arrays.asList(f[12].split(LIST, -1)), f[13], f[14],
                            tier(f[15]), f[16], f[17] == null ? null : Integer.valueOf(f[17]),
                            Boolean.parseBoolean(f[18]), f[19], f[20]));
                    default -> throw new IllegalArgumentException("Unknown line kind " + f[0] + " in " + RESOURCE);
                }
            }
            start = end + 1;
        }
        return new PriceCatalog(models, null, providers, fineTuned, info, null);
    }

    private static void line(StringBuilder out, String kind, String... values) {
        out.append(kind);
        for (String value : values) {
            out.append('\t');
            if (value != null) {
                escape(out, value);
            }
        }
        out.append('\n');
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** Splits one line into its fields, unescaped; an empty field is {@code null}. */
    private static String[] fields(String text, int start, int end) {
        List<String> fields = new ArrayList<>(22);
        StringBuilder field = new StringBuilder();
        boolean escaped = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (escaped) {
                field.append(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '\t') {
                fields.add(field.length() == 0 ? null : field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.length() == 0 ? null : field.toString());
        return fields.toArray(String[]::new);
    }

    private static String fineTuning(ModelInfo.FineTuning tuning) {
        return String.join(NESTED, orEmpty(number(tuning.training())), number(tuning.input()),
                orEmpty(number(tuning.cachedInput())), number(tuning.output()), orEmpty(tuning.note()),
                orEmpty(number(tuning.trainingPerHour())), orEmpty(tuning.baseModel()),
                String.join(",", tuning.methods()), orEmpty(tuning.source()), orEmpty(tuning.asOf()));
    }

    private static ModelInfo.FineTuning fineTuning(String text) {
        String[] f = text.split(NESTED, -1);
        return new ModelInfo.FineTuning(decimal(f[0]), Double.parseDouble(f[1]), decimal(f[2]),
                Double.parseDouble(f[3]), nullIfEmpty(f[4]), decimal(f[5]), nullIfEmpty(f[6]),
                f[7].isEmpty() ? List.of() : Arrays.asList(f[7].split(",")), nullIfEmpty(f[8]), nullIfEmpty(f[9]));
    }

    private static ModelInfo.PriceTier tier(String text) {
        if (text == null) {
            return null;
        }
        String[] f = text.split(NESTED, -1);
        return new ModelInfo.PriceTier(Integer.parseInt(f[0]), Double.parseDouble(f[1]), decimal(f[2]),
                Double.parseDouble(f[3]));
    }

    private static String number(Double value) {
        return value == null ? null : Double.toString(value);
    }

    private static Double decimal(String text) {
        return text == null || text.isEmpty() ? null : Double.valueOf(text);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String nullIfEmpty(String text) {
        return text.isEmpty() ? null : text;
    }
}
