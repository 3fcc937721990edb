package dev.promptwise.io;

import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlReader;
import dev.promptwise.core.yaml.YamlValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the extra price catalog that the setting {@code pricing.file} names: JSON or YAML, in the overlay's shape
 * ({@code models: [{id: …}]}), as a mapping from model id to its prices, as the strategy file's {@code models:}
 * section writes them, or as LiteLLM's {@code model_prices_and_context_window.json} as it is (a LiteLLM proxy's own
 * file: prices per token, {@code litellm_provider}…). Each entry overrides the shipped one field by field.
 */
public final class PricingFiles {

    /** Larger catalogs are refused: LiteLLM's whole file, 3,000 models, is 1.5 MB. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private PricingFiles() {}

    /**
     * Returns {@code bundled} with the file's entries applied.
     *
     * @throws IOException when the file cannot be read, is too large, or is not a catalog; the message says why
     */
    public static PriceCatalog apply(PriceCatalog bundled, Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        String text = Files.readString(file);
        try {
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".json")) {
                return bundled.withOverrides(PriceCatalog.parse(text));
            }
            YamlDocument yaml = YamlReader.read(text);
            if (!yaml.problems().isEmpty() || !(YamlValues.toJava(yaml.root()) instanceof Map<?, ?> map)) {
                throw new IOException(file + " is not a YAML mapping of models"
                        + (yaml.problems().isEmpty() ? "" : ": " + yaml.problems().get(0).message()));
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> entries = (Map<String, ?>) map;
            return bundled.withOverrides(PriceCatalog.fromMapping(entries));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
