package dev.promptwise.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs the five side-by-side benchmarks of issue 7 (tokenizer throughput, keystroke to diagnostics, cold start,
 * memory, command line at scale) against the real jar and the npm peers, and prints one Markdown table of the
 * figures, the peers' figures from the same run, their ratios and the targets. bench/run.sh calls it.
 *
 * <p>Arguments name the benchmarks to run ({@code tokenizers keystrokes coldstart memory check}); none runs all.
 */
public final class PeerBenchmarks {

    /** Where the JVM options the VS Code extension passes live, relative to the repository: the one list of them. */
    static final String SHIPPED_VM_OPTIONS_FILE = "client-vscode/src/serverJvmOptions.json";

    private final Path repository;
    private final Path work;
    private final Path node;
    private final Path jar;
    private final List<String> rows = new ArrayList<>();
    private final List<String> recommendedVmOptions;

    private PeerBenchmarks(Path repository) throws IOException {
        this.repository = repository;
        this.work = Files.createDirectories(repository.resolve("bench/target/peer-work"));
        this.node = repository.resolve("bench/node");
        this.jar = Path.of(System.getProperty("promptwise.jar", repository.resolve("server/target/promptwise.jar").toString()));
        this.recommendedVmOptions = recommendedVmOptions(repository);
    }

    /**
     * Returns the JVM options the extension ships ({@value #SHIPPED_VM_OPTIONS_FILE}), or those of the system property
     * {@code recommended.vmOptions} when it is set, to try others.
     */
    static List<String> recommendedVmOptions(Path repository) throws IOException {
        String override = System.getProperty("recommended.vmOptions");
        if (override != null && !override.isBlank()) {
            return List.of(override.strip().split("\\s+"));
        }
        List<String> options = new ArrayList<>();
        LspClient.JSON.readTree(repository.resolve(SHIPPED_VM_OPTIONS_FILE).toFile()).path("options")
                .forEach(option -> options.add(option.asText()));
        if (options.isEmpty()) {
            throw new IllegalStateException("No JVM options in " + repository.resolve(SHIPPED_VM_OPTIONS_FILE));
        }
        return List.copyOf(options);
    }

    public static void main(String[] arguments) throws Exception {
        Path repository = Path.of(System.getProperty("promptwise.repository", ".")).toAbsolutePath().normalize();
        List<String> which = arguments.length == 0
                ? List.of("tokenizers", "keystrokes", "coldstart", "memory", "check") : Arrays.asList(arguments);
        PeerBenchmarks benchmarks = new PeerBenchmarks(repository);
        System.out.println("Started " + Instant.now());
        for (String benchmark : which) {
            switch (benchmark) {
                case "tokenizers" -> benchmarks.tokenizers();
                case "keystrokes" -> benchmarks.keystrokes();
                case "coldstart" -> benchmarks.coldStart();
                case "memory" -> benchmarks.memory();
                case "check" -> benchmarks.check();
                case "bundle" -> benchmarks.bundle();
                default -> throw new IllegalArgumentException("Unknown benchmark " + benchmark);
            }
        }
        System.out.println("Finished " + Instant.now());
        benchmarks.printTable();
    }

    private void tokenizers() throws Exception {
        List<TokenizerComparison.Throughput> results = TokenizerComparison.run(work, node, "o200k_base", 5);
        TokenizerComparison.Throughput promptwise = results.get(0);
        for (TokenizerComparison.Throughput peer : results.subList(1, results.size())) {
            row("1. Tokens, 10 MB, o200k_base (" + promptwise.tokens() + " tokens, identical)",
                    fixed(promptwise.megabytesPerSecond(), 1) + " MB/s", peer.tokenizer() + ": "
                            + fixed(peer.megabytesPerSecond(), 1) + " MB/s",
                    fixed(promptwise.megabytesPerSecond() / peer.megabytesPerSecond(), 2) + "x",
                    peer.tokenizer().startsWith("tiktoken") ? ">= 1x tiktoken" : "-");
        }
    }

