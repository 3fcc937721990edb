package dev.promptwise.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command-line bundle as a user meets it: unpacked from its tar.gz into a folder of its own, started through
 * {@code bin/promptwise} with no Java on {@code PATH} and no {@code JAVA_HOME}, and compared with
 * {@code java -jar promptwise.jar} on the same samples.
 */
class BundleLauncherIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BUNDLE = Path.of(System.getProperty("promptwise.bundle", "target/promptwise-linux-x64.tar.gz"));
    private static final Path JAR = Path.of(System.getProperty("promptwise.jar", "../server/target/promptwise.jar"));
    private static final Path SAMPLES = Path.of(System.getProperty("promptwise.samples", "../samples")).toAbsolutePath().normalize();

    @TempDir
    static Path scratch;

    static Path home;
    /** A PATH without Java: one folder holding only a link to readlink, which the launcher needs for links to it. */
    static Path noJavaPath;

    @BeforeAll
    static void unpack() throws Exception {
        Path skipped = Path.of(System.getProperty("promptwise.bundleSkipped", "target/bundle-skipped.txt"));
        assumeFalse(Files.exists(skipped), () -> "The bundle was not built: " + read(skipped));
        Path unpacked = Files.createDirectories(scratch.resolve("installed here"));
        Process tar = new ProcessBuilder("tar", "-xzf", BUNDLE.toAbsolutePath().toString(), "-C", unpacked.toString())
                .inheritIO().start();
        assertEquals(0, tar.waitFor());
        try (Stream<Path> top = Files.list(unpacked)) {
            List<Path> folders = top.toList();
            assertEquals(1, folders.size(), "one top folder: " + folders);
            home = folders.get(0);
        }
        noJavaPath = Files.createDirectories(scratch.resolve("bin-without-java"));
        Files.createSymbolicLink(noJavaPath.resolve("readlink"), Path.of("/usr/bin/readlink").toRealPath());
    }

    @Test
    void theBundleHasItsLauncherRuntimeJarAndArchive() throws IOException {
        assertEquals(BUNDLE.getFileName().toString().replace(".tar.gz", ""), home.getFileName().toString());
        assertTrue(Files.isExecutable(home.resolve("bin/promptwise")));
        assertTrue(Files.isExecutable(home.resolve("runtime/bin/java")));
        assertTrue(Files.isRegularFile(home.resolve("lib/promptwise.jsa")));
        assertEquals(-1, Files.mismatch(home.resolve("lib/promptwise.jar"), JAR), "the bundle carries the built jar");
        String release = Files.readString(home.resolve("runtime/release"));
        assertTrue(release.contains("MODULES=\"java.base java.logging jdk.unsupported\""), release);
    }

    @Test
    void theEnvironmentOfTheseRunsHasNoJava() throws Exception {
        Result which = runWithoutJava(List.of("/bin/sh", "-c", "command -v java || echo none; echo \"JAVA_HOME=${JAVA_HOME-unset}\""), null);
        assertEquals("none\nJAVA_HOME=unset\n", which.stdout());
    }

    @Test
    void checkPrintsWhatTheJarPrints() throws Exception {
        for (List<String> arguments : List.of(List.of("check", SAMPLES.toString()),
                List.of("check", "--format", "json", "--fail-on", "none", SAMPLES.toString()),
                List.of("check", "--format", "sarif", SAMPLES.resolve("prompts").toString()))) {
            Result bundle = runWithoutJava(launcher(arguments), null);
            Result jar = runJar(arguments);
            assertEquals(jar.exitCode(), bundle.exitCode(), arguments.toString());
            assertEquals(jar.stdout(), bundle.stdout(), arguments.toString());
            assertFalse(bundle.stdout().isBlank());
        }
        assertEquals(1, runWithoutJava(launcher(List.of("check", SAMPLES.toString())), null).exitCode(),
                "the samples have errors on purpose");
    }

    @Test
    void reportWritesWhatTheJarWrites() throws Exception {
        Path fromBundle = scratch.resolve("bundle-report.html");
        Path fromJar = scratch.resolve("jar-report.html");
        Result bundle = runWithoutJava(launcher(List.of("report", "--html", fromBundle.toString(), SAMPLES.toString())), null);
        Result jar = runJar(List.of("report", "--html", fromJar.toString(), SAMPLES.toString()));
        assertEquals(0, bundle.exitCode(), bundle.stderr());
        assertEquals(jar.exitCode(), bundle.exitCode());
        assertEquals(withoutGenerationTime(Files.readString(fromJar)), withoutGenerationTime(Files.readString(fromBundle)));
        assertTrue(Files.readString(fromBundle).contains("<p class=\"muted\">Generated "), "the page says when it was made");
    }

    /** The page names the moment it was generated, which two runs never share; everything else must be the same. */
    private static String withoutGenerationTime(String page) {
        return page.replaceAll("<p class=\"muted\">Generated [^<]*", "<p class=\"muted\">Generated (time)");
    }

    @Test
    void theClassDataArchiveMapsWhereverTheBundleIsUnpacked() throws Exception {
        // -Xshare:on makes the JVM refuse to start when it cannot use the archive (another class path, another jar).
        Result version = runWithoutJava(launcher(List.of("--version")), "-Xshare:on");
        assertEquals(0, version.exitCode(), version.stderr());
        assertTrue(version.stdout().startsWith("promptwise "), version.stdout());
        Result loaded = runWithoutJava(launcher(List.of("--version")), "-Xshare:on -Xlog:class+load=info:stderr");
        assertTrue(loaded.stderr().contains("dev.promptwise.Main source: shared objects file"), "Main comes from the archive");
    }

    @Test
    void aLinkToTheLauncherFromAnotherFolderRunsIt() throws Exception {
        Path link = Files.createDirectories(scratch.resolve("links")).resolve("promptwise");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, home.resolve("bin/promptwise"));
        Result version = runWithoutJava(List.of(link.toString(), "--version"), "-Xshare:on");
        assertEquals(0, version.exitCode(), version.stderr());
    }

    @Test
    void commandsCompileWithC1OnlyAndTheLanguageServerWithBothCompilers() throws Exception {
        // -version after the options makes the JVM print its flags and stop before the server or a command runs.
        assertEquals("1", tieredStopAtLevel(List.of("check", SAMPLES.toString()), ""));
        assertEquals("1", tieredStopAtLevel(List.of("--version"), ""));
        assertEquals("4", tieredStopAtLevel(List.of(), ""), "the language server");
        assertEquals("4", tieredStopAtLevel(List.of("--stdio"), ""), "the language server");
        assertEquals("4", tieredStopAtLevel(List.of("check", SAMPLES.toString()), "-XX:TieredStopAtLevel=4"),
                "PROMPTWISE_JAVA_OPTIONS comes after, so it can undo it");
    }

    @Test
    void commandsCollectWithTheParallelCollectorAndTheLanguageServerWithTheSerialOne() throws Exception {
        assertEquals("true", flag("UseParallelGC", List.of("check", SAMPLES.toString()), ""));
        assertEquals("false", flag("UseSerialGC", List.of("check", SAMPLES.toString()), ""));
        assertEquals("true", flag("UseSerialGC", List.of(), ""), "the language server");
        assertEquals("false", flag("UseParallelGC", List.of("--stdio"), ""), "the language server");
        // A collector of the user's own replaces either; the JVM would refuse two.
        assertEquals("true", flag("UseG1GC", List.of("check", SAMPLES.toString()), "-XX:+UseG1GC"));
        assertEquals("false", flag("UseParallelGC", List.of("check", SAMPLES.toString()), "-XX:+UseG1GC"));
        assertEquals("true", flag("UseG1GC", List.of(), "-XX:+UseG1GC"), "the language server");
    }

    private static String tieredStopAtLevel(List<String> arguments, String javaOptions) throws Exception {
        return flag("TieredStopAtLevel", arguments, javaOptions);
    }

    /** Returns the final value of a JVM flag as the launcher's options set it for {@code arguments}. */
    private static String flag(String name, List<String> arguments, String javaOptions) throws Exception {
        // -version after the options makes the JVM print its flags and stop before the server or a command runs.
        Result flags = runWithoutJava(launcher(arguments), javaOptions + " -XX:+PrintFlagsFinal -version");
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\\s" + name + "\\s+=\\s+(\\w+)")
                .matcher(flags.stdout());
        assertTrue(value.find(), flags.stdout() + flags.stderr());
        return value.group(1);
    }

    @Test
    void bareLauncherIsTheLanguageServerOverStdio() throws Exception {
        Path prompt = SAMPLES.resolve("prompts/triage.prompty");
        JsonNode fromBundle = diagnosticsOverStdio(launcher(List.of()), prompt, true);
        JsonNode fromJar = diagnosticsOverStdio(List.of(javaOfThisTest(), "-jar", JAR.toString()), prompt, false);
        assertTrue(fromBundle.size() > 0, "the sample triage prompt has findings");
        assertEquals(fromJar, fromBundle);
    }

    /** Starts the server, opens {@code prompt}, returns its first diagnostics and checks a clean shutdown. */
    private JsonNode diagnosticsOverStdio(List<String> command, Path prompt, boolean withoutJava) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (withoutJava) {
            withoutJava(builder, null);
        }
        Process server = builder.start();
        try {
            OutputStream in = server.getOutputStream();
            InputStream out = server.getInputStream();
            String root = SAMPLES.toUri().toString();
            send(in, Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", Map.of("rootUri", root,
                    "capabilities", Map.of(), "initializationOptions", Map.of("diagnostics", Map.of("debounceMs", 0)))));
            JsonNode initialized = awaitResponse(in, out, 1);
            assertTrue(initialized.path("result").has("capabilities"), initialized.toString());
            send(in, Map.of("jsonrpc", "2.0", "method", "initialized", "params", Map.of()));
            send(in, Map.of("jsonrpc", "2.0", "method", "textDocument/didOpen", "params", Map.of("textDocument",
                    Map.of("uri", prompt.toUri().toString(), "languageId", "prompty", "version", 1,
                            "text", Files.readString(prompt)))));
            JsonNode diagnostics;
            while (true) {
                JsonNode message = read(out);
                if ("textDocument/publishDiagnostics".equals(message.path("method").asText())
                        && message.path("params").path("uri").asText().endsWith("triage.prompty")) {
                    diagnostics = message.path("params").path("diagnostics");
                    break;
                }
                answerRequest(in, message);
            }
            send(in, Map.of("jsonrpc", "2.0", "id", 2, "method", "shutdown"));
            awaitResponse(in, out, 2);
            send(in, Map.of("jsonrpc", "2.0", "method", "exit"));
            in.close();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, server.exitValue());
            // Every byte the server wrote to stdout was a protocol message: notifications still on their way when
            // shutdown was answered (diagnostics of the workspace's other files, log messages) are read whole.
            for (JsonNode late = readOrEnd(out); late != null; late = readOrEnd(out)) {
                assertEquals("2.0", late.path("jsonrpc").asText(), late.toString());
            }
            return diagnostics;
        } finally {
            server.destroyForcibly();
        }
    }

    private static JsonNode awaitResponse(OutputStream in, InputStream out, int id) throws IOException {
        while (true) {
            JsonNode message = read(out);
            if (!message.has("method") && message.path("id").asInt(-1) == id) {
                return message;
            }
            answerRequest(in, message);
        }
    }

    private static void answerRequest(OutputStream in, JsonNode message) throws IOException {
        if (message.has("method") && message.has("id")) {
            java.util.Map<String, Object> response = new java.util.LinkedHashMap<>();
            response.put("jsonrpc", "2.0");
            response.put("id", message.get("id"));
            response.put("result", null);
            send(in, response);
        }
    }

    private static void send(OutputStream in, Object message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(message);
        in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        in.write(body);
        in.flush();
    }

    /** Reads the next message, or returns null when stdout ends cleanly before another one starts. */
    private static JsonNode readOrEnd(InputStream out) throws IOException {
        int first = out.read();
        if (first < 0) {
            return null;
        }
        return read(new java.io.SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) first}), out));
    }

    private static JsonNode read(InputStream out) throws IOException {
        StringBuilder header = new StringBuilder();
        while (!header.toString().endsWith("\r\n\r\n")) {
            int next = out.read();
            if (next < 0) {
                throw new IOException("The server closed stdout; header so far: " + header);
            }
            header.append((char) next);
        }
        int length = -1;
        for (String line : header.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        assertTrue(length >= 0, "a Content-Length header: " + header);
        return JSON.readTree(new ByteArrayInputStream(out.readNBytes(length)));
    }

    private static List<String> launcher(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/promptwise").toString()));
        command.addAll(arguments);
        return command;
    }

    record Result(int exitCode, String stdout, String stderr) {}

    /** Runs {@code command} with an environment of PATH (without Java) and HOME only: no JAVA_HOME. */
    private static Result runWithoutJava(List<String> command, String javaOptions) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        withoutJava(builder, javaOptions);
        return run(builder);
    }

    private static void withoutJava(ProcessBuilder builder, String javaOptions) {
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", noJavaPath.toString());
        environment.put("HOME", scratch.toString());
        if (javaOptions != null) {
            environment.put("PROMPTWISE_JAVA_OPTIONS", javaOptions);
        }
        builder.directory(scratch.toFile());
    }

    private static Result runJar(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaOfThisTest(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(arguments);
        return run(new ProcessBuilder(command).directory(scratch.toFile()));
    }

    private static Result run(ProcessBuilder builder) throws Exception {
        Path stdout = Files.createTempFile(scratch, "out", ".txt");
        Path stderr = Files.createTempFile(scratch, "err", ".txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "finished: " + builder.command());
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static String javaOfThisTest() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
