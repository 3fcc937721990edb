package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.KnownChanges;
import dev.promptwise.core.text.TextChange;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The template variables and problems of a large body found after an edit, reusing the earlier version's scan, equal
 * a scan from scratch: random edit sequences on generated Jinja2, Mustache and Handlebars bodies (edits of prose, of
 * braces and the characters that make tags, deletions across tags), checked after every edit.
 */
class JinjaScansTest {

    /** Pieces of template text. */
    private static final String[] PIECES = {
        "You are a helpful assistant. Answer the customer's question briefly.\n",
        "Be polite, cite the ticket number and never invent facts.\n",
        "{\"role\": \"user\", \"content\": \"{{question}}\", \"id\": 42}\n",
        "Dear {{ customer.name }}, thanks for writing about {{ topic | upper }}.\n",
        "{{{ raw_html }}} and {{& escaped }} then {{> partial }}\n",
        "{{!-- a long comment with {{ hidden }} inside --}}\n",
        "{{! a short comment }} and {{= <% %> =}}\n",
        "{{#each items}}- {{this.title}} for {{../owner}} at {{@index}}\n{{/each}}\n",
        "{{#if flag}}yes {{answer}}{{else}}no{{/if}}\n",
        "{{^empty}}not empty {{ count }}{{/empty}}\n",
        "{% if user.admin %}admin {{ user.role }}{% elif guest %}guest{% else %}other{% endif %}\n",
        "{% for item in items %}{{ item.title }} #{{ loop.index }}\n{% endfor %}\n",
        "{%- for a, b in pairs -%}{{ a }}={{ b }}{%- endfor -%}\n",
        "{% set total = price * count %}Total: {{ total }} of {{ price }}\n",
        "{% set block_var %}content {{ inner }}{% endset %}{{ block_var }}\n",
        "{% with x = 1 %}{{ x }} {{ y }}{% endwith %}\n",
        "{% macro field(name, value) %}{{ name }}: {{ value }}{% endmacro %}{{ field('a', b) }}\n",
        "{% import 'forms.html' as forms %}{{ forms.input(c) }}\n",
        "{% from 'm.html' import helper as h %}{{ h(d) }}\n",
        "{# a comment with {{ not_a_use }} #}\n",
        "{% raw %}{{ not_a_variable }} {% if %}{% endraw %} after {{ real }}\n",
        "{{ a }} {{ b }} {{ c.d }} {{ e[0] }} {{ f(g) }} {{ 'str' ~ h }}\n",
        "Plain { braces } and {x} and a lone { here.\n",
        "Prose with % and # and -- dashes -} and %} and #} here.\n",
        "\n",
        "请用中文回答 {{ 问题 }}。\n",
    };

    /**
     * Broken pieces, each a problem: a few of them, since a scan that reached {@value TemplateScanner#MAX_PROBLEMS}
     * problems is not reused.
     */
    private static final String[] BROKEN_PIECES = {
        "{{ unclosed start of a tag\n",
        "{% if never_ended %}\n",
        "{% endfor %} without a for\n",
        "{% for x %}missing in{% endfor %}\n",
        "{%- if y -%} never ended either\n",
    };

    /** Rare pieces that read to the end of the text: after one of them, most edits cannot reuse a scan. */
    private static final String[] RARE_PIECES = {
        "{# a comment never closed\n",
        "{% raw %} a raw block never ended {{ x }}\n",
        "{{!-- a long comment never closed }}\n",
    };

    /** What edits insert: prose, and the characters tags hinge on. */
    private static final String[] SNIPPETS = {
        "x", "y", " ", "\n", "word ", "{", "}", "{{", "}}", "{%", "%}", "{#", "#}", "%", "#", "-", "--", "!",
        "{{ v }}", "{% if z %}", "{% endif %}", "{% raw %}", "{% endraw %}", "endraw", "raw", " as ", "=", "in",
        "|", ".", "../", "{{#each list}}", "{{/each}}", "{{{", "}}}", "'", "\"", "end",
    };

    /** What an edit next to a brace types: the characters that make, split or change a tag, or plain ones. */
    private static final String[] TAG_CHARACTERS = {"%", "#", "!", "-", "{", "}", "x", " ", "", "&", "/", "raw"};

