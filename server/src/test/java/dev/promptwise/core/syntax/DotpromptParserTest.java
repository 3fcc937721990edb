package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins what the Dotprompt parser reads: roles, variables, inputs, model, limits and template problems. */
class DotpromptParserTest {

    private static PromptDocument parse(String text) {
        return PromptParsers.parse(PromptFormat.DOTPROMPT, text);
    }

    private static List<String> roles(PromptDocument document) {
        return document.messages().stream().map(Message::role).toList();
    }

    private static List<String> contents(PromptDocument document) {
        return document.messages().stream().map(Message::content).toList();
    }

    private static List<String> variableNames(PromptDocument document) {
        return document.variables().stream().map(VariableUse::name).toList();
    }

    @Test
    void roleMarkersSwitchTheRoleAndTextBeforeAnyMarkerIsUser() {
        PromptDocument document = parse("""
                ---
                model: googleai/gemini-2.5-flash
                ---
                Intro for the user.
                {{role "system"}}
                Be brief.
                {{role "model"}}
                Sure.
                {{role "user"}}
                Go.
                """);

        assertEquals(List.of("user", "system", "model", "user"), roles(document));
        assertEquals(List.of("Intro for the user.", "Be brief.", "Sure.", "Go."), contents(document));
        assertEquals(PromptFormat.DOTPROMPT, document.format());
        assertTrue(document.problems().isEmpty(), document.problems().toString());
    }

    @Test
    void messageRangeRunsFromItsMarkerToTheNextAndContentRangeIsTheTrimmedText() {
        MarkedPromptText fixture = MarkedPromptText.of(
                "---\nmodel: x\n---\n$0{{role \"system\"}}\n$1Be brief.$1\n\n$0$0{{role \"user\"}}\n$1Go.$1\n$0");
        PromptDocument document = parse(fixture.text());

        Message system = document.messages().get(0);
        assertEquals(fixture.range(0), system.range());
        assertEquals(fixture.inner(0), system.contentRange());
        Message user = document.messages().get(1);
        assertEquals(fixture.range(1), user.range());
        assertEquals(fixture.inner(1), user.contentRange());
    }

    @Test
    void roleBlocksEndAtTheirCloseAndBlankMarkersGiveNoMessage() {
        MarkedPromptText fixture = MarkedPromptText.of("""
                {{role "system"}}
                {{! nothing here but a comment }}
                $0{{#role "system"}}
                You are a reviewer.
                {{/role}}$0

                {{#role "user"}}
                Review {{code}}.
                {{/role}}
                """);
        PromptDocument document = parse(fixture.text());

        assertEquals(List.of("system", "user"), roles(document));
        assertEquals(List.of("You are a reviewer.", "Review {{code}}."), contents(document));
        assertEquals(fixture.range(0), document.messages().get(0).range());
        assertTrue(document.problems().isEmpty(), document.problems().toString());
    }

    @Test
    void commentsAreLeftOutOfTheContent() {
        PromptDocument document = parse("""
                {{role "system"}}
                {{! a note for authors }}
                Be kind.{{!-- inline
                note --}} Always.
                """);

        assertEquals(List.of("Be kind. Always."), contents(document));
    }

    @Test
    void variablesAreNamedByTheirRootWithExactRanges() {
        MarkedPromptText fixture = MarkedPromptText.of("""
                Hello $0{{ $1name$1 }}$0, from $0{{$1user$1.address.city}}$0 and $0{{{$1raw$1}}}$0.
                $0{{#if $1premium$1}}$0VIP{{/if}} $0{{json $1payload$1 indent=2}}$0 $0{{media url=$1imageUrl$1}}$0
                """);
        PromptDocument document = parse(fixture.text());

        assertEquals(List.of("name", "user", "raw", "premium", "payload", "imageUrl"), variableNames(document));
        for (int i = 0; i < document.variables().size(); i++) {
            VariableUse use = document.variables().get(i);
            assertEquals(fixture.range(i), use.range(), use.name());
            assertEquals(fixture.inner(i), use.nameRange(), use.name());
        }
    }

