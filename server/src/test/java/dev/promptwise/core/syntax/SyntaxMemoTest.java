package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Which parses the memo answers without parsing again. */
class SyntaxMemoTest {

    private final SyntaxMemo memo = new SyntaxMemo();
    private final AtomicInteger parses = new AtomicInteger();

    private Supplier<PromptDocument> parser(String text) {
        return () -> {
            parses.incrementAndGet();
            return PromptParsers.parse(PromptFormat.PLAIN_TEXT, text);
        };
    }

    @Test
    void aLargeTextAskedForTwiceIsParsedOnce() {
        String large = "Answer the question in one sentence.\n".repeat(3_000);
        PromptDocument first = memo.document(PromptFormat.PLAIN_TEXT, "prompts/a.txt", large, parser(large));
        PromptDocument second = memo.document(PromptFormat.PLAIN_TEXT, "prompts/a.txt", large, parser(large));
        assertSame(first, second);
        assertEquals(1, parses.get());
    }

    @Test
    void aLargeTextIsKnownByIdentityFormatAndPathAndOnlyTheLastOneIsKept() {
        String large = "Answer the question in one sentence.\n".repeat(3_000);
        memo.document(PromptFormat.PLAIN_TEXT, "prompts/a.txt", large, parser(large));
        String equalCopy = new String(large.toCharArray());
        memo.document(PromptFormat.PLAIN_TEXT, "prompts/a.txt", equalCopy, parser(equalCopy));
        assertEquals(2, parses.get(), "an equal text that is another string is parsed: comparing a megabyte costs");
        memo.document(PromptFormat.PLAIN_TEXT, "prompts/b.txt", equalCopy, parser(equalCopy));
        assertEquals(3, parses.get(), "another path");
        memo.document(PromptFormat.VSCODE_PROMPT, "prompts/b.txt", equalCopy, parser(equalCopy));
        assertEquals(4, parses.get(), "another format");
        memo.document(PromptFormat.PLAIN_TEXT, "prompts/a.txt", large, parser(large));
        assertEquals(5, parses.get(), "only the last large text is kept");
        memo.clear();
        memo.document(PromptFormat.PLAIN_TEXT, "prompts/a.txt", large, parser(large));
        assertEquals(6, parses.get(), "clear forgets it");
    }

    @Test
    void aSmallTextIsRememberedByContent() {
        String small = "Answer the question.\n";
        memo.document(PromptFormat.PLAIN_TEXT, "prompts/a.txt", small, parser(small));
        memo.document(PromptFormat.PLAIN_TEXT, "prompts/a.txt", new String(small.toCharArray()), parser(small));
        assertEquals(1, parses.get());
    }

    @Test
    void aFrontMatterIsReadAgainOnlyWhenItsTextOrItsPlaceChanged() {
        String front = "---\nname: triage\nmodel:\n  id: gpt-4o\n---\n";
        String text = front + "system:\nSort the ticket.\n";
        int start = 4;
        int end = front.length() - 4;
        var first = memo.frontMatter(text, start, end);
        assertSame(first, memo.frontMatter(front + "system:\nSort the tickets, please.\n", start, end),
                "an edit of the body");
        var edited = memo.frontMatter(text.replace("gpt-4o", "gpt-4.1"), start, end + 1);
        assertEquals("gpt-4.1", edited.rootMapping().get("model") instanceof dev.promptwise.core.yaml.YamlNode.Mapping m
                ? m.scalar("id").value() : null);
        String moved = "\n" + text;
        var shifted = memo.frontMatter(moved, start + 1, end + 1);
        assertEquals(first.root().range().start() + 1, shifted.root().range().start(), "ranges are offsets in the file");
        memo.clear();
        assertEquals(first.root().range(), memo.frontMatter(text, start, end).root().range());
    }
}
