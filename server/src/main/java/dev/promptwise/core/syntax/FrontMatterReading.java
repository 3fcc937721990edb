package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlProblem;
import dev.promptwise.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and reads a prompt file's YAML front matter in place, and turns what is broken in it (a fence never closed,
 * YAML errors, duplicate keys) into {@link SyntaxProblem}s; shared by the Dotprompt and VS Code parsers.
 */
final class FrontMatterReading {

    /**
     * What the front matter holds.
     *
     * @param frontMatter the block's ranges, or {@code null} when the file has no front matter
     * @param root the YAML mapping, or {@code null} when there is no front matter, it is empty, it never closes or
     *     it is too broken to read
     * @param problems what is broken in it, in text order
     */
    record Read(FrontMatter frontMatter, YamlNode.Mapping root, List<SyntaxProblem> problems) {}

    private FrontMatterReading() {}

    /**
     * Reads the front matter that starts at {@code from} (0, or the end of a header such as Dotprompt's licence
     * comment lines). A front matter that never closes is reported on its opening fence and not read as YAML, since
     * the body would be read with it.
     */
    static Read read(String text, int from) {
        return read(text, from, null);
    }

    /** Reads the front matter as {@link #read(String, int)} does, its YAML through {@code memo} when there is one. */
    static Read read(String text, int from, SyntaxMemo memo) {
        FrontMatter frontMatter = findAt(text, from);
        List<SyntaxProblem> problems = new ArrayList<>();
        if (frontMatter == null) {
            return new Read(null, null, problems);
        }
        if (!frontMatter.closed()) {
            int fenceStart = frontMatter.whole().start();
            problems.add(new SyntaxProblem(HandlebarsScanner.lineRange(text, fenceStart, text.length()),
                    "The front matter opened here is never closed: add a line of --- after it"));
            return new Read(frontMatter, null, problems);
        }
        YamlDocument yaml = memo == null ? YamlReader.read(text, frontMatter.yaml().start(), frontMatter.yaml().end())
                : memo.frontMatter(text, frontMatter.yaml().start(), frontMatter.yaml().end());
        for (YamlProblem problem : yaml.problems()) {
            problems.add(new SyntaxProblem(problem.range(), problem.message()));
        }
        YamlNode.Mapping root = yaml.rootMapping();
        if (yaml.root() != null && root == null && !(yaml.root() instanceof YamlNode.Scalar scalar && scalar.isNull())) {
            problems.add(new SyntaxProblem(yaml.root().range(),
                    "The front matter should be a YAML mapping of keys such as model: and config:"));
        }
        return new Read(frontMatter, root, problems);
    }

    /** Returns the front matter starting at {@code from}, with ranges in the whole text, or {@code null}. */
    private static FrontMatter findAt(String text, int from) {
        if (from == 0) {
            return FrontMatter.find(text);
        }
        FrontMatter found = FrontMatter.find(text.substring(from));
        if (found == null) {
            return null;
        }
        return new FrontMatter(found.yaml().shift(from), found.whole().shift(from), found.body().shift(from),
                found.closed());
    }

    /**
     * Returns the model named on a top-level {@code model:} line of front matter that YAML could not read, so that
     * a file with a typo elsewhere in its front matter is still priced; {@code null} when there is no such line.
     */
    static ModelReference modelOfBrokenYaml(String text, FrontMatter frontMatter) {
        int lineStart = frontMatter.yaml().start();
        int limit = frontMatter.yaml().end();
        while (lineStart < limit) {
            int lineEnd = lineStart;
            while (lineEnd < limit && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            if (text.startsWith("model:", lineStart)) {
                int valueStart = lineStart + "model:".length();
                int valueEnd = lineEnd;
                int comment = text.indexOf(" #", valueStart);
                if (comment >= 0 && comment < valueEnd) {
                    valueEnd = comment;
                }
                while (valueStart < valueEnd && Character.isWhitespace(text.charAt(valueStart))) {
                    valueStart++;
                }
                while (valueEnd > valueStart && Character.isWhitespace(text.charAt(valueEnd - 1))) {
                    valueEnd--;
                }
                if (valueEnd - valueStart >= 2 && (text.charAt(valueStart) == '"' || text.charAt(valueStart) == '\'')
                        && text.charAt(valueEnd - 1) == text.charAt(valueStart)) {
                    valueStart++;
                    valueEnd--;
                }
                return valueStart < valueEnd
                        ? new ModelReference(text.substring(valueStart, valueEnd), new TextRange(valueStart, valueEnd))
                        : null;
            }
            lineStart = lineEnd + 1;
        }
        return null;
    }

    /** Returns the range of the whole text after a byte order mark, for files without front matter. */
    static TextRange wholeWithoutBom(String text) {
        return new TextRange(text.startsWith("\uFEFF") ? 1 : 0, text.length());
    }
}