    @Test
    void helpersBuiltInsPartialsAndCommentsAreNotVariables() {
        PromptDocument document = parse("""
                {{role "user"}}
                {{history}} {{this}} {{@index}} {{@root.tools}} {{> footer}} {{>header year=2025}}
                {{! {{commented}} }} {{!-- {{alsoCommented}} --}} {{section "thought"}}
                {{#ifEquals kind "bug"}}bug{{/ifEquals}} {{add 1 2}} {{json this indent=2}}
                {{#> layout}}default{{/layout}} {{else}}
                """);

        assertEquals(List.of("kind"), variableNames(document));
    }

    @Test
    void inlinePartialDecoratorsAreBlocksWithoutVariables() {
        PromptDocument document = parse("{{#*inline \"greeting\"}}Hi {{name}}{{/inline}}\n{{> greeting}}\n");

        assertTrue(document.problems().isEmpty(), document.problems().toString());
        assertEquals(List.of("name"), variableNames(document));
    }

    @Test
    void namesInsideEachAndWithResolveAgainstTheItemButTheirArgumentAndElseDoNot() {
        PromptDocument document = parse("""
                {{#each orders}}
                - {{id}} {{status}} {{#each items}}{{name}}{{/each}}
                {{else}}
                No orders for {{customer}}.
                {{/each}}
                {{#with address}}{{city}}{{/with}}
                {{#if late}}{{reason}}{{/if}}
                """);

        assertEquals(List.of("orders", "customer", "address", "late", "reason"), variableNames(document));
    }

