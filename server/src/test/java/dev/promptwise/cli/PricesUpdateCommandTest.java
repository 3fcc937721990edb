package dev.promptwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.io.WorkspaceCatalogs;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promptwise prices update}: a newer LiteLLM file, from a path or served from 127.0.0.1, checked against the
 * catalog in use, refused when suspicious unless forced, and written under {@code .promptwise/} for check to use.
 */
class PricesUpdateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path workspace;
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The shipped snapshot as of 2026-08-01 with gpt-4o's input at $2.00, a new model and o3-mini gone. */
    private static ObjectNode newer() throws Exception {
        ObjectNode file = shipped();
        file.put("last_updated", "2026-08-01T09:00:00+00:00");
        ((ObjectNode) file.get("gpt-4o")).put("input_cost_per_token", 2e-06);
        ObjectNode added = file.putObject("acme-chat-1");
        added.put("litellm_provider", "openai").put("mode", "chat").put("input_cost_per_token", 1e-06)
                .put("output_cost_per_token", 2e-06).put("max_input_tokens", 100_000);
        file.remove("o3-mini");
        return file;
    }

    private static ObjectNode shipped() throws Exception {
        try (InputStream stream = PriceCatalog.class.getResourceAsStream(PriceCatalog.SNAPSHOT_RESOURCE)) {
            return (ObjectNode) JSON.readTree(stream);
        }
    }

    @Test
    void aDryRunPrintsTheChangesAndWritesNothing() throws Exception {
        Files.writeString(workspace.resolve("prices.json"), JSON.writeValueAsString(newer()));
        Run run = run("prices", "update", "--from", "prices.json", "--dry-run");
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("Prices as of 2026-08-01 from prices.json: "), run.out);
        assertTrue(run.out.contains("+ 1 added: acme-chat-1\n"), run.out);
        assertTrue(run.out.contains("- 1 removed: o3-mini\n"), run.out);
        assertTrue(run.out.contains("  gpt-4o: input $2.50 → $2.00, output $10.00 → $10.00\n"), run.out);
        assertTrue(run.out.endsWith("Dry run: nothing written.\n"), run.out);
        assertFalse(Files.exists(workspace.resolve(".promptwise")));
    }

    @Test
    void aFileServedOverHttpIsWrittenAndCheckPricesWithIt() throws Exception {
        String url = serve(JSON.writeValueAsBytes(newer()), 200);
        Run run = run("prices", "update", "--from", url);
        assertEquals(0, run.exitCode, run.err);
        Path written = workspace.resolve(".promptwise/prices-2026-08-01.json");
        assertTrue(Files.exists(written), run.out);
        assertTrue(run.out.contains("Wrote .promptwise/prices-2026-08-01.json"), run.out);

        PriceCatalog used = WorkspaceCatalogs.forWorkspace(workspace);
        ModelInfo gpt4o = used.resolve("gpt-4o").orElseThrow();
        assertEquals(2.00, gpt4o.input());
        assertEquals(PriceCatalog.bundled().resolve("gpt-4o").orElseThrow().fineTuning(), gpt4o.fineTuning(),
                "the overlay's facts apply to the updated prices");
        assertTrue(used.resolve("acme-chat-1").isPresent());

        Files.createDirectories(workspace.resolve("prompts"));
        Files.writeString(workspace.resolve("prompts/a.prompt"), "---\nmodel: gpt-4o\n---\nReply with the queue.\n");
        Run check = run("check", "--format", "json");
        JsonNode catalog = JSON.readTree(check.out).get("catalog");
        assertEquals(".promptwise/prices-2026-08-01.json (LiteLLM format)", catalog.get("source").asText());
        assertEquals("2026-08-01", catalog.get("asOf").asText());
        JsonNode file = JSON.readTree(check.out).get("files").get(0);
        assertEquals(file.at("/tokens/total").asInt() * 2.00 / 1e6, file.get("costPerRequestUsd").asDouble(), 1e-12);
    }

    @Test
    void aNewerUpdateReplacesTheOlderCatalogAndComparesWithIt() throws Exception {
        Files.writeString(workspace.resolve("prices.json"), JSON.writeValueAsString(newer()));
        assertEquals(0, run("prices", "update", "--from", "prices.json").exitCode);
        ObjectNode later = newer();
        later.put("last_updated", "2026-09-01T00:00:00+00:00");
        ((ObjectNode) later.get("gpt-4o")).put("input_cost_per_token", 2.2e-06);
        Files.writeString(workspace.resolve("prices.json"), JSON.writeValueAsString(later));
        Run run = run("prices", "update", "--from", "prices.json");
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("in .promptwise/prices-2026-08-01.json (as of 2026-08-01)"), run.out);
        assertTrue(run.out.contains("  gpt-4o: input $2.00 → $2.20"), run.out);
        assertTrue(run.out.contains("Removed the older .promptwise/prices-2026-08-01.json."), run.out);
        assertEquals(List.of("prices-2026-09-01.json"), Files.list(workspace.resolve(".promptwise"))
                .map(path -> path.getFileName().toString()).toList());
    }

    @Test
    void aTenfoldPriceIsRefusedUnlessForced() throws Exception {
        ObjectNode file = newer();
        ((ObjectNode) file.get("gpt-4o-mini")).put("input_cost_per_token", 1.5e-06);
        Files.writeString(workspace.resolve("prices.json"), JSON.writeValueAsString(file));
        Run refused = run("prices", "update", "--from", "prices.json");
        assertEquals(1, refused.exitCode);
        assertTrue(refused.err.contains("refused: 1 price moved tenfold or more: gpt-4o-mini."), refused.err);
        assertTrue(refused.out.contains("  gpt-4o-mini: input $0.15 → $1.50, output $0.60 → $0.60  (tenfold)"),
                refused.out);
        assertFalse(Files.exists(workspace.resolve(".promptwise")));
        assertEquals(0, run("prices", "update", "--from", "prices.json", "--force").exitCode);
        assertTrue(Files.exists(workspace.resolve(".promptwise/prices-2026-08-01.json")));
    }

    @Test
    void manyModelsGoneAreRefused() throws Exception {
        ObjectNode file = JSON.createObjectNode();
        file.put("last_updated", "2026-08-01T00:00:00+00:00");
        file.set("gpt-4o", shipped().get("gpt-4o"));
        file.set("gpt-4o-mini", shipped().get("gpt-4o-mini"));
        Files.writeString(workspace.resolve("prices.json"), JSON.writeValueAsString(file));
        Run run = run("prices", "update", "--from", "prices.json");
        assertEquals(1, run.exitCode);
        assertTrue(run.err.matches("(?s)promptwise: refused: \\d+ of the \\d+ models priced now are gone \\(more than"
                + " 10%\\)\\..*"), run.err);
    }

    @Test
    void whatIsNotALiteLlmFileOrNotServedIsAUsageError() throws Exception {
        Files.writeString(workspace.resolve("prices.json"), "{\"models\": [{\"id\": \"gpt-4o\", \"input\": 1}]}");
        Run notLiteLlm = run("prices", "update", "--from", "prices.json");
        assertEquals(2, notLiteLlm.exitCode);
        assertTrue(notLiteLlm.err.contains("is not a LiteLLM price file"), notLiteLlm.err);
        Run missing = run("prices", "update", "--from", serve(new byte[0], 404));
        assertEquals(2, missing.exitCode);
        assertTrue(missing.err.contains("the server answered HTTP 404"), missing.err);
        assertFalse(Files.exists(workspace.resolve(".promptwise")));
    }

    private String serve(byte[] body, int status) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/model_prices_and_context_window.json", exchange -> {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/model_prices_and_context_window.json";
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PromptwiseCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), workspace, CLOCK);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {}
}
