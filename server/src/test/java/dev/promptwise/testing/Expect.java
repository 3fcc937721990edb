package dev.promptwise.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opentest4j.AssertionFailedError;

/**
 * Expected texts kept beside the tests, in the manner of rust-analyzer's {@code expect!}: a test renders something
 * whole (a hover's Markdown) and compares it with a file under {@code src/test/resources/expect/}; a mismatch
 * fails with a line diff.
 *
 * <p>When a change of wording is meant, rewrite the files instead of editing them by hand:
 * <pre>
 * mvn -B -pl server test -Dpromptwise.updateExpect=true        (or: UPDATE_EXPECT=1 mvn -B -pl server test)
 * </pre>
 * and read the diff of {@code server/src/test/resources/expect/} before committing it: the update accepts whatever
 * the code renders now. Without the flag nothing is written, and a missing file fails the test.
 */
public final class Expect {

    /** The system property that rewrites the expected files; Maven passes {@code -D} properties to the tests. */
    public static final String UPDATE_PROPERTY = "promptwise.updateExpect";
    /** The environment variable that does the same. */
    public static final String UPDATE_ENVIRONMENT = "UPDATE_EXPECT";

    private static final Expect DEFAULT = new Expect(Path.of("src", "test", "resources", "expect"), updateRequested());

    private final Path root;
    private final boolean update;

    /** Compares with (or, when {@code update}, rewrites) the files under {@code root}. */
    public Expect(Path root, boolean update) {
        this.root = root;
        this.update = update;
    }

    /**
     * Checks that {@code actual} equals the text of {@code src/test/resources/expect/<name>} (relative to the server
     * module, the tests' working folder); rewrites the file instead when the update flag is set.
     */
    public static void matches(String name, String actual) {
        DEFAULT.check(name, actual);
    }

    /** Returns whether {@code -Dpromptwise.updateExpect=true} or {@code UPDATE_EXPECT=1} asks for the files to be rewritten. */
    public static boolean updateRequested() {
        String property = System.getProperty(UPDATE_PROPERTY);
        String environment = System.getenv(UPDATE_ENVIRONMENT);
        return isOn(property) || isOn(environment);
    }

    private static boolean isOn(String value) {
        if (value == null) {
            return false;
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return lower.isEmpty() || lower.equals("1") || lower.equals("true") || lower.equals("yes");
    }

    /** Compares {@code actual} with the file {@code name} under the root, or rewrites it when updating. */
    public void check(String name, String actual) {
        Path file = root.resolve(name);
        String text = actual.endsWith("\n") ? actual : actual + "\n";
        try {
            if (update) {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                    Files.writeString(file, text, StandardCharsets.UTF_8);
                }
                return;
            }
            if (!Files.isRegularFile(file)) {
                throw new AssertionFailedError("No expected text at " + file.toAbsolutePath() + "; write it with "
                        + howToUpdate() + "\nactual:\n" + text);
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            if (!expected.equals(text)) {
                throw new AssertionFailedError(file + " differs (- expected, + actual); if the change is meant, "
                        + howToUpdate() + "\n" + diff(expected, text), expected, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String howToUpdate() {
        return "rerun with -D" + UPDATE_PROPERTY + "=true (or " + UPDATE_ENVIRONMENT + "=1) and review the diff.";
    }

    /** Returns a line diff of two texts: unchanged lines indented by two spaces, removed with "- ", added with "+ ". */
    public static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add("  " + a[i++]);
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                lines.add("- " + a[i++]);
            } else {
                lines.add("+ " + b[j++]);
            }
        }
        return String.join("\n", lines);
    }
}