    private final KnownChanges changes = new KnownChanges();
    private final SyntaxMemo memo = new SyntaxMemo(changes);

    @Test
    void afterEachOfManyRandomEditsTheScanEqualsAScanFromScratch() {
        int reused = 0;
        // Eight bodies of 150 edits each: the edits add broken tags, and past a hundred problems no scan is reused.
        for (int seed = 1; seed <= 8; seed++) {
            Random random = new Random(seed);
            String prefix = "---\nname: generated\n---\n";
            String text = prefix + body(random, 40_000, seed % 2 == 0);
            int start = prefix.length();
            TemplateScanner.Result previous = null;
            for (int edit = 0; edit < 150; edit++) {
                text = edit(random, text, start);
                TemplateScanner.Result incremental = TemplateScanner.mustacheOrJinja(text, start, text.length(), memo);
                assertEquals(TemplateScanner.mustacheOrJinja(text, start, text.length()), incremental,
                        "seed " + seed + ", after edit " + edit);
                if (previous != null && !previous.variables().isEmpty() && !incremental.variables().isEmpty()
                        && previous.variables().get(0) == incremental.variables().get(0)) {
                    // A scan from scratch makes new uses: this one was kept from the earlier version's.
                    reused++;
                }
                previous = incremental;
            }
        }
        assertTrue(reused > 150, "the edits of plain text reuse the scan: " + reused);
    }

    @Test
    void aPromptyDocumentParsedWithTheMemoEqualsOneParsedFromScratch() {
        Random random = new Random(17);
        String prefix = "---\nname: generated\nmodel:\n  id: gpt-4o\n---\nsystem:\n";
        String text = prefix + body(random, 30_000, false) + "\nuser:\n{{question}}\n";
        for (int edit = 0; edit < 200; edit++) {
            text = edit(random, text, prefix.length());
            PromptDocument incremental = PromptyParser.parse(text, memo);
            PromptDocument fromScratch = PromptyParser.parse(text);
            assertEquals(fromScratch.variables(), incremental.variables(), "after edit " + edit);
            assertEquals(fromScratch.problems(), incremental.problems(), "after edit " + edit);
        }
    }

    @Test
    void aPlainEditReusesTheEarlierScanAndAnEditOfATagDoesNot() {
        String text = "{{ first }} {% if broken %}\n" + "Some prose about {{ topic }} to answer.\n".repeat(800)
                + "{{ last }}\n";
        TemplateScanner.Result before = TemplateScanner.mustacheOrJinja(text, 0, text.length(), memo);
        int prose = text.indexOf("prose", text.length() / 2);

        String sameLength = replace(text, prose, prose + 1, "P");
        TemplateScanner.Result replaced = TemplateScanner.mustacheOrJinja(sameLength, 0, sameLength.length(), memo);
        assertSame(before, replaced, "a plain edit of the same length keeps the whole result");

        String longer = replace(sameLength, prose, prose, "more ");
        TemplateScanner.Result inserted = TemplateScanner.mustacheOrJinja(longer, 0, longer.length(), memo);
        assertEquals(TemplateScanner.mustacheOrJinja(longer, 0, longer.length()), inserted);
        assertSame(before.variables().get(0), inserted.variables().get(0), "the uses before the edit are kept");
        assertSame(before.problems().get(0), inserted.problems().get(0), "so are the problems");
        VariableUse lastBefore = before.variables().get(before.variables().size() - 1);
        VariableUse lastAfter = inserted.variables().get(inserted.variables().size() - 1);
        assertEquals(lastBefore.range().shift(5), lastAfter.range(), "the uses after the edit move with it");
        assertEquals(lastBefore.nameRange().shift(5), lastAfter.nameRange());

        int topic = longer.indexOf("topic", prose);
        String renamed = replace(longer, topic, topic + 1, "T");
        TemplateScanner.Result tagEdited = TemplateScanner.mustacheOrJinja(renamed, 0, renamed.length(), memo);
        assertEquals(TemplateScanner.mustacheOrJinja(renamed, 0, renamed.length()), tagEdited);
        assertNotSame(inserted.variables().get(0), tagEdited.variables().get(0), "an edit inside a tag rescans");

        int brace = renamed.indexOf("prose", topic);
        String braced = replace(renamed, brace, brace, "{");
        TemplateScanner.Result braceAdded = TemplateScanner.mustacheOrJinja(braced, 0, braced.length(), memo);
        assertNotSame(tagEdited.variables().get(0), braceAdded.variables().get(0), "so does a brace typed in prose");

        memo.clear();
        TemplateScanner.Result cleared = TemplateScanner.mustacheOrJinja(braced, 0, braced.length(), memo);
        assertEquals(braceAdded, cleared);
        assertNotSame(braceAdded.variables().get(0), cleared.variables().get(0), "clear forgets the scans");
    }

