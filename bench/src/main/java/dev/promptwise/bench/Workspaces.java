package dev.promptwise.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the generated workspaces the benchmarks open: large prompts, a strategy file of many workloads, and many small prompts. */
final class Workspaces {

    private Workspaces() {}

    /** Returns a plain-text prompt of about {@code characters} characters, every line distinct. */
    static String plainPrompt(int characters, long seed) {
        return BenchmarkTexts.distinctLinesText(characters, seed);
    }

    /** Returns a Prompty file whose body (a system and a user message) holds about {@code characters} characters. */
    static String promptyPrompt(int characters, long seed) {
        String body = BenchmarkTexts.distinctLinesText(Math.max(0, characters - 400), seed);
        return """
                ---
                name: benchmark-prompt
                description: A generated prompt for the keystroke benchmark.
                model:
                  id: gpt-4o
                  api: chat
                inputs:
                  question:
                    type: string
                ---
                system:
                """ + body + "\nuser:\n{{question}}\n";
    }

    /**
     * Returns a strategy file of {@code workloads} workloads, each naming its prompt {@code prompts/w<n>.txt}, about
     * 104 bytes per workload.
     */
    static String strategyFile(int workloads) {
        StringBuilder text = new StringBuilder(workloads * 120 + 200);
        text.append("version: 1\ndefaults:\n  model: gpt-4o-mini\n  budget: { maxPromptTokens: 4000 }\nworkloads:\n");
        for (int index = 0; index < workloads; index++) {
            text.append(String.format(Locale.ROOT,
                    "  workload-%04d:\n    prompt: prompts/w%04d.txt\n    traffic: { requestsPerDay: %d, avgOutputTokens: 80 }\n",
                    index, index, 1000 + index));
        }
        return text.toString();
    }

    /** Returns the small prompt a generated workload names. */
    static String smallPrompt(int index) {
        return "You answer questions about order " + index + " in two sentences.\nUse the customer's name.\n";
    }

    /** Writes {@code text} to {@code directory/relative}, creating its folders, and returns the file. */
    static Path write(Path directory, String relative, String text) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
