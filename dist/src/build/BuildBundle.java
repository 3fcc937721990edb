import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the command-line bundle {@code promptwise-<platform>/} and its {@code .tar.gz}: a runtime trimmed by jlink
 * (the modules jdeps finds, the shipped JVM options baked in), the server jar, a class data archive made by a training
 * run over samples/, and the POSIX launcher {@code bin/promptwise}. Run by the dist module's package phase with the
 * JDK that runs Maven, as a single-file source program (no compile step):
 *
 * <pre>java dist/src/build/BuildBundle.java --jmods DIR --platform linux-x64 --jar JAR --samples DIR --repository DIR --out DIR --launcher FILE [--required true]</pre>
 *
 * Without {@code java.base.jmod} in the jmods folder it prints why and builds nothing (exit 0), or fails with
 * {@code --required true}. The class data archive needs the runtime to run here, so for another platform than this
 * machine's it is left out with a note (see docs/release.md).
 */
public final class BuildBundle {

    /** The modules the server needs. jdeps also reports java.sql and java.desktop: see OPTIONAL_MODULES. */
    static final List<String> MODULES = List.of("java.base", "java.logging", "jdk.unsupported");

    /**
     * Modules jdeps finds that only optional code paths of the libraries use, each loaded by reflection behind a
     * check that the class exists: Jackson's and Gson's java.sql date types, Jackson's java.beans annotations, and
     * SnakeYAML's JavaBean introspector (the server composes YAML and never constructs beans). The bundle's tests run
     * check, report and the language server on this runtime over the samples.
     */
    static final Set<String> OPTIONAL_MODULES = Set.of("java.sql", "java.desktop");

    /** The file descriptor on which the launcher opens the jar: the archive records the class path /dev/fd/3. */
    static final String JAR_ON_DESCRIPTOR = "/dev/fd/3";

    public static void main(String[] arguments) throws Exception {
        Map<String, String> options = options(arguments);
        Path jmods = Path.of(options.get("jmods"));
        String platform = options.get("platform");
        Path jar = Path.of(options.get("jar")).toAbsolutePath();
        Path samples = Path.of(options.get("samples")).toAbsolutePath();
        Path repository = Path.of(options.get("repository")).toAbsolutePath();
        Path out = Path.of(options.get("out")).toAbsolutePath();
        boolean required = Boolean.parseBoolean(options.getOrDefault("required", "false"));
        LAUNCHER_SOURCE = Path.of(options.get("launcher")).toAbsolutePath();
        long started = System.nanoTime();

        if (!Files.isRegularFile(jmods.resolve("java.base.jmod"))) {
            String message = "No java.base.jmod in " + jmods + ": the runtime, the bundle promptwise-" + platform
                    + ".tar.gz and the platform VSIX are NOT built. Install a JDK with jmods (Debian: openjdk-17-jdk-headless)"
                    + " or pass -Dbundle.jmods=<its jmods folder>; -Dbundle.required=true makes this an error.";
            if (required) {
                throw new IllegalStateException(message);
            }
            System.out.println("[bundle] NOTE: " + message);
            Files.createDirectories(out);
            Files.writeString(out.resolve("bundle-skipped.txt"), message + "\n");
            return;
        }
        Files.deleteIfExists(out.resolve("bundle-skipped.txt"));
        String name = "promptwise-" + platform;
        Path bundle = out.resolve(name);
        deleteTree(bundle);
        Files.createDirectories(bundle.resolve("lib"));

        checkModules(jar);
        List<String> jvmOptions = shippedJvmOptions(repository.resolve("client-vscode/src/serverJvmOptions.json"));
        jlink(jmods, bundle.resolve("runtime"), jvmOptions);

        Path bundledJar = bundle.resolve("lib/promptwise.jar");
        Files.copy(jar, bundledJar);
        // The archive records the jar's size and modification time (seconds); a fixed time lets the VS Code extension
        // restore it after an installer that does not keep times.
        Files.setLastModifiedTime(bundledJar, FileTime.fromMillis(JAR_TIME_SECONDS * 1000));
        writeLauncher(bundle.resolve("bin/promptwise"));
        Files.writeString(bundle.resolve("README.txt"), readme(platform), StandardCharsets.UTF_8);

        Path java = bundle.resolve("runtime/bin/java");
        if (Files.isExecutable(java) && runs(java)) {
            train(bundle, samples, out.resolve("training"));
        } else {
            System.out.println("[bundle] NOTE: the runtime for " + platform + " does not run on this machine, so the bundle"
                    + " has no class data archive (build it on a " + platform + " machine to have one; docs/release.md).");
        }
        Files.writeString(bundle.resolve("lib/bundle.json"), "{\n  \"platform\": \"" + platform + "\",\n  \"jarModifiedSeconds\": "
                + JAR_TIME_SECONDS + ",\n  \"archive\": " + Files.isRegularFile(bundle.resolve("lib/promptwise.jsa")) + "\n}\n");

        Path archive = out.resolve(name + ".tar.gz");
        Files.deleteIfExists(archive);
        run(out, List.of("tar", "-czf", archive.toString(), "-C", out.toString(), name));
        System.out.printf("[bundle] %s: runtime %s on disk (%s), jar %s, class data archive %s; %s %s; built in %.0f s%n",
                name, megabytes(size(bundle.resolve("runtime"))), String.join(",", MODULES), megabytes(Files.size(bundledJar)),
                Files.isRegularFile(bundle.resolve("lib/promptwise.jsa")) ? megabytes(Files.size(bundle.resolve("lib/promptwise.jsa"))) : "none",
                archive.getFileName(), megabytes(Files.size(archive)), (System.nanoTime() - started) / 1e9);
    }

