package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins what the shared template scanner counts as a variable use and as broken syntax, dialect by dialect. */
class TemplateScannerTest {

    @Test
    void mustachePlaceholderGivesItsWholeRangeAndNameRange() {
        String text = "Hello {{ name }}!";
        TemplateScanner.Result result = TemplateScanner.mustacheOrJinja(text, 0, text.length());
        assertEquals(List.of(new VariableUse("name", range(text, "{{ name }}"), range(text, "name"))),
                result.variables());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void attributesAndFiltersUseOnlyTheRootName() {
        String text = "{{ user.name | upper }} and {{ items[index] | join(sep) }} {{ 'lit' ~ other.x }}";
        assertEquals(List.of("user", "items", "index", "sep", "other"), names(text));
    }

    @Test
    void forLoopVariableIsLocalButTheSequenceIsAUse() {
        String text = "{% for item in items %}{{ item.title }} {{ loop.index }} {{ suffix }}{% endfor %}{{ item }}";
        TemplateScanner.Result result = TemplateScanner.mustacheOrJinja(text, 0, text.length());
        assertEquals(List.of("items", "suffix", "item"), names(result));
        VariableUse items = result.variables().get(0);
        assertEquals(range(text, "{% for item in items %}"), items.range());
        assertEquals(new TextRange(text.indexOf("items"), text.indexOf("items") + 5), items.nameRange());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void conditionsCommentsRawBlocksAndSetNames() {
        String text = """
                {# {{ commented }} #}{% if context and not skip %}{{ context }}{% elif other is defined %}{% endif %}
                {% raw %}{{ not_a_variable }}{% endraw %}{% set greeting = salutation ~ "!" %}{{ greeting }}
                """;
        assertEquals(List.of("context", "skip", "context", "other", "salutation"), names(text));
        assertEquals(List.of(), TemplateScanner.mustacheOrJinja(text, 0, text.length()).problems());
    }

    @Test
    void mustacheSectionsTriplesAndHandlebarsEach() {
        String text = "{{#show}}{{{html}}}{{/show}}{{! note }}{{> partial}}{{^nothing}}x{{/nothing}}"
                + "{{#each rows}}{{cell}} {{../title}}{{/each}}{{#if flag}}{{else}}{{/if}}{{&raw}}";
        assertEquals(List.of("show", "html", "nothing", "rows", "title", "flag", "raw"), names(text));
    }

    @Test
    void whitespaceControlMarkersAreNotPartOfTheName() {
        String text = "{{- name -}}{%- if flag -%}{%- endif -%}";
        assertEquals(List.of("name", "flag"), names(text));
    }

    @Test
    void unclosedExpressionIsAProblemOnItsOpener() {
        String text = "Hi {{ name and then {{ other }}";
        TemplateScanner.Result result = TemplateScanner.mustacheOrJinja(text, 0, text.length());
        assertEquals(List.of(new SyntaxProblem(new TextRange(3, 5), "'{{' is never closed with '}}'")),
                result.problems());
        assertEquals(List.of("other"), names(result));
    }

    @Test
    void unclosedStatementAndUnendedBlocksAreProblems() {
        String text = "{% if x %}a{% for y in ys %}b{% endif %} {% endfor %} {% if";
        TemplateScanner.Result result = TemplateScanner.mustacheOrJinja(text, 0, text.length());
        assertEquals(List.of(
                new SyntaxProblem(range(text, "{% for y in ys %}"),
                        "'{% for %}' is never closed with '{% endfor %}'"),
                new SyntaxProblem(range(text, "{% endfor %}"), "'{% endfor %}' has no matching '{% for %}'"),
                new SyntaxProblem(new TextRange(text.lastIndexOf("{%"), text.lastIndexOf("{%") + 2),
                        "'{%' is never closed with '%}'")), result.problems());
    }

    @Test
    void unclosedCommentAndRawAreProblems() {
        String text = "{# never closed {% raw %} {{ x }}";
        TemplateScanner.Result result = TemplateScanner.mustacheOrJinja(text, 0, text.length());
        assertEquals(List.of(new SyntaxProblem(new TextRange(0, 2), "'{#' is never closed with '#}'"),
                new SyntaxProblem(range(text, "{% raw %}"), "'{% raw %}' is never closed with '{% endraw %}'")),
                result.problems());
    }

    @Test
    void scanningASliceReportsOffsetsInTheWholeText() {
        String text = "{{ outside }}|{{ inside }}|";
        int start = text.indexOf('|') + 1;
        TemplateScanner.Result result = TemplateScanner.mustacheOrJinja(text, start, text.length() - 1);
        assertEquals(List.of(new VariableUse("inside", range(text, "{{ inside }}"), range(text, "inside"))),
                result.variables());
    }

    @Test
    void jsonBracesAreNotPlaceholders() {
        String text = "Answer as {\"name\": {\"first\": \"x\"}} or {{ {\"a\": 1} }}";
        TemplateScanner.Result result = TemplateScanner.mustacheOrJinja(text, 0, text.length());
        assertEquals(List.of(), result.variables());
    }

    @Test
    void manyUnclosedOpenersAreBoundedAndFinish() {
        String text = "{{ ".repeat(200_000);
        TemplateScanner.Result result = TemplateScanner.mustacheOrJinja(text, 0, text.length());
        assertEquals(TemplateScanner.MAX_PROBLEMS, result.problems().size());
        assertEquals(List.of(), result.variables());
    }

    @Test
    void semanticKernelVariablesAreDollarNames() {
        String text = "{{$input}} {{ summarize $text lang=$language }} {{ \"$notVar\" }} {{ plain }}";
        TemplateScanner.Result result = TemplateScanner.semanticKernel(text, 0, text.length());
        assertEquals(List.of("input", "text", "language"), names(result));
        assertEquals(new VariableUse("input", range(text, "{{$input}}"), range(text, "input")),
                result.variables().get(0));
        String broken = "{{$a} and {{$b}}";
        assertEquals(List.of(new SyntaxProblem(new TextRange(0, 2), "'{{' is never closed with '}}'")),
                TemplateScanner.semanticKernel(broken, 0, broken.length()).problems());
    }

    @Test
    void fStringPlaceholdersAndEscapes() {
        String text = "Tell {name.first} a {adjective:>10} joke about {items[0]}; {{literal}} }} {{";
        TemplateScanner.Result result = TemplateScanner.fString(text, 0, text.length());
        assertEquals(List.of("name", "adjective", "items"), names(result));
        assertEquals(new VariableUse("name", range(text, "{name.first}"), range(text, "name")),
                result.variables().get(0));
        assertEquals(List.of(), result.problems());
    }

    @Test
    void fStringUnbalancedBracesAreProblems() {
        String text = "a { b } c {} d {\"json\": 1}";
        TemplateScanner.Result result = TemplateScanner.fString(text, 0, text.length());
        assertEquals(List.of(
                new SyntaxProblem(range(text, "{ b }"),
                        "'{ b }' is not a variable placeholder; write '{{' and '}}' for literal braces"),
                new SyntaxProblem(range(text, "{}"),
                        "Empty placeholder '{}': name the variable, or write '{{}}' for literal braces"),
                new SyntaxProblem(range(text, "{\"json\": 1}"),
                        "'{\"json\": 1}' is not a variable placeholder; write '{{' and '}}' for literal braces")),
                result.problems());
        String lone = "x } y { z";
        assertEquals(List.of(
                new SyntaxProblem(new TextRange(2, 3),
                        "Single '}' outside a placeholder; write '}}' for a literal brace"),
                new SyntaxProblem(new TextRange(6, 7), "'{' is never closed; write '{{' for a literal brace")),
                TemplateScanner.fString(lone, 0, lone.length()).problems());
    }

    @Test
    void fStringFormatSpecMayHoldOneNestedField() {
        String text = "{price:>{width}} and {a{b}";
        TemplateScanner.Result result = TemplateScanner.fString(text, 0, text.length());
        assertEquals(List.of(new VariableUse("price", range(text, "{price:>{width}}"), range(text, "price")),
                new VariableUse("width", range(text, "{price:>{width}}"), range(text, "width")),
                new VariableUse("b", range(text, "{b}"), rangeWithin(text, "{b}", "b"))), result.variables());
        assertEquals(List.of(new SyntaxProblem(new TextRange(text.indexOf("{a"), text.indexOf("{a") + 1),
                "'{' is never closed; write '{{' for a literal brace")), result.problems());
    }

    private static List<String> names(String text) {
        return names(TemplateScanner.mustacheOrJinja(text, 0, text.length()));
    }

    private static List<String> names(TemplateScanner.Result result) {
        return result.variables().stream().map(VariableUse::name).toList();
    }

    /** Returns the range of {@code inner} inside the first occurrence of {@code outer} in {@code text}. */
    static TextRange rangeWithin(String text, String outer, String inner) {
        TextRange outerRange = range(text, outer);
        int start = outerRange.start() + outer.indexOf(inner);
        assertTrue(outer.contains(inner), outer + " lacks " + inner);
        return new TextRange(start, start + inner.length());
    }

    /** Returns the range of the first occurrence of {@code needle} in {@code text}. */
    static TextRange range(String text, String needle) {
        int start = text.indexOf(needle);
        assertTrue(start >= 0, "fixture lacks " + needle);
        return new TextRange(start, start + needle.length());
    }
}
