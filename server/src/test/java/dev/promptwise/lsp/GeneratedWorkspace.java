package dev.promptwise.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A workspace generated from a seed for the parity of the editor and {@code check}: prompts of several formats
 * (plain text, Prompty, VS Code prompt files), some with repeated instructions, template variables or few-shot
 * examples, and strategy files at several depths ({@code promptwise.yaml}, root {@code *.strategy.yaml}, nested
 * ones) whose workloads bind them, shared prompts above all, with models, traffic and budgets drawn so that
 * budget, cost, few-shot and caching rules fire for some workloads and not others.
 */
final class GeneratedWorkspace {

    private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4.5", "gpt-4.1-mini", "o3"};
    private static final String[] STRATEGY_FILES = {"promptwise.yaml", "team-a.strategy.yaml", "b.strategy.yml",
        "teams/support.strategy.yaml", "teams/deep/ops.strategy.yaml"};

    private GeneratedWorkspace() {}

    /** Writes the workspace of {@code seed} below {@code root}. */
    static void write(Path root, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> prompts = new ArrayList<>();
        int promptCount = 3 + random.nextInt(3);
        for (int i = 0; i < promptCount; i++) {
            String path = switch (random.nextInt(3)) {
                case 0 -> "prompts/p" + i + ".txt";
                case 1 -> "prompts/p" + i + ".prompty";
                default -> ".github/prompts/p" + i + ".prompt.md";
            };
            prompts.add(path);
            write(root, path, prompt(path, random));
        }
        int strategies = 2 + random.nextInt(STRATEGY_FILES.length - 1);
        for (int f = 0; f < strategies; f++) {
            String file = STRATEGY_FILES[f];
            String up = "../".repeat((int) file.chars().filter(c -> c == '/').count());
            StringBuilder yaml = new StringBuilder("version: 1\nworkloads:\n");
            int workloads = 2 + random.nextInt(2);
            for (int w = 0; w < workloads; w++) {
                // The first two prompts are shared by most workloads: the relation this workspace is for.
                int index = random.nextInt(4) == 0 ? random.nextInt(prompts.size()) : random.nextInt(2);
                String prompt = prompts.get(index);
                yaml.append("  w").append(f).append('-').append(w).append(":\n")
                        .append("    prompt: ").append(up).append(prompt).append('\n')
                        .append("    model: ").append(MODELS[random.nextInt(MODELS.length)]).append('\n');
                if (random.nextInt(5) > 0) {
                    int[] volumes = {50, 2000, 40000, 250000};
                    yaml.append("    traffic: { requestsPerDay: ").append(volumes[random.nextInt(volumes.length)]);
                    if (random.nextBoolean()) {
                        yaml.append(", avgInputTokens: ").append(random.nextInt(400))
                                .append(", avgOutputTokens: ").append(1 + random.nextInt(300));
                    }
                    yaml.append(" }\n");
                }
                List<String> budget = new ArrayList<>();
                if (random.nextBoolean()) {
                    budget.add("maxPromptTokens: " + (20 + random.nextInt(1500)));
                }
                if (random.nextBoolean()) {
                    budget.add("maxMonthlyCost: " + (1 + random.nextInt(500)));
                }
                if (!budget.isEmpty()) {
                    yaml.append("    budget: { ").append(String.join(", ", budget)).append(" }\n");
                }
                if (random.nextInt(3) == 0) {
                    yaml.append("    data: { labeledExamples: ").append(100 + random.nextInt(5000)).append(" }\n");
                }
            }
            write(root, file, yaml.toString());
        }
    }

    private static String prompt(String path, Random random) {
        StringBuilder body = new StringBuilder();
        body.append("Route the ticket to billing, outage or account. Answer with the queue name only.\n");
        if (random.nextBoolean()) {
            body.append("Answer with the queue name only.\n");
        }
        boolean variables = random.nextInt(3) > 0 && !path.endsWith(".txt");
        if (variables) {
            body.append(path.endsWith(".prompty") ? "The customer is {{customer}}.\n" : "The ticket is ${input:ticket}.\n");
        }
        // Either a long prompt (past 1,024 tokens at times, which the prompt cache needs) or a short one whose
        // few-shot examples weigh the most.
        boolean fewShot = random.nextBoolean();
        int rules = fewShot ? 1 + random.nextInt(3) : 20 + random.nextInt(70);
        for (int i = 0; i < rules; i++) {
            body.append("Rule ").append(i).append(": keep the tone calm and cite the ticket number when you escalate"
                    + " case ").append(i * 7 + random.nextInt(5)).append(".\n");
        }
        if (fewShot) {
            body.append("\nInput: The dashboard returns 502 for everyone since this morning.\nOutput: outage\n\n"
                    + "Input: I was charged twice for the March invoice.\nOutput: billing\n\n"
                    + "Input: I lost the phone with my authenticator app.\nOutput: account\n");
        }
        if (path.endsWith(".prompty")) {
            return "---\nname: generated\nmodel:\n  id: gpt-4o\n" + (variables ? "inputs:\n  - name: customer\n" : "")
                    + "---\nsystem:\n" + body;
        }
        if (path.endsWith(".prompt.md")) {
            return "---\nmode: agent\ndescription: A generated prompt.\n---\n" + body;
        }
        return body.toString();
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