    /** 2000-01-01T00:00:00Z: the jar's modification time in every bundle. */
    static final long JAR_TIME_SECONDS = 946_684_800L;

    /** Runs jdeps on the jar and fails when it finds a module that is neither bundled nor known to be optional. */
    static void checkModules(Path jar) {
        String found = tool("jdeps", "--ignore-missing-deps", "--multi-release", "17", "--print-module-deps", jar.toString()).strip();
        Set<String> unexpected = new TreeSet<>(Arrays.asList(found.split(",")));
        unexpected.removeAll(MODULES);
        unexpected.removeAll(OPTIONAL_MODULES);
        if (!unexpected.isEmpty()) {
            throw new IllegalStateException("jdeps finds modules the bundle leaves out: " + unexpected + " (all: " + found
                    + "). Add them to MODULES in dist/src/build/BuildBundle.java, or to OPTIONAL_MODULES with the reason.");
        }
        System.out.println("[bundle] jdeps: " + found + "; bundling " + String.join(",", MODULES));
    }

    static void jlink(Path jmods, Path runtime, List<String> jvmOptions) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--module-path", jmods.toString(),
                "--add-modules", String.join(",", MODULES), "--strip-debug", "--no-man-pages", "--no-header-files",
                "--add-options=" + String.join(" ", jvmOptions), "--output", runtime.toString()));
        tool("jlink", arguments.toArray(String[]::new));
    }

    /**
     * The training run: check and report over samples/ and a language-server session that opens every sample file,
     * each recording the classes it loads; then the archive of all of them, dumped with the jar on {@code /dev/fd/3}.
     */
    static void train(Path bundle, Path samples, Path work) throws Exception {
        deleteTree(work);
        Files.createDirectories(work);
        Path launcher = bundle.resolve("bin/promptwise");
        List<Path> lists = new ArrayList<>();
        int index = 0;
        for (List<String> command : List.of(
                List.of("check", "--fail-on", "none", samples.toString()),
                List.of("check", "--fail-on", "none", "--format", "json", samples.toString()),
                List.of("report", "--html", work.resolve("report.html").toString(), samples.toString()))) {
            Path list = work.resolve("classes-" + index++ + ".lst");
            lists.add(list);
            List<String> full = new ArrayList<>(List.of(launcher.toString()));
            full.addAll(command);
            Process process = start(full, list, work.resolve("training-" + index + ".out"));
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("Training run " + command + " failed; see " + work);
            }
        }
        Path list = work.resolve("classes-lsp.lst");
        lists.add(list);
        Process server = start(List.of(launcher.toString()), list, null);
        TrainingSession.run(server, samples);
        if (!server.waitFor(2, TimeUnit.MINUTES) || server.exitValue() != 0) {
            throw new IllegalStateException("The training language server did not exit cleanly");
        }
        // One class list: every class any run loaded, the first occurrence kept (the JVM reads them in order).
        Map<String, String> lines = new LinkedHashMap<>();
        for (Path each : lists) {
            for (String line : Files.readAllLines(each)) {
                lines.putIfAbsent(line.replaceAll(" id: \\d+$", ""), line);
            }
        }
        Path all = work.resolve("classes.lst");
        Files.write(all, lines.keySet().stream().filter(line -> !line.startsWith("@") || line.startsWith("@lambda-"))
                .toList());
        Path archive = bundle.resolve("lib/promptwise.jsa");
        Path java = bundle.resolve("runtime/bin/java");
        run(work, List.of("sh", "-c", "exec 3< \"$1\"; exec \"$2\" -Xshare:dump -XX:SharedClassListFile=\"$3\" "
                + "-XX:SharedArchiveFile=\"$4\" -cp " + JAR_ON_DESCRIPTOR + " > \"$5\" 2>&1", "dump",
                bundle.resolve("lib/promptwise.jar").toString(), java.toString(), all.toString(), archive.toString(),
                work.resolve("dump.log").toString()));
        run(work, List.of(launcher.toString(), "--version"));
        System.out.println("[bundle] class data archive of " + lines.size() + " classes from training over " + samples);
    }

    private static Process start(List<String> command, Path classList, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PROMPTWISE_JAVA_OPTIONS", "-Xshare:off -XX:DumpLoadedClassList=" + classList);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        return builder.start();
    }

    static List<String> shippedJvmOptions(Path file) throws IOException {
        String json = Files.readString(file);
        Matcher array = Pattern.compile("\"options\"\\s*:\\s*\\[(.*?)]", Pattern.DOTALL).matcher(json);
        if (!array.find()) {
            throw new IllegalStateException("No options array in " + file);
        }
        List<String> options = new ArrayList<>();
        Matcher option = Pattern.compile("\"([^\"]+)\"").matcher(array.group(1));
        while (option.find()) {
            options.add(option.group(1));
        }
        return options;
    }

    /** The launcher's source, dist/src/build/promptwise.sh, next to this file. */
    static Path LAUNCHER_SOURCE;

    static void writeLauncher(Path launcher) throws IOException {
        Files.createDirectories(launcher.getParent());
        Files.copy(LAUNCHER_SOURCE, launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static String readme(String platform) {
        return """
                Promptwise for %s, with its own Java runtime: nothing else to install.

                  bin/promptwise check [PATH...]          check prompt files (as java -jar promptwise.jar check)
                  bin/promptwise report --html FILE PATH  write the cost report
                  bin/promptwise                          the language server on stdin/stdout, for any editor

                runtime/ is a Java %s runtime trimmed by jlink; lib/promptwise.jar is the server; lib/promptwise.jsa is a
                class data archive made when the bundle was built, which the launcher maps so that the server starts
                sooner. PROMPTWISE_JAVA_OPTIONS adds JVM options (after the built-in ones, so yours win).
                """.formatted(platform, Runtime.version().feature());
    }

    static boolean runs(Path java) {
        try {
            Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String tool(String name, String... arguments) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException(name + " is not in this JDK (" + System.getProperty("java.home") + ")"));
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        int status = tool.run(new PrintWriter(output, true), new PrintWriter(errors, true), arguments);
        if (status != 0) {
            throw new IllegalStateException(name + " " + String.join(" ", arguments) + " failed (" + status + "):\n" + output + errors);
        }
        return output.toString();
    }

    static void run(Path directory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("Failed: " + String.join(" ", command));
        }
    }

    static Map<String, String> options(String[] arguments) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int index = 0; index < arguments.length; index++) {
            String key = arguments[index].replaceFirst("^--", "");
            options.put(key, arguments[++index]);
        }
        for (String needed : List.of("jmods", "platform", "jar", "samples", "repository", "out", "launcher")) {
            if (!options.containsKey(needed)) {
                throw new IllegalArgumentException("Missing --" + needed);
            }
        }
        return options;
    }

    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_000_000.0);
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                file.toFile().setWritable(true);
                Files.delete(file);
            }
        }
    }

    /** A minimal LSP client for the training run: opens every sample file and waits for its diagnostics. */
    static final class TrainingSession {

        static void run(Process server, Path samples) throws Exception {
            OutputStream toServer = server.getOutputStream();
            InputStream fromServer = server.getInputStream();
            String root = samples.toUri().toString();
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                    + "\"rootUri\":\"" + root + "\",\"workspaceFolders\":[{\"uri\":\"" + root + "\",\"name\":\"samples\"}],"
                    + "\"capabilities\":{\"textDocument\":{\"publishDiagnostics\":{\"versionSupport\":true},"
                    + "\"hover\":{\"contentFormat\":[\"markdown\"]}}},"
                    + "\"initializationOptions\":{\"diagnostics\":{\"debounceMs\":0}}}}");
            awaitMessage(fromServer, toServer, 1);
            send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(samples)) {
                // The editor opens the text files; images are read from disk by the prompts that send them.
                files = walk.filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().matches("(?i).*\\.(png|jpe?g|gif|webp)")).sorted()
                        .toList();
            }
            int id = 10;
            for (Path file : files) {
                String uri = file.toUri().toString();
                String language = file.toString().endsWith(".prompty") ? "prompty"
                        : file.toString().endsWith(".prompt") ? "dotprompt"
                        : file.toString().matches(".*\\.ya?ml$") ? "yaml" : file.toString().endsWith(".md") ? "markdown" : "plaintext";
                send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{"
                        + "\"uri\":\"" + uri + "\",\"languageId\":\"" + language + "\",\"version\":1,\"text\":"
                        + quote(Files.readString(file)) + "}}}");
                String position = "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":1,\"character\":2}}";
                for (String method : List.of("textDocument/hover", "textDocument/codeLens", "textDocument/documentSymbol",
                        "textDocument/inlayHint")) {
                    String params = method.equals("textDocument/hover") ? position
                            : method.equals("textDocument/inlayHint")
                            ? "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":200,\"character\":0}}}"
                            : "{\"textDocument\":{\"uri\":\"" + uri + "\"}}";
                    send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
                    awaitMessage(fromServer, toServer, id);
                    id++;
                }
            }
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
            awaitMessage(fromServer, toServer, 2);
            send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            toServer.close();
        }

        /** Reads messages until the response to request {@code id}; answers the server's own requests with null. */
        static void awaitMessage(InputStream in, OutputStream out, int id) throws IOException {
            Pattern requestId = Pattern.compile("\"id\":(\\d+|\"[^\"]*\")");
            while (true) {
                String message = read(in);
                if (message == null) {
                    throw new IOException("The server closed its output before the response to " + id);
                }
                Matcher matcher = requestId.matcher(message);
                if (message.contains("\"method\"")) {
                    if (matcher.find()) {
                        send(out, "{\"jsonrpc\":\"2.0\",\"id\":" + matcher.group(1) + ",\"result\":null}");
                    }
                } else if (matcher.find() && matcher.group(1).equals(Integer.toString(id))) {
                    return;
                }
            }
        }

        static String read(InputStream in) throws IOException {
            int length = -1;
            StringBuilder header = new StringBuilder();
            while (true) {
                int next = in.read();
                if (next < 0) {
                    return null;
                }
                header.append((char) next);
                if (header.toString().endsWith("\r\n\r\n")) {
                    break;
                }
            }
            for (String line : header.toString().split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        static void send(OutputStream out, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }

        static String quote(String text) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char character : text.toCharArray()) {
                switch (character) {
                    case '"' -> quoted.append("\\\"");
                    case '\\' -> quoted.append("\\\\");
                    case '\n' -> quoted.append("\\n");
                    case '\r' -> quoted.append("\\r");
                    case '\t' -> quoted.append("\\t");
                    default -> {
                        if (character < 0x20) {
                            quoted.append(String.format("\\u%04x", (int) character));
                        } else {
                            quoted.append(character);
                        }
                    }
                }
            }
            return quoted.append('"').toString();
        }
    }
}
