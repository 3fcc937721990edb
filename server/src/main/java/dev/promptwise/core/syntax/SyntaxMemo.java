package dev.promptwise.core.syntax;

import dev.promptwise.core.text.KnownChanges;
import dev.promptwise.core.text.RecentVersions;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlReader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An analysis host's memo of parsing: the last few scans for text examples, the last few Prompty role-line reads
 * of large contents (each reread only around an edit) and the last few template scans of large Prompty bodies (each
 * reused after an edit of plain text), the documents of recently parsed small texts and the last
 * large one, and the last front matter read. The host
 * creates one and passes it to {@link PromptParsers#parse(PromptFormat, String, String, SyntaxMemo)}; nothing here
 * is shared with another host, and {@link #clear} forgets it all.
 */
public final class SyntaxMemo {

    /** Texts longer than this are parsed every time rather than remembered whole, so the memo stays small. */
    private static final int MAX_REMEMBERED_CHARS = 64 * 1024;
    /** The most characters of text the document memo holds (its documents hold about as much again): 4 MiB. */
    private static final long REMEMBERED_CHARS_BUDGET = 4L * 1024 * 1024;

    private final KnownChanges changes;
    private final RecentVersions<ExampleScans.Scan> exampleScans;
    private final RecentVersions<PromptyParser.RoleLines> roleLines;
    private final RecentVersions<JinjaScans.Scan> jinjaScans;
    private final LinkedHashMap<DocumentKey, PromptDocument> documents = new LinkedHashMap<>(256, 0.75f, true);
    private long rememberedChars;
    /**
     * The last text over {@link #MAX_REMEMBERED_CHARS} parsed, with its document, known by identity: an analysis
     * asks for a text's document twice (for the files it attaches, then for the rest), and a large one would
     * otherwise be parsed twice on every keystroke.
     */
    private volatile LargeParse lastLarge;
    /**
     * The last front matter read, with where it starts: a keystroke in a prompt's body leaves its front matter as it
     * was, and reading it again with SnakeYAML was a sixteenth of the first keystrokes in a large prompt (profiled).
     */
    private volatile FrontMatterRead lastFrontMatter;

    /** Creates an empty memo whose passes ask {@code changes} (its host's) where two versions differ. */
    public SyntaxMemo(KnownChanges changes) {
        this.changes = changes;
        this.exampleScans = new RecentVersions<>(ExampleScans.CAPACITY, ExampleScans.Scan::text, changes);
        this.roleLines = new RecentVersions<>(PromptyParser.RoleLines.CAPACITY, PromptyParser.RoleLines::text,
                changes);
        this.jinjaScans = new RecentVersions<>(JinjaScans.CAPACITY, JinjaScans.Scan::text, changes);
    }

    /** Creates an empty memo of its own: a parse with it is a parse from scratch. */
    public SyntaxMemo() {
        this(new KnownChanges());
    }

    /** What a parse depends on: the format, the file's path (instructions files differ by name) and the text. */
    private record DocumentKey(PromptFormat format, String path, String text) {}

    /** A front matter's YAML, the offset it starts at in its file, and what it read as. */
    private record FrontMatterRead(int start, String yaml, YamlDocument document) {}

    /**
     * Returns {@link YamlReader#read(String, int, int)} of {@code text[start, end)}: the last one read again when the
     * same YAML starts at the same offset (its ranges are offsets into the file, so they hold), else a new reading.
     */
    public YamlDocument frontMatter(String text, int start, int end) {
        FrontMatterRead last = lastFrontMatter;
        if (last != null && last.start() == start && last.yaml().length() == end - start
                && text.startsWith(last.yaml(), start)) {
            return last.document();
        }
        YamlDocument document = YamlReader.read(text, start, end);
        lastFrontMatter = new FrontMatterRead(start, text.substring(start, end), document);
        return document;
    }

    /** A large text's document; {@link #text} is compared by identity, never by content. */
    private record LargeParse(PromptFormat format, String path, String text, PromptDocument document) {

        boolean isOf(PromptFormat otherFormat, String otherPath, String otherText) {
            return text == otherText && format == otherFormat && java.util.Objects.equals(path, otherPath);
        }
    }

    /**
     * Returns the document remembered for a small text of this format and path, or for the same large text as the
     * last large one asked for, else the one {@code parse} makes, remembered. A strategy file analyses every prompt it references on each keystroke; their texts rarely change,
     * and a document is immutable.
     */
    public PromptDocument document(PromptFormat format, String path, String text, Supplier<PromptDocument> parse) {
        if (text.length() > MAX_REMEMBERED_CHARS) {
            LargeParse last = lastLarge;
            if (last != null && last.isOf(format, path, text)) {
                return last.document();
            }
            PromptDocument document = parse.get();
            lastLarge = new LargeParse(format, path, text, document);
            return document;
        }
        DocumentKey key = new DocumentKey(format, path, text);
        PromptDocument known;
        synchronized (documents) {
            known = documents.get(key);
        }
        if (known != null) {
            return known;
        }
        PromptDocument document = parse.get();
        synchronized (documents) {
            if (documents.put(key, document) == null) {
                rememberedChars += text.length();
            }
            Iterator<Map.Entry<DocumentKey, PromptDocument>> eldest = documents.entrySet().iterator();
            while (rememberedChars > REMEMBERED_CHARS_BUDGET && eldest.hasNext()) {
                rememberedChars -= eldest.next().getKey().text().length();
                eldest.remove();
            }
        }
        return document;
    }

    /** Forgets every remembered scan, role-line read, template scan and document. */
    public void clear() {
        lastLarge = null;
        lastFrontMatter = null;
        exampleScans.clear();
        roleLines.clear();
        jinjaScans.clear();
        synchronized (documents) {
            documents.clear();
            rememberedChars = 0;
        }
    }

    KnownChanges changes() {
        return changes;
    }

    RecentVersions<ExampleScans.Scan> exampleScans() {
        return exampleScans;
    }

    RecentVersions<PromptyParser.RoleLines> roleLines() {
        return roleLines;
    }

    RecentVersions<JinjaScans.Scan> jinjaScans() {
        return jinjaScans;
    }
}
