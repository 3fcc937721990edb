package dev.promptwise.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expected-text helper: it fails with a diff, fails on a missing file, and rewrites only when asked. */
class ExpectTest {

    @TempDir
    Path root;

    @Test
    void aMismatchFailsWithALineDiffAndNamesTheFlag() throws Exception {
        Files.createDirectories(root.resolve("hover"));
        Files.writeString(root.resolve("hover/a.md"), "**title**\n\n| input | $1.00 |\n");
        AssertionError failure = assertThrows(AssertionError.class,
                () -> new Expect(root, false).check("hover/a.md", "**title**\n\n| input | $2.00 |\n"));
        assertTrue(failure.getMessage().contains("  **title**\n  \n- | input | $1.00 |\n+ | input | $2.00 |"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("-Dpromptwise.updateExpect=true"), failure.getMessage());
        assertEquals("**title**\n\n| input | $1.00 |\n", Files.readString(root.resolve("hover/a.md")),
                "without the flag nothing is written");
    }

    @Test
    void anEqualTextPassesAndAMissingFileFails() throws Exception {
        Files.writeString(root.resolve("b.md"), "same\n");
        new Expect(root, false).check("b.md", "same");
        assertThrows(AssertionError.class, () -> new Expect(root, false).check("missing.md", "text"));
    }

    @Test
    void theUpdateFlagRewritesTheFile() throws Exception {
        new Expect(root, true).check("hover/new.md", "first");
        assertEquals("first\n", Files.readString(root.resolve("hover/new.md")));
        new Expect(root, true).check("hover/new.md", "second\n");
        assertEquals("second\n", Files.readString(root.resolve("hover/new.md")));
        new Expect(root, false).check("hover/new.md", "second");
    }

    @Test
    void theDiffKeepsOrder() {
        assertEquals("  a\n- b\n+ x\n  c", Expect.diff("a\nb\nc", "a\nx\nc"));
        assertEquals("  a\n+ b\n  c", Expect.diff("a\nc", "a\nb\nc"));
    }
}
