package dev.promptwise.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import org.junit.jupiter.api.Test;

/** The YAML layer: UTF-16 ranges, duplicate keys, and hostile input refused with a problem. */
class YamlReaderTest {

    @Test
    void rangesAreUtf16OffsetsEvenAfterEmojiAndCjk() {
        String text = "title: \"🙂 日本\"\nmodel: gpt-4o\n";
        YamlNode.Mapping root = YamlReader.read(text).rootMapping();
        YamlNode.Entry model = root.entry("model");
        assertEquals(text.indexOf("model"), model.key().range().start());
        assertEquals(new TextRange(text.indexOf("gpt-4o"), text.indexOf("gpt-4o") + 6), model.value().range());
    }

    @Test
    void frontMatterIsReadInPlace() {
        String text = "---\nname: x\n---\nbody";
        YamlDocument document = YamlReader.read(text, 4, 12);
        assertEquals(new TextRange(10, 11), document.rootMapping().get("name").range());
    }

    @Test
    void duplicateKeysAreKeptAndFlagged() {
        String text = "a: 1\nb: 2\na: 3\n";
        YamlDocument document = YamlReader.read(text);
        assertEquals(3, document.rootMapping().entries().size());
        assertEquals(1, document.problems().size());
        YamlProblem problem = document.problems().get(0);
        assertEquals(YamlProblem.Kind.DUPLICATE_KEY, problem.kind());
        assertEquals(new TextRange(10, 11), problem.range());
    }

    @Test
    void aTabIndentationErrorSaysSo() {
        YamlDocument document = YamlReader.read("model:\n\tid: gpt-4o\n");
        assertNull(document.root());
        YamlProblem problem = document.problems().get(0);
        assertEquals(YamlProblem.Kind.SYNTAX, problem.kind());
        assertTrue(problem.message().contains("tabs"), problem.message());
        assertEquals(7, problem.range().start());
    }

    @Test
    void aBillionLaughsIsRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        YamlDocument document = YamlReader.read(yaml.toString());
        assertEquals(YamlProblem.Kind.LIMIT, document.problems().get(0).kind(), document.problems().toString());
    }

    @Test
    void sharedAliasesBelowTheLimitAreConvertedOnce() {
        YamlDocument document = YamlReader.read("base: &b {x: 1}\none: *b\ntwo: *b\n");
        YamlNode.Mapping root = document.rootMapping();
        assertTrue(root.get("one") == root.get("two"), "an alias shares the converted node");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        YamlDocument document = YamlReader.read(deep);
        assertNull(document.root());
        assertEquals(YamlProblem.Kind.LIMIT, document.problems().get(0).kind(), document.problems().toString());
    }

    @Test
    void oversizedYamlIsRefusedBeforeParsing() {
        String huge = "key: " + "x".repeat(YamlReader.MAX_CODE_POINTS) + "\n";
        YamlDocument document = YamlReader.read(huge);
        assertNull(document.root());
        assertTrue(document.problems().get(0).message().startsWith("YAML refused:"), document.problems().toString());
    }

    @Test
    void recursiveAliasesDoNotLoop() {
        YamlDocument document = YamlReader.read("a: &a\n  b: *a\n");
        assertTrue(document.root() != null || !document.problems().isEmpty());
    }
}
