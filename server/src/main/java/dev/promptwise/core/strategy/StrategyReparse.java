package dev.promptwise.core.strategy;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a strategy file again after an edit that stays inside one workload by composing only that workload's lines,
 * so that a keystroke in a file of thousands of workloads does not compose the whole YAML again: the other entries
 * are reused, those after the edit shifted by its length. Every case where reading the lines alone could differ from
 * reading them in place (anchors, aliases, tags, document markers, syntax errors, duplicate keys, an edit that
 * reaches a key or the indentation of the next one) falls back to a full parse.
 */
final class StrategyReparse {

    /** Deepest nesting of a workload's value re-read alone; deeper ones are parsed in place, where the limit applies. */
    private static final int MAX_WORKLOAD_NESTING = 32;

    private StrategyReparse() {}

    /** A tree and its number of nodes, counted as {@link YamlReader} counts them. */
    record TreeSize(YamlNode.Mapping root, long size) {}

    /**
     * Returns the strategy file {@code text} reads as, reusing {@code previous}, or {@code null} when the edit is not
     * confined to one workload's value and a full parse is needed.
     */
    static StrategyFile tryReparse(StrategyFile previous, String text) {
        return tryReparse(previous, text, new StrategyMemo());
    }

    /**
     * Returns what {@link #tryReparse(StrategyFile, String)} returns, counting the new tree's nodes from the last
     * tree's count that {@code memo} (the host's) remembers when {@code previous} is that tree.
     */
    static StrategyFile tryReparse(StrategyFile previous, String text, StrategyMemo memo) {
        String old = previous.text();
        if (text.length() > StrategyParser.MAX_CHARS || old.length() > StrategyParser.MAX_CHARS) {
            return null;
        }
        YamlNode.Mapping root = previous.yaml().rootMapping();
        if (root == null || !previous.yaml().problems().isEmpty()) {
            return null;
        }
        int prefix = commonPrefix(old, text);
        if (prefix == old.length() && prefix == text.length()) {
            return previous;
        }
        int suffix = commonSuffix(old, text, prefix);
        int oldChangeEnd = old.length() - suffix;
        int delta = text.length() - old.length();

        int workloadsIndex = indexOfOnlyKey(root, "workloads");
        if (workloadsIndex < 0 || !(root.entries().get(workloadsIndex).value() instanceof YamlNode.Mapping workloads)
                || workloads.entries().isEmpty()
                || workloads.range().start() != workloads.entries().get(0).key().range().start()) {
            // Absent, or a flow mapping ({ … }), whose entries do not each own whole lines.
            return null;
        }
        List<YamlNode.Entry> entries = workloads.entries();
        int edited = -1;
        for (int i = 0; i < entries.size() && entries.get(i).key().range().start() < prefix; i++) {
            edited = i;
        }
        if (edited < 0) {
            return null;
        }
        YamlNode.Entry entry = entries.get(edited);
        int blockEnd = edited + 1 < entries.size() ? entries.get(edited + 1).key().range().start()
                : workloadsIndex + 1 < root.entries().size()
                        ? root.entries().get(workloadsIndex + 1).key().range().start() : old.length();
        int keyStart = entry.key().range().start();
        int lineStart = old.lastIndexOf('\n', keyStart - 1) + 1;
        int lastNewline = old.lastIndexOf('\n', blockEnd - 1);
        if (!onlySpaces(old, lineStart, keyStart) || lastNewline < keyStart || oldChangeEnd > lastNewline
                || !onlySpaces(old, lastNewline + 1, blockEnd)) {
            return null;
        }
        int newBlockEnd = blockEnd + delta;
        if (!safeAlone(old, lineStart, blockEnd) || !safeAlone(text, lineStart, newBlockEnd)) {
            return null;
        }
        YamlDocument alone = YamlReader.read(text, lineStart, newBlockEnd);
        if (!alone.problems().isEmpty() || !(alone.root() instanceof YamlNode.Mapping block)
                || block.entries().size() != 1 || !block.entries().get(0).key().equals(entry.key())
                || depth(block.entries().get(0).value()) > MAX_WORKLOAD_NESTING) {
            return null;
        }
        Shift shift = new Shift(blockEnd, delta);
        List<YamlNode.Entry> newEntries = new ArrayList<>(entries.size());
        newEntries.addAll(entries.subList(0, edited));
        newEntries.add(block.entries().get(0));
        for (YamlNode.Entry after : entries.subList(edited + 1, entries.size())) {
            newEntries.add(shift.entry(after));
        }
        YamlNode.Mapping newWorkloads = new YamlNode.Mapping(List.copyOf(newEntries), shift.range(workloads.range()));
        List<YamlNode.Entry> rootEntries = new ArrayList<>(root.entries().size());
        for (int i = 0; i < root.entries().size(); i++) {
            YamlNode.Entry rootEntry = root.entries().get(i);
            rootEntries.add(i < workloadsIndex ? rootEntry : i == workloadsIndex
                    ? new YamlNode.Entry(rootEntry.key(), newWorkloads) : shift.entry(rootEntry));
        }
        YamlNode.Mapping newRoot = new YamlNode.Mapping(List.copyOf(rootEntries), shift.range(root.range()));
        // The limit on expanded nodes holds for the new tree as for a full read; the last tree's size, when this
        // is the tree it was counted for, saves walking all of it again.
        long limit = YamlReader.MAX_EXPANDED_NODES + 1;
        TreeSize last = memo.lastTreeSize();
        long newSize = last != null && last.root() == root
                ? last.size() - expandedSize(entry.value(), limit) + expandedSize(block.entries().get(0).value(), limit)
                : expandedSize(newRoot, limit);
        if (newSize > YamlReader.MAX_EXPANDED_NODES) {
            return null;
        }
        memo.lastTreeSize(new TreeSize(newRoot, newSize));
        // An entry other than the edited one whose range did not move is the same object as before (entries after
        // the edit are copies only when the edit changed the length, and then their ranges moved): its workload stands.
        YamlNode.Entry replaced = block.entries().get(0);
        Function<YamlNode.Entry, Workload> known = kept -> {
            Workload workload = previous.workloads().get(kept.key().value());
            return workload != null && kept != replaced && workload.range().equals(kept.range())
                    && workload.nameRange().equals(kept.key().range()) ? workload : null;
        };
        return StrategyParser.fromYaml(text, new YamlDocument(newRoot, List.of()), known);
    }