    @Test
    void picoschemaFieldsAreInputsWithWholeLineRemovalRanges() {
        MarkedPromptText fixture = MarkedPromptText.of("""
                ---
                input:
                  schema:
                $0    $1name$1: string, the customer's name
                $0$0    $1nickname$1?: string
                $0$0    $1tags$1(array): string
                $0$0    $1address$1(object, where to ship):
                      street: string
                      city?: string
                $0$0    $1size$1?(enum): [S, M, L]
                $0  default:
                    nickname: friend
                    tags: [a, b]
                ---
                Hi {{name}}
                """);
        PromptDocument document = parse(fixture.text());

        assertTrue(document.declaresInputs());
        List<DeclaredInput> inputs = document.inputs();
        assertEquals(List.of("name", "nickname", "tags", "address", "size"),
                inputs.stream().map(DeclaredInput::name).toList());
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(fixture.range(i), inputs.get(i).removalRange(), inputs.get(i).name());
            assertEquals(fixture.inner(i), inputs.get(i).range(), inputs.get(i).name());
        }
        assertNull(inputs.get(0).defaultValue());
        assertEquals("friend", inputs.get(1).defaultValue());
        assertEquals("[a, b]", inputs.get(2).defaultValue());
    }

    @Test
    void jsonSchemaPropertiesAreInputs() {
        PromptDocument document = parse("""
                ---
                input:
                  schema:
                    type: object
                    properties:
                      userName: string
                      items:
                        type: array
                        items: { type: string }
                ---
                {{userName}}
                """);

        assertEquals(List.of("userName", "items"), document.inputs().stream().map(DeclaredInput::name).toList());
        assertTrue(document.declaresInputs());
    }

    @Test
    void withoutASchemaNothingIsUndefined() {
        PromptDocument noInput = parse("---\nmodel: gemini-2.5-flash\n---\n{{name}}\n");
        PromptDocument namedSchema = parse("---\ninput:\n  schema: CustomerSchema\n---\n{{name}}\n");
        PromptDocument onlyDefaults = parse("---\ninput:\n  default:\n    tone: warm\n---\n{{tone}}\n");

        assertFalse(noInput.declaresInputs());
        assertFalse(namedSchema.declaresInputs());
        assertTrue(namedSchema.inputs().isEmpty());
        assertFalse(onlyDefaults.declaresInputs());
        assertEquals("warm", onlyDefaults.inputs().get(0).defaultValue());
    }

    @Test
    void flowMappingFieldsCannotBeRemovedLineByLine() {
        PromptDocument document = parse("---\ninput:\n  schema: { name: string, age: integer }\n---\n{{name}}\n");

        assertEquals(List.of("name", "age"), document.inputs().stream().map(DeclaredInput::name).toList());
        assertNull(document.inputs().get(0).removalRange());
    }

    @Test
    void modelAndMaxOutputTokensComeFromTheFrontMatter() {
        MarkedPromptText fixture = MarkedPromptText.of("""
                ---
                model: $0googleai/gemini-2.5-flash$0
                config:
                  temperature: 0.2
                  maxOutputTokens: 2048
                ---
                Hi
                """);
        PromptDocument document = parse(fixture.text());

        assertEquals(new ModelReference("googleai/gemini-2.5-flash", fixture.range(0)), document.model());
        assertEquals(2048, document.maxOutputTokens());
        assertEquals(512, parse("---\nconfig:\n  max_tokens: 512\n---\nHi\n").maxOutputTokens());
        assertEquals(256, parse("---\nconfig:\n  maxTokens: 256\n---\nHi\n").maxOutputTokens());
        assertNull(parse("Hi {{name}}").model());
        assertNull(parse("Hi {{name}}").maxOutputTokens());
    }

    @Test
    void aMaxOutputTokensThatIsNoNumberIsAProblemOnTheValue() {
        MarkedPromptText fixture = MarkedPromptText.of("---\nconfig:\n  maxOutputTokens: $0lots$0\n---\nHi\n");
        PromptDocument document = parse(fixture.text());

        assertNull(document.maxOutputTokens());
        assertEquals(1, document.problems().size());
        assertEquals(fixture.range(0), document.problems().get(0).range());
    }

    @Test
    void licenceCommentLinesMayPrecedeTheFrontMatter() {
        PromptDocument document = parse("""
                # Copyright 2026 Example
                #
                # SPDX-License-Identifier: Apache-2.0

                ---
                model: gemini-2.5-flash
                ---
                Hello {{name}}
                """);

        assertEquals("gemini-2.5-flash", document.model().id());
        assertEquals(List.of("Hello {{name}}"), contents(document));
    }

    @Test
    void aLoneRuleAfterHeadingLinesIsTemplateText() {
        String text = "# Title\n\n---\nWrite about {{topic}}.\n";
        PromptDocument document = parse(text);

        assertTrue(document.problems().isEmpty(), document.problems().toString());
        assertEquals(List.of(text.strip()), contents(document));
    }

    @Test
    void templateProblemsHaveExactRanges() {
        MarkedPromptText unmatched = MarkedPromptText.of("Hi\n$0{{/if}}$0\n");
        MarkedPromptText unclosed = MarkedPromptText.of("Hi\n$0{{#each items}}$0\n- {{this}}\n");
        MarkedPromptText mismatched = MarkedPromptText.of("{{#if a}}\nyes\n$0{{/each}}$0\n{{/if}}\n");
        MarkedPromptText unbalanced = MarkedPromptText.of("Hello {{name}}!\nOops $0}}$0 here\n");
        MarkedPromptText unclosedTag = MarkedPromptText.of("Hi $0{{#if detailed$0\nmore\n{{/role}}\n");

        assertProblemAt(unmatched, "never opened");
        assertProblemAt(unclosed, "never closed");
        assertProblemAt(mismatched, "{{#if}}");
        assertProblemAt(unbalanced, "Unbalanced braces");
        assertTrue(parse(unclosedTag.text()).problems().stream()
                .anyMatch(problem -> problem.range().equals(unclosedTag.range(0))));
    }

    private static void assertProblemAt(MarkedPromptText fixture, String messagePart) {
        List<SyntaxProblem> problems = parse(fixture.text()).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(fixture.range(0), problems.get(0).range());
        assertTrue(problems.get(0).message().contains(messagePart), problems.get(0).message());
    }

    @Test
    void jsonInTheTextIsNotAnUnbalancedBrace() {
        PromptDocument document = parse("Reply like {\"result\": {\"label\": \"bug\"}} and nothing else.\n");

        assertTrue(document.problems().isEmpty(), document.problems().toString());
    }

    @Test
    void frontMatterThatNeverClosesIsAProblemOnItsFence() {
        MarkedPromptText fixture = MarkedPromptText.of("$0---$0\nmodel: gemini-2.5-flash\nHello {{name}}\n");
        PromptDocument document = parse(fixture.text());

        assertEquals(1, document.problems().size());
        assertEquals(fixture.range(0), document.problems().get(0).range());
        assertTrue(document.messages().isEmpty());
    }

    @Test
    void yamlErrorsBecomeProblemsInsideTheFrontMatterAndTheBodyIsStillRead() {
        String text = "---\nmodel: gemini-2.5-flash\nconfig:\n\ttemperature: 0.7\n---\nHello {{name}}\n";
        PromptDocument document = parse(text);

        assertEquals(1, document.problems().size());
        SyntaxProblem problem = document.problems().get(0);
        assertTrue(problem.range().start() >= 4 && problem.range().end() <= text.indexOf("---", 4), problem.toString());
        assertTrue(problem.message().contains("tab"), problem.message());
        assertEquals("gemini-2.5-flash", document.model().id());
        assertEquals(List.of("name"), variableNames(document));
    }

    @Test
    void windowsLineEndingsReadTheSame() {
        String text = ("---\nmodel: m\ninput:\n  schema:\n    ticket: string\n    (*): any\n---\n{{role \"system\"}}\n"
                + "{{! note }}\nClassify.\n\nInput: a\nOutput: b\n\n{{role \"user\"}}\n{{ticket}}\n").replace("\n", "\r\n");
        PromptDocument document = parse(text);

        assertEquals(List.of("system", "user"), roles(document));
        assertEquals(List.of("Classify.\r\n\r\nInput: a\r\nOutput: b", "{{ticket}}"), contents(document));
        assertEquals(List.of("ticket"), variableNames(document));
        assertEquals(List.of("ticket"), document.inputs().stream().map(DeclaredInput::name).toList());
        assertEquals("    ticket: string\r\n", document.inputs().get(0).removalRange().slice(text));
        assertEquals("Input: a\r\nOutput: b\r\n", document.examples().get(0).range().slice(text));
        assertTrue(document.problems().isEmpty(), document.problems().toString());
    }

    @Test
    void invertedSectionsAndElseChainsNameTheirVariables() {
        PromptDocument document = parse("{{^items}}none{{/items}} {{#if a}}x{{else if b}}y{{else}}z{{/if}}");

        assertEquals(List.of("items", "a", "b"), variableNames(document));
        assertTrue(document.problems().isEmpty(), document.problems().toString());
    }

    @Test
    void userModelPairsBeforeTheLastUserMessageAreExamples() {
        PromptDocument document = parse("""
                {{role "system"}}
                Classify.
                {{role "user"}}
                The app crashes.
                {{role "model"}}
                bug
                {{role "user"}}
                {{ticket}}
                """);

        assertEquals(1, document.examples().size());
        FewShotExample example = document.examples().get(0);
        assertEquals(FewShotExample.Kind.MESSAGE_PAIR, example.kind());
        assertEquals("The app crashes.", example.input());
        assertEquals("bug", example.output());
        assertEquals("{{role \"user\"}}\nThe app crashes.\n{{role \"model\"}}\nbug\n",
                example.range().slice(document.text()));
    }
}
