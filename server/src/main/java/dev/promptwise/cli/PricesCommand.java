package dev.promptwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptwise.core.catalog.LiteLlmFormat;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.catalog.PriceChanges;
import dev.promptwise.core.cost.Money;
import dev.promptwise.io.WorkspaceCatalogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code promptwise prices}: the price catalog's commands; {@code update} is the only one. */
@Command(name = "prices", mixinStandardHelpOptions = true,
        description = "The price catalog: `prices update --from FILE|URL` writes a newer one for this workspace.",
        subcommands = PricesCommand.Update.class)
final class PricesCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code promptwise prices update --from FILE|URL [--dry-run] [--force]}: reads a LiteLLM price file, checks it,
     * prints what changes against the catalog in use, refuses a suspicious one unless forced, and writes it (its
     * chat, completion, responses and embedding entries, with the fields Promptwise reads) as
     * {@code .promptwise/prices-<day>.json}, which the editor and {@code check} then use. The only place where
     * Promptwise reaches the network, and only for a URL given here.
     */
    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Write a newer price catalog for this workspace from LiteLLM's "
                    + "model_prices_and_context_window.json (a file, or an http(s) URL given explicitly).")
    static final class Update implements Callable<Integer> {

        /** The largest price file read: LiteLLM's whole file is 1.5 MB. */
        static final long MAX_BYTES = 32L * 1024 * 1024;
        private static final ObjectMapper MAPPER = new ObjectMapper();
        /** How many lines of each kind of change are printed before "and N more". */
        private static final int SHOWN = 20;

        @Option(names = "--from", required = true, paramLabel = "FILE|URL",
                description = "LiteLLM's price file: a path, or an http:// or https:// URL to download it from.")
        String from;

        @Option(names = "--dry-run", description = "Print what would change; write nothing.")
        boolean dryRun;

        @Option(names = "--force", description = "Write even when many models are gone or a price moved tenfold.")
        boolean force;

        private final PrintStream out;
        private final PrintStream err;
        private final Path workingFolder;
        private final Clock clock;

        Update(PrintStream out, PrintStream err, Path workingFolder, Clock clock) {
            this.out = out;
            this.err = err;
            this.workingFolder = workingFolder.toAbsolutePath().normalize();
            this.clock = clock;
        }

        @Override
        public Integer call() {
            byte[] bytes;
            try {
                bytes = read(from);
            } catch (IOException e) {
                err.println("promptwise: cannot read " + from + ": " + e.getMessage());
                return PromptwiseCli.USAGE;
            }
            JsonNode root;
            try {
                root = MAPPER.readTree(bytes);
            } catch (IOException e) {
                err.println("promptwise: " + from + " is not JSON: " + e.getMessage());
                return PromptwiseCli.USAGE;
            }
            String invalid = invalid(root);
            if (invalid != null) {
                err.println("promptwise: " + from + " is not a LiteLLM price file: " + invalid);
                return PromptwiseCli.USAGE;
            }
            ObjectNode filtered = LiteLlmFormat.filter(root, null);
            String day = LiteLlmFormat.asOf(root);
            if (day == null) {
                day = LocalDate.now(clock).toString();
                filtered.put("last_updated", day + "T00:00:00+00:00");
                out.println("The file has no last_updated stamp: its prices are dated " + day + ", the day they were"
                        + " read.");
            }
            Optional<Path> current = WorkspaceCatalogs.find(workingFolder);
            JsonNode before;
            try {
                before = current.isPresent() ? MAPPER.readTree(current.get().toFile()) : shippedSnapshot();
            } catch (IOException e) {
                err.println("promptwise: cannot read the catalog in use: " + e.getMessage());
                return PromptwiseCli.USAGE;
            }
            // The shipped snapshot keeps only some providers: compare those, so the others do not count as added.
            Set<String> providers = current.isPresent() ? null : LiteLlmFormat.SHIPPED_PROVIDERS;
            PriceChanges changes = PriceChanges.compare(before, filtered, providers);
            String inUse = current.map(file -> workingFolder.relativize(file).toString().replace('\\', '/'))
                    .orElse("the shipped catalog");
            print(changes, day, inUse, LiteLlmFormat.asOf(before));
            List<String> suspicions = changes.suspicions();
            if (!suspicions.isEmpty() && !force) {
                suspicions.forEach(reason -> err.println("promptwise: refused: " + reason + "."));
                err.println("promptwise: nothing written; check the file, then run again with --force to use it.");
                return PromptwiseCli.FINDINGS;
            }
            if (dryRun) {
                out.println("Dry run: nothing written.");
                return PromptwiseCli.OK;
            }
            try {
                Path written = write(filtered, day);
                out.println("Wrote " + workingFolder.relativize(written).toString().replace('\\', '/') + " ("
                        + changes.newModels() + " models as of " + day + "): the editor and check use it from now on;"
                        + " commit it so that CI prices with it too.");
            } catch (IOException e) {
                err.println("promptwise: cannot write the catalog: " + e.getMessage());
                return PromptwiseCli.USAGE;
            }
            return PromptwiseCli.OK;
        }

        /** Reads the file, or downloads it when {@code source} is an http(s) URL. */
        private byte[] read(String source) throws IOException {
            String lower = source.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                // HttpURLConnection (java.base) rather than java.net.http, which the bundle's runtime leaves out.
                java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(source).toURL()
                        .openConnection();
                connection.setConnectTimeout((int) Duration.ofSeconds(20).toMillis());
                connection.setReadTimeout((int) Duration.ofSeconds(120).toMillis());
                connection.setInstanceFollowRedirects(true);
                connection.setRequestProperty("Accept", "application/json");
                try {
                    int status = connection.getResponseCode();
                    if (status != 200) {
                        throw new IOException("the server answered HTTP " + status);
                    }
                    try (InputStream body = connection.getInputStream()) {
                        return limited(body);
                    }
                } finally {
                    connection.disconnect();
                }
            }
            Path file = workingFolder.resolve(source);
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        }

        private static byte[] limited(InputStream body) throws IOException {
            byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        }

        /** Returns why {@code root} cannot be a catalog, or {@code null} when it can. */
        private static String invalid(JsonNode root) {
            if (!LiteLlmFormat.looksLikeLiteLlm(root)) {
                return "expected an object of models with input_cost_per_token, output_cost_per_token,"
                        + " litellm_provider…";
            }
            try {
                LiteLlmFormat.Converted converted = LiteLlmFormat.convert(root, "", true);
                long priced = converted.entries().stream().filter(entry -> entry.path("input").asDouble(0) > 0
                        || entry.path("output").asDouble(0) > 0).count();
                if (priced == 0) {
                    return "no model of the chat, completion, responses or embedding modes has a price";
                }
                for (ObjectNode entry : converted.entries()) {
                    if (entry.path("input").asDouble(0) < 0 || entry.path("output").asDouble(0) < 0) {
                        return "model " + entry.get("id").asText() + " has a negative price";
                    }
                }
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            return null;
        }

        private static JsonNode shippedSnapshot() throws IOException {
            try (InputStream stream = PriceCatalog.class.getResourceAsStream(PriceCatalog.SNAPSHOT_RESOURCE)) {
                if (stream == null) {
                    throw new IOException("the shipped snapshot is missing");
                }
                return MAPPER.readTree(stream);
            }
        }

        private void print(PriceChanges changes, String day, String inUse, String inUseDay) {
            out.println("Prices as of " + day + " from " + from + ": " + Money.count(changes.newModels())
                    + " models, against " + Money.count(changes.oldModels()) + " in " + inUse
                    + (inUseDay == null ? "" : " (as of " + inUseDay + ")") + ".");
            listed("+", "added", changes.added());
            listed("-", "removed", changes.removed());
            if (!changes.repriced().isEmpty()) {
                out.println("~ " + Money.count(changes.repriced().size()) + " repriced (per 1M tokens):");
                changes.repriced().stream().limit(SHOWN).forEach(model -> out.println("  " + model.id() + ": input "
                        + price(model.oldInput()) + " → " + price(model.newInput()) + ", output "
                        + price(model.oldOutput()) + " → " + price(model.newOutput())
                        + (model.suspicious() ? "  (tenfold)" : "")));
                more(changes.repriced().size());
            }
            if (changes.added().isEmpty() && changes.removed().isEmpty() && changes.repriced().isEmpty()) {
                out.println("No model added, removed or repriced.");
            }
        }

        private void listed(String mark, String what, List<String> ids) {
            if (ids.isEmpty()) {
                return;
            }
            out.println(mark + " " + Money.count(ids.size()) + " " + what + ": "
                    + String.join(", ", ids.subList(0, Math.min(SHOWN, ids.size())))
                    + (ids.size() > SHOWN ? " and " + (ids.size() - SHOWN) + " more" : ""));
        }

        private void more(int size) {
            if (size > SHOWN) {
                out.println("  and " + (size - SHOWN) + " more");
            }
        }

        private static String price(Double perMillion) {
            return perMillion == null ? "none" : Money.usd(perMillion);
        }

        /** Writes the catalog under {@code .promptwise/} and removes the older ones this command wrote. */
        private Path write(ObjectNode filtered, String day) throws IOException {
            Path folder = workingFolder.resolve(WorkspaceCatalogs.FOLDER);
            Files.createDirectories(folder);
            Path target = folder.resolve("prices-" + day + ".json");
            Path temporary = Files.createTempFile(folder, "prices-", ".tmp");
            try {
                Files.writeString(temporary, MAPPER.writer(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(filtered) + "\n", StandardCharsets.UTF_8);
                Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    if (!file.equals(target) && WorkspaceCatalogs.NAME.matcher(file.getFileName().toString()).matches()) {
                        Files.delete(file);
                        out.println("Removed the older " + workingFolder.relativize(file).toString().replace('\\', '/')
                                + ".");
                    }
                }
            }
            return target;
        }
    }
}