    @Test
    void anEditAfterATagNeverClosedToTheEndRescans() {
        String text = "{{ first }} {# never closed\n" + "Some prose about {{ topic }} to answer.\n".repeat(800);
        TemplateScanner.Result before = TemplateScanner.mustacheOrJinja(text, 0, text.length(), memo);
        int prose = text.indexOf("prose", text.length() / 2);
        String edited = replace(text, prose, prose + 1, "P");
        TemplateScanner.Result after = TemplateScanner.mustacheOrJinja(edited, 0, edited.length(), memo);
        assertEquals(TemplateScanner.mustacheOrJinja(edited, 0, edited.length()), after);
        assertNotSame(before, after);
    }

    @Test
    void smallTextsAndNoMemoScanFromScratch() {
        String small = "Hello {{ name }}, welcome.\n";
        TemplateScanner.Result first = TemplateScanner.mustacheOrJinja(small, 0, small.length(), memo);
        TemplateScanner.Result again = TemplateScanner.mustacheOrJinja(small, 0, small.length(), memo);
        assertEquals(first, again);
        assertNotSame(first, again);
        String large = "Some prose about {{ topic }} to answer.\n".repeat(800);
        assertEquals(TemplateScanner.mustacheOrJinja(large, 0, large.length()),
                TemplateScanner.mustacheOrJinja(large, 0, large.length(), null));
    }

    private static String body(Random random, int characters, boolean withRarePieces) {
        StringBuilder text = new StringBuilder(characters + 200);
        while (text.length() < characters) {
            if (withRarePieces && random.nextInt(400) == 0) {
                text.append(RARE_PIECES[random.nextInt(RARE_PIECES.length)]);
            } else if (random.nextInt(50) == 0) {
                text.append(BROKEN_PIECES[random.nextInt(BROKEN_PIECES.length)]);
            } else {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return text.toString();
    }

    /**
     * Returns {@code text} after one random edit at or after {@code from}: mostly small insertions, deletions and
     * replacements anywhere, some deleting a stretch across tags, some typing or deleting the characters that make
     * a tag right after a '{' or right before a '}'; half of them recorded as the server records an editor's change,
     * the others found by comparing.
     */
    private String edit(Random random, String text, int from) {
        int at;
        int removed;
        String inserted;
        int kind = random.nextInt(10);
        if (kind <= 1) {
            int brace = text.indexOf(kind == 0 ? '{' : '}', from + random.nextInt(text.length() - from));
            at = brace < 0 ? text.length() : kind == 0 ? brace + 1 : Math.max(from, brace - random.nextInt(3));
            removed = kind == 0 ? Math.min(random.nextInt(3), text.length() - at) : brace < 0 ? 0 : brace - at;
            inserted = TAG_CHARACTERS[random.nextInt(TAG_CHARACTERS.length)];
        } else {
            at = kind == 2 ? text.length() : from + random.nextInt(text.length() - from + 1);
            removed = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> Math.min(1, text.length() - at);
                case 2 -> Math.min(random.nextInt(8), text.length() - at);
                default -> Math.min(random.nextInt(300), text.length() - at);
            };
            inserted = random.nextInt(4) == 0 ? "" : SNIPPETS[random.nextInt(SNIPPETS.length)];
        }
        String edited = replace(text, at, at + removed, inserted);
        if (random.nextBoolean()) {
            changes.record(text, edited, new TextChange(at, at + removed, at + inserted.length()));
        }
        return edited;
    }

    private static String replace(String text, int from, int to, String inserted) {
        return text.substring(0, from) + inserted + text.substring(to);
    }
}
