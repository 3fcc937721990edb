package dev.promptwise.core.yaml;

import dev.promptwise.core.text.TextRange;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML with SnakeYAML's composer (never its constructor, so no Java type is ever built from user input) and
 * converts the nodes once into {@link YamlNode}s with UTF-16 ranges. Never throws on user input.
 *
 * <p>Hostile input is bounded: aliases per document, nesting depth and size are limited by SnakeYAML's loader
 * options, and each composed node is converted once, so an alias bomb costs no more than its text.
 */
public final class YamlReader {

    /** Most aliases a document may use before it is refused. */
    public static final int MAX_ALIASES = 100;
    /**
     * Most nodes the document may stand for once its aliases are expanded. Aliased nodes are converted once and
     * shared, but consumers that walk the tree (schema validation, JSON conversion) would expand them, so a
     * billion laughs is refused here for all of them.
     */
    public static final long MAX_EXPANDED_NODES = 100_000;
    /** Deepest nesting accepted. */
    public static final int MAX_NESTING = 64;
    /**
     * Largest YAML text read, in chars. SnakeYAML's scanner slows down more than linearly on very long scalars
     * (about 1.3 s for a 1 MB word here), and no prompt's front matter or strategy file comes near this size.
     */
    public static final int MAX_CODE_POINTS = 1024 * 1024;

    private YamlReader() {}

    /** Reads the whole of {@code text} as one YAML document. */
    public static YamlDocument read(String text) {
        return read(text, 0, text.length());
    }

