package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the sections found in a prompt: Markdown headings with their extent, and Dotprompt section markers. */
class SectionsTest {

    @Test
    void headingsRunToTheNextHeadingOfTheSameOrHigherLevel() {
        MarkedPromptText fixture = MarkedPromptText.of("""
                Preamble.
                $0# $1Role$1
                You triage tickets.
                $0$0## $1Rules$1 ##
                Be brief.
                $0$0## $1Format$1
                ```markdown
                # Not a heading inside code
                ```
                $0$0#### $1Details$1
                JSON only.
                $0$0# $1Input$1
                {{ticket}}
                $0""");
        List<Section> sections = Sections.find(fixture.text(), new TextRange(0, fixture.text().length()));

        assertEquals(List.of("Role", "Rules", "Format", "Details", "Input"),
                sections.stream().map(Section::title).toList());
        assertEquals(List.of(1, 2, 2, 4, 1), sections.stream().map(Section::level).toList());
        assertEquals(List.of(new TextRange(fixture.range(0).start(), fixture.range(4).start()), fixture.range(1),
                new TextRange(fixture.range(2).start(), fixture.range(3).end()), fixture.range(3), fixture.range(4)),
                sections.stream().map(Section::range).toList());
        assertEquals(fixture.innerRanges(), sections.stream().map(Section::titleRange).toList());
    }

    @Test
    void onlyTheGivenRangeIsSearched() {
        String text = "---\n# comment: yes\n---\n# Body\ntext\n";
        int bodyStart = text.indexOf("# Body");

        List<Section> sections = Sections.find(text, new TextRange(bodyStart, text.length()));

        assertEquals(List.of(new Section("Body", 1, new TextRange(bodyStart, text.length()),
                new TextRange(bodyStart + 2, bodyStart + 6))), sections);
    }

    @Test
    void hashesWithoutASpaceOrTitleAreNoHeadings() {
        String text = "#hashtag\n#\n    # indented code\n####### seven\n";

        assertEquals(List.of(), Sections.find(text, new TextRange(0, text.length())));
    }

    @Test
    void dotpromptSectionMarkersRunToTheNextMarker() {
        MarkedPromptText fixture = MarkedPromptText.of("""
                {{role "model"}}
                $0{{section "$1thought$1"}}
                Thinking.
                $0$0{{section '$1answer$1'}}
                Done.
                $0{{role "user"}}
                Next.
                """);
        List<Section> sections = Sections.find(fixture.text(), new TextRange(0, fixture.text().length()));

        assertEquals(List.of(new Section("thought", 0, fixture.range(0), fixture.inner(0)),
                new Section("answer", 0, fixture.range(1), fixture.inner(1))), sections);
    }
}
