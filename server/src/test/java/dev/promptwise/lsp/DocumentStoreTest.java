package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/** The document store applies the client's edits exactly as LSP defines them and keeps one snapshot a version. */
class DocumentStoreTest {

    private static final String URI = "file:///workspace/prompts/triage.prompty";

    private final List<String> log = new ArrayList<>();
    private final DocumentStore store = new DocumentStore(log::add);

    @Test
    void handsEachIncrementalEditToTheAnalysisHostInOrderAndAWholeReplacementToNoOne() {
        List<String> handed = new ArrayList<>();
        DocumentStore handing = new DocumentStore(log::add,
                (old, current, change) -> handed.add(old + " -> " + current + " " + change));
        handing.open(URI, "prompty", 1, "one\ntwo");
        TextDocumentContentChangeEvent whole = new TextDocumentContentChangeEvent("one\nthree");
        handing.change(URI, 2, List.of(edit(1, 0, 1, 3, "2"), edit(0, 0, 0, 0, ">")));
        handing.change(URI, 3, List.of(whole));
        assertEquals(List.of("one\ntwo -> one\n2 TextChange[start=4, oldEnd=7, newEnd=5]",
                "one\n2 -> >one\n2 TextChange[start=0, oldEnd=0, newEnd=1]"), handed);
    }

    @Test
    void insertsAfterAnEmojiCountingItsTwoUtf16Units() {
        store.open(URI, "prompty", 1, "hi 😀 there\nnext");
        // The emoji is two UTF-16 units, so "there" starts at column 6.
        assertEquals("hi 😀 dear there\nnext", changed(2, edit(0, 6, 0, 6, "dear ")));
    }

    @Test
    void replacesAcrossMultiByteTextAndLines() {
        store.open(URI, "prompty", 1, "système: é\nñ 🎉 fin\n");
        assertEquals("système: X fin\n", changed(2, edit(0, 9, 1, 4, "X")));
    }

    @Test
    void keepsCrLfLineBreaksAndAddressesLinesAfterThem() {
        store.open(URI, "prompty", 1, "one\r\ntwo\r\nthree");
        assertEquals("one\r\ntwo!\r\nthree", changed(2, edit(1, 3, 1, 3, "!")));
        assertEquals("one\r\ntwo!\r\n3", changed(3, edit(2, 0, 2, 5, "3")));
    }

    @Test
    void clampsAColumnPastTheLineEndToTheEndOfThatLine() {
        store.open(URI, "prompty", 1, "short\r\nnext");
        assertEquals("short.\r\nnext", changed(2, edit(0, 99, 0, 120, ".")));
        // Between the \r and the \n is past the line's end too (a client that counted the \r as a column): the
        // edit goes before the line break, which stays one "\r\n" (ChaosIT's client once assumed otherwise).
        assertEquals("short.!\r\nnext", changed(3, edit(0, 7, 0, 7, "!")));
    }

    @Test
    void clampsALinePastTheEndToTheEndOfTheText() {
        store.open(URI, "prompty", 1, "a\nb");
        assertEquals("a\nb\nc", changed(2, edit(7, 0, 9, 3, "\nc")));
    }

    @Test
    void deletesALineBreakAtTheEndOfALine() {
        store.open(URI, "prompty", 1, "first\nsecond\n");
        assertEquals("firstsecond\n", changed(2, edit(0, 5, 1, 0, "")));
    }

    @Test
    void appliesSeveralChangesInOrderEachOnTheTextLeftByThePrevious() {
        store.open(URI, "prompty", 1, "abc");
        assertEquals("Xbc\nZ", changed(2, edit(0, 0, 0, 1, "X"), edit(0, 3, 0, 3, "\nY"), edit(1, 0, 1, 1, "Z")));
    }

    @Test
    void aChangeWithoutARangeReplacesTheWholeDocument() {
        store.open(URI, "prompty", 1, "old text\nwith lines");
        assertEquals("new", changed(2, new TextDocumentContentChangeEvent("new")));
        assertEquals("new!", changed(3, edit(0, 3, 0, 3, "!")));
    }

    @Test
    void anEmptyChangeListGivesANewVersionWithTheSameText() {
        store.open(URI, "prompty", 1, "same");
        assertEquals("same", changed(2));
        assertEquals(2, store.get(URI).orElseThrow().version());
    }

    @Test
    void ignoresAndLogsAVersionThatIsNotNewer() {
        DocumentSnapshot open = store.open(URI, "prompty", 5, "text");
        assertTrue(store.change(URI, 5, List.of(edit(0, 0, 0, 0, "x"))).isEmpty());
        assertTrue(store.change(URI, 3, List.of(edit(0, 0, 0, 0, "y"))).isEmpty());
        assertSame(open, store.get(URI).orElseThrow());
        assertFalse(open.isSuperseded());
        assertEquals(2, log.size());
        assertTrue(log.get(1).contains("version 3"), log.get(1));
    }

    @Test
    void ignoresAndLogsEditsToADocumentThatIsNotOpen() {
        assertTrue(store.change("file:///never/opened.prompty", 2, List.of(edit(0, 0, 0, 0, "x"))).isEmpty());
        assertTrue(store.get("file:///never/opened.prompty").isEmpty());
        assertEquals(1, log.size());
    }

    @Test
    void aNewVersionSupersedesTheOldSnapshotWhichKeepsItsText() {
        DocumentSnapshot first = store.open(URI, "prompty", 1, "v1");
        DocumentSnapshot second = store.change(URI, 2, List.of(new TextDocumentContentChangeEvent("v2"))).orElseThrow();
        assertTrue(first.isSuperseded());
        assertEquals("v1", first.text());
        assertFalse(store.isCurrent(first));
        assertTrue(store.isCurrent(second));
        assertEquals("prompty", second.languageId());
    }

    @Test
    void closingRemovesTheDocumentAndSupersedesItsLastSnapshot() {
        DocumentSnapshot open = store.open(URI, "prompty", 1, "text");
        assertSame(open, store.close(URI).orElseThrow());
        assertTrue(open.isSuperseded());
        assertTrue(store.get(URI).isEmpty());
        assertTrue(store.close(URI).isEmpty());
    }

    private String changed(int version, TextDocumentContentChangeEvent... changes) {
        return store.change(URI, version, List.of(changes)).orElseThrow().text();
    }

    private static TextDocumentContentChangeEvent edit(int startLine, int startCharacter, int endLine,
            int endCharacter, String text) {
        return new TextDocumentContentChangeEvent(
                new Range(new Position(startLine, startCharacter), new Position(endLine, endCharacter)), text);
    }
}