    /**
     * Reads {@code text[start, end)} as one YAML document; ranges in the result are offsets into the whole
     * {@code text}, so front matter can be read in place.
     */
    public static YamlDocument read(String text, int start, int end) {
        List<YamlProblem> problems = new ArrayList<>();
        if (end - start > MAX_CODE_POINTS) {
            problems.add(new YamlProblem(YamlProblem.Kind.LIMIT, new TextRange(start, start),
                    String.format(java.util.Locale.ROOT, "YAML refused: %,d characters, above the limit of %,d",
                            end - start, MAX_CODE_POINTS)));
            return new YamlDocument(null, problems);
        }
        String yaml = text.substring(start, end);
        OffsetMap offsets = new OffsetMap(yaml, start);
        Node composed;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setNestingDepthLimit(MAX_NESTING);
            options.setCodePointLimit(MAX_CODE_POINTS);
            options.setAllowRecursiveKeys(false);
            options.setAllowDuplicateKeys(true);
            options.setProcessComments(false);
            Composer composer = new Composer(
                    new ParserImpl(new StreamReader(new StringReader(yaml)), options), new Resolver(), options);
            composed = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            problems.add(new YamlProblem(YamlProblem.Kind.SYNTAX, rangeOf(e, offsets, yaml), describe(e)));
            return new YamlDocument(null, problems);
        } catch (YAMLException | StackOverflowError | IllegalArgumentException e) {
            YamlProblem.Kind kind = isLimit(e) ? YamlProblem.Kind.LIMIT : YamlProblem.Kind.SYNTAX;
            String message = e.getMessage() == null ? "YAML could not be read" : firstLine(e.getMessage());
            problems.add(new YamlProblem(kind, new TextRange(start, Math.min(end, start + firstLineLength(yaml))),
                    kind == YamlProblem.Kind.LIMIT ? "YAML refused: " + message : "YAML error: " + message));
            return new YamlDocument(null, problems);
        }
        if (composed == null) {
            return new YamlDocument(null, problems);
        }
        Converter converter = new Converter(offsets, problems);
        YamlNode root = converter.convert(composed);
        long expanded = converter.expandedSize(root);
        if (expanded > MAX_EXPANDED_NODES) {
            problems.add(new YamlProblem(YamlProblem.Kind.LIMIT, root.range().start() == root.range().end()
                    ? root.range() : new TextRange(root.range().start(), root.range().start()),
                    String.format(java.util.Locale.ROOT,
                            "YAML refused: its aliases expand to more than %,d nodes (an alias bomb)", MAX_EXPANDED_NODES)));
            return new YamlDocument(null, problems);
        }
        problems.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
        return new YamlDocument(root, problems);
    }

    private static boolean isLimit(Throwable e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return e instanceof StackOverflowError || message.contains("limit") || message.contains("aliases")
                || message.contains("nesting");
    }

    private static String describe(MarkedYAMLException e) {
        StringBuilder message = new StringBuilder("YAML error: ");
        if (e.getContext() != null) {
            message.append(e.getContext()).append(", ");
        }
        message.append(e.getProblem() == null ? "invalid YAML" : e.getProblem());
        String text = message.toString();
        if (text.contains("\\t") || text.contains("tab")) {
            text += " (YAML does not allow tabs for indentation; use spaces)";
        }
        return text;
    }

    private static TextRange rangeOf(MarkedYAMLException e, OffsetMap offsets, String yaml) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        if (mark == null) {
            return new TextRange(offsets.base, offsets.base + firstLineLength(yaml));
        }
        int offset = offsets.toUtf16(mark.getIndex());
        int lineEnd = offset;
        int limit = offsets.base + yaml.length();
        String whole = offsets.yaml;
        while (lineEnd < limit && whole.charAt(lineEnd - offsets.base) != '\n'
                && whole.charAt(lineEnd - offsets.base) != '\r') {
            lineEnd++;
        }
        return new TextRange(offset, Math.max(offset, lineEnd));
    }

    private static int firstLineLength(String yaml) {
        int newline = yaml.indexOf('\n');
        return newline < 0 ? yaml.length() : newline;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Maps SnakeYAML's code point indexes to UTF-16 offsets in the whole document. */
    private static final class OffsetMap {
        private final String yaml;
        private final int base;
        private final int[] utf16ByCodePoint;

        OffsetMap(String yaml, int base) {
            this.yaml = yaml;
            this.base = base;
            boolean supplementary = false;
            for (int i = 0; i < yaml.length(); i++) {
                if (Character.isHighSurrogate(yaml.charAt(i))) {
                    supplementary = true;
                    break;
                }
            }
            if (!supplementary) {
                utf16ByCodePoint = null;
            } else {
                int codePoints = yaml.codePointCount(0, yaml.length());
                utf16ByCodePoint = new int[codePoints + 1];
                int utf16 = 0;
                for (int cp = 0; cp < codePoints; cp++) {
                    utf16ByCodePoint[cp] = utf16;
                    utf16 += Character.charCount(yaml.codePointAt(utf16));
                }
                utf16ByCodePoint[codePoints] = utf16;
            }
        }

        int toUtf16(int codePointIndex) {
            int index = Math.max(0, codePointIndex);
            if (utf16ByCodePoint == null) {
                return base + Math.min(index, yaml.length());
            }
            return base + utf16ByCodePoint[Math.min(index, utf16ByCodePoint.length - 1)];
        }
    }

    /** Converts composed nodes once each; shared (aliased) nodes are converted once and shared. */
    private static final class Converter {
        private final OffsetMap offsets;
        private final List<YamlProblem> problems;
        private final Map<Node, YamlNode> converted = new IdentityHashMap<>();
        private final Map<YamlNode, Long> sizes = new IdentityHashMap<>();
        private final Set<Node> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Converter(OffsetMap offsets, List<YamlProblem> problems) {
            this.offsets = offsets;
            this.problems = problems;
        }

        YamlNode convert(Node node) {
            YamlNode done = converted.get(node);
            if (done != null) {
                return done;
            }
            TextRange range = range(node);
            if (!inProgress.add(node)) {
                problems.add(new YamlProblem(YamlProblem.Kind.LIMIT, range, "YAML refused: a recursive alias"));
                return new YamlNode.Scalar("", "null", true, range);
            }
            YamlNode result;
            if (node instanceof ScalarNode scalar) {
                result = scalar(scalar);
            } else if (node instanceof MappingNode mapping) {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    YamlNode keyNode = convert(tuple.getKeyNode());
                    YamlNode.Scalar key = keyNode instanceof YamlNode.Scalar s
                            ? s : new YamlNode.Scalar("", "str", true, keyNode.range());
                    if (!seen.add(key.value())) {
                        problems.add(new YamlProblem(YamlProblem.Kind.DUPLICATE_KEY, key.range(),
                                "Duplicate key '" + key.value() + "': YAML keeps only one of them"));
                    }
                    entries.add(new YamlNode.Entry(key, convert(tuple.getValueNode())));
                }
                result = new YamlNode.Mapping(List.copyOf(entries), range);
            } else if (node instanceof SequenceNode sequence) {
                List<YamlNode> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    items.add(convert(item));
                }
                result = new YamlNode.Sequence(List.copyOf(items), range);
            } else {
                result = new YamlNode.Scalar("", "null", true, range);
            }
            inProgress.remove(node);
            converted.put(node, result);
            return result;
        }

        /** Returns how many nodes {@code node} stands for with aliases expanded, saturating at a large bound. */
        long expandedSize(YamlNode node) {
            Long known = sizes.get(node);
            if (known != null) {
                return known;
            }
            long size = 1;
            if (node instanceof YamlNode.Mapping mapping) {
                for (YamlNode.Entry entry : mapping.entries()) {
                    size = Math.min(Long.MAX_VALUE / 4, size + 1 + expandedSize(entry.value()));
                }
            } else if (node instanceof YamlNode.Sequence sequence) {
                for (YamlNode item : sequence.items()) {
                    size = Math.min(Long.MAX_VALUE / 4, size + expandedSize(item));
                }
            }
            sizes.put(node, size);
            return size;
        }

        private YamlNode.Scalar scalar(ScalarNode scalar) {
            String tag = scalar.getTag().getValue();
            int colon = tag.lastIndexOf(':');
            String shortTag = colon >= 0 ? tag.substring(colon + 1) : tag;
            boolean plain = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
            return new YamlNode.Scalar(scalar.getValue(), shortTag, plain, range(scalar));
        }

        private TextRange range(Node node) {
            int start = node.getStartMark() == null ? offsets.base : offsets.toUtf16(node.getStartMark().getIndex());
            int end = node.getEndMark() == null ? start : offsets.toUtf16(node.getEndMark().getIndex());
            return new TextRange(start, Math.max(start, end));
        }
    }
}
