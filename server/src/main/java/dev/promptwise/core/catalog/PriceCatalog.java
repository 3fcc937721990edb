package dev.promptwise.core.catalog;

import java.util.List;
import java.util.Optional;

/** Placeholder for the bundled price catalog, until the real one lands. */
public final class PriceCatalog {

    private PriceCatalog() {}

    /** Returns the catalog bundled with Promptwise (read from the classpath once, on first use). */
    public static PriceCatalog bundled() {
        return new PriceCatalog();
    }

    /** Returns the model that {@code id} names (exact id, alias, dated id, {@code ft:} id by base), or empty. */
    public Optional<ModelInfo> resolve(String id) {
        return Optional.empty();
    }

    /** Returns up to three catalog ids closest to {@code id}, closest first; empty when none is close. */
    public List<String> suggestions(String id) {
        return List.of();
    }

    /** Returns every model, in catalog order. */
    public List<ModelInfo> models() {
        return List.of();
    }
}