    /** Moves every offset at or after the end of the edited block by the edit's length; earlier ones stay. */
    private record Shift(int from, int delta) {

        TextRange range(TextRange range) {
            return new TextRange(offset(range.start()), offset(range.end()));
        }

        YamlNode.Entry entry(YamlNode.Entry entry) {
            return delta == 0 ? entry : new YamlNode.Entry((YamlNode.Scalar) node(entry.key()), node(entry.value()));
        }

        YamlNode node(YamlNode node) {
            if (delta == 0 || node.range().end() < from && node.range().start() < from) {
                return node;
            }
            if (node instanceof YamlNode.Scalar scalar) {
                return new YamlNode.Scalar(scalar.value(), scalar.tag(), scalar.plain(), range(scalar.range()));
            }
            if (node instanceof YamlNode.Mapping mapping) {
                List<YamlNode.Entry> entries = new ArrayList<>(mapping.entries().size());
                for (YamlNode.Entry entry : mapping.entries()) {
                    entries.add(entry(entry));
                }
                return new YamlNode.Mapping(List.copyOf(entries), range(mapping.range()));
            }
            YamlNode.Sequence sequence = (YamlNode.Sequence) node;
            List<YamlNode> items = new ArrayList<>(sequence.items().size());
            for (YamlNode item : sequence.items()) {
                items.add(node(item));
            }
            return new YamlNode.Sequence(List.copyOf(items), range(sequence.range()));
        }

        private int offset(int offset) {
            return offset >= from ? offset + delta : offset;
        }
    }

    /**
     * Returns whether {@code text[start, end)} reads alone as it reads in place: no anchors or aliases (whose meaning
     * reaches across entries), no tags (a {@code %TAG} directive could change them), no document markers.
     */
    private static boolean safeAlone(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '*' || c == '!' || c == '%' || c == '\t') {
                return false;
            }
            if ((c == '-' || c == '.') && (i == 0 || text.charAt(i - 1) == '\n') && i + 2 < end
                    && text.charAt(i + 1) == c && text.charAt(i + 2) == c) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfOnlyKey(YamlNode.Mapping mapping, String key) {
        int found = -1;
        for (int i = 0; i < mapping.entries().size(); i++) {
            if (mapping.entries().get(i).key().value().equals(key)) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static boolean onlySpaces(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static int depth(YamlNode node) {
        int deepest = 0;
        if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                deepest = Math.max(deepest, depth(entry.value()));
            }
            return deepest + 1;
        }
        if (node instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                deepest = Math.max(deepest, depth(item));
            }
            return deepest + 1;
        }
        return 0;
    }

    /** Counts the nodes as {@link YamlReader} does (an entry's key and value), stopping at {@code limit}. */
    private static long expandedSize(YamlNode node, long limit) {
        long size = 1;
        if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                size += 1 + expandedSize(entry.value(), limit);
                if (size >= limit) {
                    return size;
                }
            }
        } else if (node instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                size += expandedSize(item, limit);
                if (size >= limit) {
                    return size;
                }
            }
        }
        return size;
    }

    private static int commonPrefix(String a, String b) {
        int limit = Math.min(a.length(), b.length());
        int i = 0;
        while (i < limit && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int commonSuffix(String a, String b, int prefix) {
        int limit = Math.min(a.length(), b.length()) - prefix;
        int i = 0;
        while (i < limit && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }
}