    private void keystrokes() throws Exception {
        Path root = Files.createDirectories(work.resolve("keystrokes"));
        LanguageServers.Server promptwise = LanguageServers.promptwise(jar, List.of());
        try (LspClient client = LanguageServers.startAndInitialize(promptwise, root, work)) {
            int[] sizes = Arrays.stream(System.getProperty("keystroke.sizes", "10000,100000,1000000").split(","))
                    .filter(size -> !size.isBlank()).mapToInt(Integer::parseInt).toArray();
            for (int size : sizes) {
                String plain = Workspaces.plainPrompt(size, size);
                Path plainFile = Workspaces.write(root, "prompts/large-" + size + ".txt", plain);
                keystrokeRow("plain text " + kilobytes(size), client, plainFile, "plaintext", plain,
                        size >= 1_000_000 ? "p95 < 10 ms" : "-");
                String prompty = Workspaces.promptyPrompt(size, size + 1);
                Path promptyFile = Workspaces.write(root, "prompts/large-" + size + ".prompty", prompty);
                keystrokeRow(".prompty " + kilobytes(size), client, promptyFile, "prompty", prompty,
                        size >= 1_000_000 ? "p95 < 10 ms" : "-");
            }
        }
        if (Boolean.getBoolean("keystroke.skipStrategy")) {
            return;
        }
        String strategy = Workspaces.strategyFile(2000);
        Path strategyFile = Workspaces.write(root, "promptwise.yaml", strategy);
        for (int index = 0; index < 2000; index++) {
            Workspaces.write(root, String.format(Locale.ROOT, "prompts/w%04d.txt", index), Workspaces.smallPrompt(index));
        }
        KeystrokeLatency.EditPlan plan = KeystrokeLatency.middleWorkloadOf(strategy);
        Measured ours;
        try (LspClient client = LanguageServers.startAndInitialize(promptwise, root, work)) {
            ours = KeystrokeLatency.measure(client, strategyFile, "yaml", strategy, plan, 10, 100, 60);
        }
        Path schema = repository.resolve("server/src/main/resources/schema/promptwise.schema.json");
        LanguageServers.Server yaml = LanguageServers.yamlLanguageServer(node, schema);
        Measured theirs;
        try (LspClient client = LanguageServers.startAndInitialize(yaml, root, work)) {
            theirs = KeystrokeLatency.measure(client, strategyFile, "yaml", strategy, plan, 10, 100, 60);
        }
        String label = "2. Keystroke, strategy file, 2,000 workloads (" + kilobytes(strategy.length()) + "), p50 / p95";
        String peer = theirs == null ? "no diagnostics" : "yaml-language-server: " + latency(theirs);
        if (ours == null) {
            row(label, "no diagnostics published for strategy files", peer, "-", "p95 < 50 ms, >= 5x");
        } else {
            row(label, latency(ours), peer, theirs == null ? "-" : fixed(theirs.p95() / ours.p95(), 1)
                    + "x faster (p95)", "p95 < 50 ms, >= 5x");
        }
    }

    private void keystrokeRow(String what, LspClient client, Path file, String languageId, String text, String target)
            throws Exception {
        Measured measured = KeystrokeLatency.measure(client, file, languageId, text,
                KeystrokeLatency.middleLineOf(text), 30, 200, 120);
        row("2. Keystroke, " + what + ", p50 / p95", latency(measured), "-", "-", target);
    }

