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
 * Reads the extra price catalog that the setting {@code pricing.file} names: JSON or YAML, either in the bundled
 * catalog's shape ({@code models: [{id: …}]}) or as a mapping from model id to its prices, as the strategy file's
 * {@code models:} section writes them.
 */
public final class PricingFiles {

    /** Larger catalogs are refused: no price list comes near this size. */
    static final long MAX_BYTES = 1024 * 1024;

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
