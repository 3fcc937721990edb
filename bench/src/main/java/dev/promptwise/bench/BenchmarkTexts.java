package dev.promptwise.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Builds the deterministic prompt-like texts the benchmarks count, so that every run measures the same input. */
final class BenchmarkTexts {

    /** Pieces of the kinds of text prompts hold; each ends with a line break, as lines of a file do. */
    private static final String[] PIECES = {
        "You are a helpful assistant that classifies support tickets into billing, bug or other.\n",
        "Answer in JSON with the fields \"category\" and \"confidence\"; never add prose around it.\n",
        "Example 1:\nInput: My card was charged twice for the same order.\nOutput: {\"category\": \"billing\"}\n",
        "    public static int add(int left, int right) {\n        return left + right;\n    }\n",
        "def summarise(ticket: str) -> str:\n    return ticket.strip()[:200]\n",
        "{\"messages\": [{\"role\": \"user\", \"content\": \"{{question}}\"}], \"temperature\": 0.2}\n",
        "请用中文回答用户的问题，并保持回答简洁。谢谢！\n",
        "ユーザーの質問に日本語で丁寧に答えてください。\n",
        "أجب عن سؤال المستخدم باللغة العربية بإيجاز.\n",
        "Great work 🎉 — ship it 🚀 👩🏽‍💻 👨‍👩‍👧‍👦\n",
        "| model | input | output |\n|---|---|---|\n| gpt-4o | 2.50 | 10.00 |\n",
        "\n",
        "- Keep answers under 120 words.\n- Cite the ticket number, e.g. #48213.\n",
    };

    private BenchmarkTexts() {}

    /** Returns mixed prompt-like text of at least {@code characters} characters, the same for the same arguments. */
    static String mixedText(int characters, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(characters + 200);
        while (text.length() < characters) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /**
     * Returns mixed prompt-like text of at least {@code characters} characters in which no two lines are alike: each
     * line of each piece gets a different number at its end, so that no cache of repeated lines can help a counter.
     */
    static String distinctLinesText(int characters, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(characters + 400);
        long lineNumber = 0;
        while (text.length() < characters) {
            for (String line : PIECES[random.nextInt(PIECES.length)].split("\n", -1)) {
                if (!line.isEmpty()) {
                    text.append(line).append(" (").append(lineNumber++).append(')').append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Returns the size of {@code text} in UTF-8 bytes, the unit of the throughput figures. */
    static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
