package dev.promptwise.core.strategy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The Markdown documentation of every strategy key, kept as resources under {@value #FOLDER} (one file a key,
 * named by its {@link #docPath}), for hovers.
 */
public final class StrategyKeys {

    /** The classpath folder of the key pages. */
    public static final String FOLDER = "/dev/promptwise/core/strategy/keys/";

    private StrategyKeys() {}

    /**
     * Returns the name of a key's page: its path with the workload and model names left out and dots between,
     * ({@code ["workloads", "triage", "traffic", "requestsPerDay"]} gives {@code workloads.traffic.requestsPerDay});
     * empty for an empty path.
     */
    public static String docPath(List<String> path) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            boolean isName = i == 1 && ("workloads".equals(path.get(0)) || "models".equals(path.get(0)));
            if (isName) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(path.get(i));
        }
        return name.toString();
    }

    /**
     * Returns the Markdown documentation of the key at {@code path}; for a workload or model name, the page of
     * {@code workloads} or {@code models}. Empty when the key has no page (an unknown key).
     */
    public static Optional<String> documentation(List<String> path) {
        String name = docPath(path);
        if (name.isEmpty() || !name.matches("[A-Za-z.]+")) {
            return Optional.empty();
        }
        try (InputStream in = StrategyKeys.class.getResourceAsStream(FOLDER + name + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
