package dev.promptwise.core;

import dev.promptwise.core.text.TextChange;
import java.util.Random;

/**
 * Generates the large prompts and the random edits of the incremental-analysis property tests: prose, repeated
 * instructions, variables and few-shot examples in every written form (labels, pairs, tags, headings), and edits
 * that add and remove exactly the characters those forms hinge on (line breaks, blank lines, labels, tags).
 */
public final class LargePromptEdits {

    /** Pieces of prompt text, each a few lines; some repeat on purpose (duplicate instructions). */
    private static final String[] PIECES = {
        "You are a helpful assistant that classifies support tickets into billing, bug or other.\n",
        "Answer in JSON with the fields \"category\" and \"confidence\". Never add prose around it.\n",
        "Example 1:\nInput: My card was charged twice for the same order.\nOutput: {\"category\": \"billing\"}\n",
        "Example:\nThe app crashes on start -> bug\n\n",
        "Input: Where is my parcel?\nOutput: other\n\n",
        "Q: What is two plus two?\nA: Four.\n",
        "<example>\n<input>Refund please</input>\n<output>billing</output>\n</example>\n",
        "<example>\nUser: hello there\nAssistant: hi, how can I help?\n</example> trailing words\n",
        "<example>\nnever closed here\n",
        "### Example 2: refunds\nInput: I want my money back.\nOutput: billing\n\n## Notes\nBe brief.\n",
        "## Rules\n- Keep answers under 120 words.\n- Cite the ticket number, e.g. #48213.\n",
        "Use the customer's name {{customer}} in every answer you give. Be polite!\n",
        "Use the customer's name {{customer}} in every answer you give. Be polite!\n",
        "**Example 3:** Input: slow page\nOutput: bug\n",
        "请用中文回答用户的问题，并保持回答简洁。谢谢！\n",
        "\n",
        "\n\n",
        "Human: {{input}}\nAI:\n",
        "Windows line. Another sentence here for you to read.\r\n",
    };

    /** Snippets an edit inserts or replaces with: the characters the scanners decide on. */
    private static final String[] SNIPPETS = {
        "x", "\n", "\n\n", " ", ". ", "Input: a", "Output: b", "Example 4:\n", "<example>", "</example>",
        "### Example\n", "## Other\n", "Q: why\nA: because\n", "{{name}}", "\r\n", "\r", "-", "*", "#",
        "Use the customer's name {{customer}} in every answer you give.", "请", " json", "Return YAML keys.",
    };

    private LargePromptEdits() {}

    /** Returns a prompt body of at least {@code characters} characters built from the pieces. */
    public static String body(Random random, int characters) {
        StringBuilder text = new StringBuilder(characters + 200);
        while (text.length() < characters) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /** Returns a Prompty file with front matter, a large system message and a user message. */
    public static String prompty(Random random, int characters) {
        return "---\nname: generated\nmodel:\n  id: gpt-4o\ninputs:\n  customer:\n    type: string\n---\nsystem:\n"
                + body(random, characters) + "\nuser:\n{{question}}\n";
    }

    /**
     * Returns {@code text} after one random edit: mostly small insertions, deletions and replacements near a random
     * offset, sometimes a deletion of a whole stretch, sometimes at the very start or end.
     */
    public static String edit(Random random, String text) {
        return edit(random, text, null);
    }

    /** Where an edit is handed, as the document store hands it: {@code KnownChanges::record}, {@code AnalysisHost::edited}. */
    @FunctionalInterface
    public interface Recorder {
        void record(String old, String current, TextChange change);
    }

    /**
     * Returns {@code text} after one random edit, as {@link #edit(Random, String)} does, and hands the edit's range
     * to {@code recorder} as the language server's document store does for an editor's incremental change.
     */
    public static String editAndRecord(Random random, String text, Recorder recorder) {
        return edit(random, text, recorder);
    }

    private static String edit(Random random, String text, Recorder recorder) {
        int kind = random.nextInt(10);
        int at = kind == 0 ? 0 : kind == 1 ? text.length() : random.nextInt(text.length() + 1);
        int removed = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> Math.min(1, text.length() - at);
            case 2 -> Math.min(random.nextInt(8), text.length() - at);
            default -> Math.min(random.nextInt(300), text.length() - at);
        };
        String inserted = random.nextInt(4) == 0 ? "" : SNIPPETS[random.nextInt(SNIPPETS.length)];
        String edited = text.substring(0, at) + inserted + text.substring(at + removed);
        if (recorder != null) {
            recorder.record(text, edited, new TextChange(at, at + removed, at + inserted.length()));
        }
        return edited;
    }
}