    private void coldStart() throws Exception {
        Path root = Files.createDirectories(work.resolve("coldstart"));
        String prompt = Workspaces.plainPrompt(2_000, 3);
        Path promptFile = Workspaces.write(root, "prompts/hello.txt", prompt);
        String strategy = Workspaces.strategyFile(3);
        Path strategyFile = Workspaces.write(root, "promptwise.yaml", strategy);
        Path archive = work.resolve("promptwise.jsa");
        Files.deleteIfExists(archive);
        // The training run, as the extension's first launch: the shipped options, and the JVM writes the classes it
        // loaded (initialize, a prompt opened, its diagnostics) to the archive at exit.
        List<String> training = new ArrayList<>(recommendedVmOptions);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        coldStart(LanguageServers.promptwise(jar, training), root, promptFile, "plaintext", prompt);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("The training run wrote no class data archive at " + archive);
        }
        // What the extension passes from the second launch on: the shipped options, then the archive.
        List<String> withArchive = List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        List<String> shippedWithArchive = new ArrayList<>(recommendedVmOptions);
        shippedWithArchive.addAll(withArchive);
        List<LanguageServers.Server> servers = List.of(LanguageServers.promptwise(jar, List.of()),
                LanguageServers.promptwise(jar, withArchive), LanguageServers.promptwise(jar, recommendedVmOptions),
                LanguageServers.promptwise(jar, shippedWithArchive),
                LanguageServers.yamlLanguageServer(node,
                        repository.resolve("server/src/main/resources/schema/promptwise.schema.json")));
        List<String> names = List.of("default flags", "AppCDS archive alone",
                "shipped flags without an archive (the extension's first launch)",
                "shipped flags + AppCDS archive (the extension's later launches)", "yaml-language-server");
        int rounds = 7;
        double[][] toInitialize = new double[servers.size()][rounds];
        double[][] toDiagnostics = new double[servers.size()][rounds];
        double[] jvmFloor = new double[rounds];
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Rounds interleave the servers, so that a burst of load on the machine hits them all alike.
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            Process version = new ProcessBuilder(java, "-jar", jar.toString(), "--version")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            version.waitFor();
            jvmFloor[round] = (System.nanoTime() - start) / 1e6;
            for (int index = 0; index < servers.size(); index++) {
                boolean yaml = index == servers.size() - 1;
                double[] times = coldStart(servers.get(index), root, yaml ? strategyFile : promptFile,
                        yaml ? "yaml" : "plaintext", yaml ? strategy : prompt);
                toInitialize[index][round] = times[0];
                toDiagnostics[index][round] = times[1];
            }
        }
        int peer = servers.size() - 1;
        row("3. Cold start, the floor: `java -jar promptwise.jar --version`, start to exit, median of " + rounds,
                fixed(new Measured(jvmFloor).median(), 0) + " ms", "-", "-", "-");
        for (int index = 0; index < peer; index++) {
            Measured initialize = new Measured(toInitialize[index]);
            Measured diagnostics = new Measured(toDiagnostics[index]);
            Measured peerInitialize = new Measured(toInitialize[peer]);
            Measured peerDiagnostics = new Measured(toDiagnostics[peer]);
            row("3. Cold start, " + names.get(index) + ": to initialize response / to first diagnostics, median of "
                    + rounds, fixed(initialize.median(), 0) + " ms / " + fixed(diagnostics.median(), 0) + " ms",
                    "yaml-language-server: " + fixed(peerInitialize.median(), 0) + " ms / "
                            + fixed(peerDiagnostics.median(), 0) + " ms",
                    fixed(peerInitialize.median() / initialize.median(), 2) + "x / "
                            + fixed(peerDiagnostics.median() / diagnostics.median(), 2) + "x",
                    "initialize < 300 ms");
        }
    }

    /** Returns the milliseconds from process start to the initialize response and to the first diagnostics of {@code file}. */
    private double[] coldStart(LanguageServers.Server server, Path root, Path file, String languageId, String text)
            throws Exception {
        try (LspClient client = LanguageServers.start(server, work)) {
            LanguageServers.initialize(client, server, root);
            double toInitialize = (System.nanoTime() - client.startNanos()) / 1e6;
            LanguageServers.open(client, file, languageId, text);
            LspClient.Received published = LanguageServers.awaitDiagnostics(client, file, 1);
            return new double[] {toInitialize, (published.nanoTime() - client.startNanos()) / 1e6};
        }
    }

    private void memory() throws Exception {
        Path root = Files.createDirectories(work.resolve("memory"));
        List<Path> files = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int index = 0; index < 1000; index++) {
            String text = Workspaces.plainPrompt(4_000, 10_000 + index);
            texts.add(text);
            files.add(Workspaces.write(root, String.format(Locale.ROOT, "prompts/doc-%04d.md", index), text));
        }
        int edits = Integer.getInteger("memory.edits", 10_000);
        // -Dmemory.defaultFlags=false measures only the recommended flags, to compare candidates quickly.
        List<List<String>> flagSets = new ArrayList<>(Boolean.parseBoolean(System.getProperty("memory.defaultFlags", "true"))
                ? List.of(List.of(), recommendedVmOptions) : List.of(recommendedVmOptions));
        // -Dmemory.candidate="-Xms128m ..." adds the recommended flags with these after them, in the same run.
        String candidate = System.getProperty("memory.candidate", "");
        if (!candidate.isBlank()) {
            List<String> withCandidate = new ArrayList<>(recommendedVmOptions);
            withCandidate.addAll(Arrays.asList(candidate.trim().split("\\s+")));
            flagSets.add(withCandidate);
        }
        for (List<String> vmOptions : flagSets) {
            long[] figures = residentWithEdits(LanguageServers.promptwise(jar, vmOptions), files, texts, "markdown", edits);
            row("4. Memory, 1,000 open prompts of 4 KB, " + (vmOptions.isEmpty() ? "default JVM flags"
                    : "flags `" + String.join(" ", vmOptions) + "`") + ": resident after opening / after "
                    + edits / 4 + " edits / after " + edits + " edits (live heap after a full GC: after opening / at the end)",
                    figures[0] + " / " + figures[1] + " / " + figures[2] + " MB (live " + figures[3] + " / " + figures[4]
                            + " MB)", "-", "-", "< 200 MB, no growth");
        }
    }

    /**
     * Returns the resident MB after opening every file, after a quarter of the edits and after all of them, then
     * the live heap MB after a full collection, after opening and at the end.
     */
    private long[] residentWithEdits(LanguageServers.Server server, List<Path> files, List<String> texts,
            String languageId, int edits) throws Exception {
        try (LspClient client = LanguageServers.startAndInitialize(server, work.resolve("memory"), work)) {
            for (int index = 0; index < files.size(); index++) {
                LanguageServers.open(client, files.get(index), languageId, texts.get(index));
            }
            // Diagnostics arrive in any order; wait until every file has had its own.
            java.util.Set<String> published = new java.util.HashSet<>();
            while (published.size() < files.size()) {
                published.add(client.await("textDocument/publishDiagnostics", params -> true)
                        .message().path("params").path("uri").asText());
            }
            long afterOpen = residentMegabytes(client.pid());
            long liveAfterOpen = liveHeapMegabytes(client.pid());
            int[] versions = new int[files.size()];
            Arrays.fill(versions, 1);
            long afterQuarter = 0;
            for (int edit = 0; edit < edits; edit++) {
                int index = edit % files.size();
                KeystrokeLatency.EditPlan plan = KeystrokeLatency.middleLineOf(texts.get(index));
                int version = ++versions[index];
                client.forgetNotifications();
                LanguageServers.change(client, files.get(index), version, plan.line(), plan.column(),
                        plan.column() + 1, plan.replacement(edit));
                LanguageServers.awaitDiagnostics(client, files.get(index), version);
                if (edit == edits / 4) {
                    afterQuarter = residentMegabytes(client.pid());
                }
            }
            long atEnd = residentMegabytes(client.pid());
            return new long[] {afterOpen, afterQuarter, atEnd, liveAfterOpen, liveHeapMegabytes(client.pid())};
        }
    }

    /** Runs a full collection in process {@code pid} with jcmd and returns the heap it still uses, in MB. */
    private static long liveHeapMegabytes(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Process heapInfo = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String output = new String(heapInfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        heapInfo.waitFor();
        // G1 prints "garbage-first heap total 123K, used 45K"; Serial one such line per generation.
        long usedKilobytes = 0;
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K")
                .matcher(output);
        while (used.find()) {
            usedKilobytes += Long.parseLong(used.group(1));
        }
        return usedKilobytes / 1024;
    }

    private void check() throws Exception {
        Path root = work.resolve("check");
        if (!Files.isDirectory(root.resolve("prompts"))) {
            StringBuilder strategy = new StringBuilder("version: 1\ndefaults:\n  model: gpt-4o-mini\nworkloads:\n");
            for (int index = 0; index < 10_000; index++) {
                String name = String.format(Locale.ROOT, index % 2 == 0 ? "p%05d.prompty" : "p%05d.txt", index);
                String body = Workspaces.plainPrompt(1_500, 50_000 + index);
                Workspaces.write(root, "prompts/" + name, index % 2 == 0
                        ? "---\nname: p" + index + "\nmodel:\n  id: gpt-4o\n---\nsystem:\n" + body + "\nuser:\n{{question}}\n"
                        : body);
                strategy.append("  w").append(index).append(": { prompt: prompts/").append(name).append(" }\n");
            }
            Workspaces.write(root, "promptwise.yaml", strategy.toString());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        double[] seconds = new double[3];
        double[] cpuSeconds = new double[seconds.length];
        Path cpuTimes = work.resolve("check-cpu.txt");
        for (int run = 0; run < seconds.length; run++) {
            long start = System.nanoTime();
            // GNU time reports the CPU seconds the process got, which tells a slow program from a busy machine.
            Process process = new ProcessBuilder("/usr/bin/time", "-f", "%U %S", "-o", cpuTimes.toString(), java, "-jar",
                    jar.toString(), "check", "--fail-on=none", "--format=json", root.toString())
                    .redirectOutput(work.resolve("check-output.json").toFile())
                    .redirectError(work.resolve("check.stderr.log").toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("check failed; see " + work.resolve("check.stderr.log"));
            }
            seconds[run] = (System.nanoTime() - start) / 1e9;
            String[] userAndSystem = Files.readString(cpuTimes).strip().split("\\s+");
            cpuSeconds[run] = Double.parseDouble(userAndSystem[userAndSystem.length - 2])
                    + Double.parseDouble(userAndSystem[userAndSystem.length - 1]);
        }
        long files = Files.size(work.resolve("check-output.json"));
        double median = new Measured(seconds).median();
        double cpuMedian = new Measured(cpuSeconds).median();
        row("5. `check` over 10,000 prompts + a strategy file of 10,000 workloads, median of 3",
                fixed(median, 2) + " s wall, " + fixed(cpuMedian, 1) + " s CPU (" + fixed(cpuMedian / median, 2)
                        + " cores busy on average; JSON report " + files / 1024 + " KB)", "-", "-",
                "< 10 s on 2 cores");
    }

    /**
     * Issue 14: the command-line bundle (its launcher, its trimmed runtime and class data archive) beside
     * {@code java -jar promptwise.jar} with default flags and with the shipped options, in interleaved rounds: the wall
     * time of {@code check} on one small prompt; then one language-server session each: start to the
     * {@code initialize} response, opening a 1 MB prompt to its first diagnostics, the first forty keystrokes in it
     * (no warm-up: what a user feels right after opening it) and the resident memory after them.
     */
    private void bundle() throws Exception {
        Path launcher = Path.of(System.getProperty("bundle.launcher",
                repository.resolve("dist/target/promptwise-linux-x64/bin/promptwise").toString()));
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("No bundle at " + launcher + ": build it with mvn -B -pl dist -am package -DskipTests");
        }
        Path root = Files.createDirectories(work.resolve("bundle"));
        Path small = root.resolve("small");
        Workspaces.write(small, "prompts/hello.txt", Workspaces.plainPrompt(2_000, 3));
        boolean prompty = !"plain".equals(System.getProperty("bundle.kind", "prompty"));
        int size = Integer.getInteger("bundle.size", 1_000_000);
        String large = prompty ? Workspaces.promptyPrompt(size, 11) : Workspaces.plainPrompt(size, 11);
        Path largeFile = Workspaces.write(root.resolve("large"), prompty ? "prompts/large.prompty" : "prompts/large.txt", large);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> names = new ArrayList<>(List.of("`java -jar`, default flags", "`java -jar`, shipped options",
                "bundle `bin/promptwise`"));
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of(java, "-jar", jar.toString()));
        List<String> shipped = new ArrayList<>(List.of(java));
        shipped.addAll(recommendedVmOptions);
        shipped.addAll(List.of("-jar", jar.toString()));
        commands.add(shipped);
        commands.add(List.of(launcher.toString()));
        // Another build of the bundle in the same rounds (the previous version, or a variant being tried).
        String other = System.getProperty("bundle.compare", "");
        if (!other.isBlank()) {
            names.add("bundle at " + other);
            commands.add(List.of(other));
        }
        int rounds = Integer.getInteger("bundle.rounds", 5);
        double[][] check = new double[commands.size()][rounds];
        double[][] initialize = new double[commands.size()][rounds];
        double[][] firstDiagnostics = new double[commands.size()][rounds];
        double[][] keystrokeP95 = new double[commands.size()][rounds];
        double[][] resident = new double[commands.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int index = 0; index < commands.size(); index++) {
                List<String> command = new ArrayList<>(commands.get(index));
                command.addAll(List.of("check", "--fail-on", "none", small.toString()));
                long start = System.nanoTime();
                Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(work.resolve("bundle-check.stderr.log").toFile()).start();
                if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IllegalStateException("check failed: " + command);
                }
                check[index][round] = (System.nanoTime() - start) / 1e6;
            }
            for (int index = 0; index < commands.size(); index++) {
                LanguageServers.Server server = LanguageServers.promptwiseCommand(commands.get(index));
                try (LspClient client = LanguageServers.start(server, work)) {
                    LanguageServers.initialize(client, server, root.resolve("large"));
                    initialize[index][round] = (System.nanoTime() - client.startNanos()) / 1e6;
                    long opened = System.nanoTime();
                    LanguageServers.open(client, largeFile, prompty ? "prompty" : "plaintext", large);
                    LspClient.Received published = LanguageServers.awaitDiagnostics(client, largeFile, 1);
                    firstDiagnostics[index][round] = (published.nanoTime() - opened) / 1e6;
                    Measured keystrokes = KeystrokeLatency.editsAfterOpen(client, largeFile,
                            KeystrokeLatency.middleLineOf(large), 0, 40);
                    keystrokeP95[index][round] = keystrokes.p95();
                    resident[index][round] = residentMegabytes(client.pid());
                }
            }
        }
        String what = (prompty ? "`.prompty`" : "plain text") + " of " + kilobytes(size);
        for (int index = 0; index < commands.size(); index++) {
            double ratio = new Measured(check[index]).median() / new Measured(check[0]).median();
            row("6. Bundle: " + names.get(index) + "; medians of " + rounds + " interleaved rounds: `check` of one 2 KB prompt (wall)"
                    + " / `initialize` / first diagnostics of a " + what + " after opening / p95 of its first 40 keystrokes / resident after them",
                    fixed(new Measured(check[index]).median(), 0) + " ms / " + fixed(new Measured(initialize[index]).median(), 0)
                            + " ms / " + fixed(new Measured(firstDiagnostics[index]).median(), 0) + " ms / "
                            + fixed(new Measured(keystrokeP95[index]).median(), 1) + " ms / "
                            + fixed(new Measured(resident[index]).median(), 0) + " MB",
                    "-", index == 0 ? "-" : "check " + fixed(ratio, 2) + "x of `java -jar`",
                    "bundle: check <= 0.7x, initialize < 250 ms, first diagnostics < 1.5 s, p95 < 20 ms, < 250 MB");
        }
    }

    private void row(String benchmark, String promptwise, String peer, String ratio, String target) {
        String line = "| " + benchmark + " | " + promptwise + " | " + peer + " | " + ratio + " | " + target + " |";
        rows.add(line);
        System.out.println(line);
        System.out.flush();
    }

    private void printTable() throws IOException {
        StringBuilder table = new StringBuilder("| benchmark | Promptwise | peer (same run) | ratio | target |\n"
                + "| --- | --- | --- | --- | --- |\n");
        rows.forEach(line -> table.append(line).append('\n'));
        Files.writeString(work.resolve("results.md"), table, StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(table);
    }

    private static long residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }

    private static String latency(Measured measured) {
        return fixed(measured.median(), 2) + " / " + fixed(measured.p95(), 2) + " ms";
    }

    private static String kilobytes(int characters) {
        return characters >= 1_000_000 ? characters / 1_000_000 + " MB" : characters / 1000 + " KB";
    }

    private static String fixed(double value, int decimals) {
        return Measured.format(value, decimals);
    }
}
