package dev.promptwise.core.syntax;

import dev.promptwise.core.text.KnownChanges;
import dev.promptwise.core.text.RecentVersions;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Prompty files ({@code *.prompty}): YAML front matter, then a body of role blocks whose
 * {@code {{ name }}} placeholders are Jinja2 or Mustache.
 *
 * <p>Both generations of the Prompty specification are read. The current one names the model with
 * {@code model.id} and limits output with {@code model.options.maxOutputTokens}, and lists {@code inputs} as
 * {@code - name: x}; the first one named it with {@code model.configuration.name} or {@code azure_deployment},
 * limited output with {@code model.parameters.max_tokens}, declared {@code inputs} as a mapping of name to
 * {@code {type, default, description}} and gave values in {@code sample}.
 *
 * <p>Inputs come from {@code inputs} and {@code inputSchema.properties}; when neither is present the keys of
 * {@code sample} declare them, since files of the first generation often had nothing else.
 */
final class PromptyParser {

    /** A role line: {@code system:}, {@code # User:}, {@code assistant[name="bot"]:}, alone on its line. */
    private static final Pattern ROLE_LINE = Pattern.compile(
            "[ \\t]*#?[ \\t]*(system|user|assistant|developer)[ \\t]*(\\[[^\\]\\r\\n]*\\])?[ \\t]*:[ \\t]*",
            Pattern.CASE_INSENSITIVE);

    /** Longest line tried as a role line; longer ones are prose, and the regular expression never sees them. */
    private static final int MAX_ROLE_LINE = 200;

    /** Contents at least this long are recorded as slices of the file (see {@link KnownChanges#recordSlice}). */
    private static final int LARGE_CONTENT = 16 * 1024;

    private PromptyParser() {}

    /** Parses {@code text} from scratch, with a memo of its own; never throws on user input. */
    static PromptDocument parse(String text) {
        return parse(text, new SyntaxMemo());
    }

    /** Parses {@code text}, reusing what {@code memo} remembers of earlier versions; never throws on user input. */
    static PromptDocument parse(String text, SyntaxMemo memo) {
        List<SyntaxProblem> problems = new ArrayList<>();
        List<DeclaredInput> inputs = new ArrayList<>();
        ModelReference model = null;
        Integer maxOutputTokens = null;
        boolean declaresInputs = false;
        List<Attachment> attachments = new ArrayList<>();
        int bodyStart = 0;
        FrontMatter frontMatter = FrontMatter.find(text);
        if (frontMatter != null) {
            bodyStart = frontMatter.body().start();
            if (!frontMatter.closed()) {
                int fenceEnd = Math.min(text.length(), frontMatter.whole().start() + 3);
                problems.add(new SyntaxProblem(new TextRange(frontMatter.whole().start(), fenceEnd),
                        "Front matter is never closed: add a line '---' after the YAML"));
            } else {
                YamlDocument yaml = memo == null ? YamlReader.read(text, frontMatter.yaml().start(),
                        frontMatter.yaml().end())
                        : memo.frontMatter(text, frontMatter.yaml().start(), frontMatter.yaml().end());
                problems.addAll(YamlPromptSupport.problemsOf(yaml));
                YamlNode.Mapping root = yaml.rootMapping();
                if (root != null) {
                    model = modelOf(root);
                    maxOutputTokens = maxOutputTokensOf(root);
                    declaresInputs = readInputs(text, root, inputs);
                    Attachments.addFileDefaults(root.get("inputs"), attachments);
                    Attachments.addFileDefaults(YamlPromptSupport.at(root, "inputSchema", "properties"), attachments);
                    Attachments.addTools(YamlPromptSupport.at(root, "model", "parameters", "tools"), attachments);
                    Attachments.addTools(YamlPromptSupport.at(root, "model", "options", "tools"), attachments);
                    Attachments.addTools(root.get("tools"), attachments);
                }
            }
        }
        List<Message> messages = messagesOf(text, bodyStart, memo);
        TemplateScanner.Result template = TemplateScanner.mustacheOrJinja(text, bodyStart, text.length(), memo);
        problems.addAll(template.problems());
        List<FewShotExample> examples = new ArrayList<>(ExampleFinder.find(text, messages, memo));
        Attachments.addMarkdownImages(text, bodyStart, attachments);
        return new PromptDocument(PromptFormat.PROMPTY, text, messages, template.variables(), inputs, model,
                maxOutputTokens, examples, problems, declaresInputs, Attachments.inTextOrder(attachments));
    }

    /**
     * Returns the messages of the body starting at {@code bodyStart}: one per role line, and a system message for
     * any text before the first one. Content ranges leave out the role line, blank lines around the content and
     * trailing spaces; an empty list when the body is blank.
     */
    static List<Message> messagesOf(String text, int bodyStart, SyntaxMemo memo) {
        return messagesFrom(text, bodyStart, RoleLines.of(text, bodyStart, memo), memo);
    }

    /** Returns what {@link #messagesOf} returns, reading every line: the reference of the tests. */
    static List<Message> messagesFromScratch(String text, int bodyStart) {
        return messagesFrom(text, bodyStart, RoleLines.fromScratch(text, bodyStart), null);
    }

    private static List<Message> messagesFrom(String text, int bodyStart, RoleLines roleLines, SyntaxMemo memo) {
        List<Message> messages = new ArrayList<>();
        String role = "system";
        int blockStart = bodyStart;
        int contentStart = bodyStart;
        for (int index = 0; index < roleLines.count; index++) {
            int lineStart = roleLines.starts[index];
            addMessage(text, messages, role, blockStart, contentStart, lineStart, blockStart != contentStart, memo);
            role = roleLines.roles[index];
            blockStart = lineStart;
            contentStart = nextLine(text, roleLines.ends[index]);
        }
        addMessage(text, messages, role, blockStart, contentStart, text.length(), blockStart != contentStart, memo);
        return messages;
    }

    /**
     * The role lines of a body (start, end of line and role, in order). Whether a line is a role line depends on
     * that line alone, so after an edit the role lines wholly before or after it are the earlier version's; only
     * the lines around the edit are read again. The last few large bodies are remembered in the host's
     * {@link SyntaxMemo}.
     */
    static final class RoleLines {

        static final int CAPACITY = 4;

        private final String text;
        private final int bodyStart;
        private int[] starts = new int[8];
        private int[] ends = new int[8];
        private String[] roles = new String[8];
        private int count;

        private RoleLines(String text, int bodyStart) {
            this.text = text;
            this.bodyStart = bodyStart;
        }

        String text() {
            return text;
        }

        static RoleLines fromScratch(String text, int bodyStart) {
            RoleLines lines = new RoleLines(text, bodyStart);
            lines.read(bodyStart, text.length());
            return lines;
        }

        static RoleLines of(String text, int bodyStart, SyntaxMemo memo) {
            if (text.length() - bodyStart < LARGE_CONTENT) {
                return fromScratch(text, bodyStart);
            }
            RecentVersions<RoleLines> recent = memo.roleLines();
            RecentVersions.Closest<RoleLines> closest = recent.closest(text,
                    (candidate, change) -> candidate.bodyStart == bodyStart && change.start() > bodyStart);
            RoleLines previous = closest == null ? null : closest.version();
            RoleLines lines = previous == null ? fromScratch(text, bodyStart) : previous.after(closest.change(), text);
            recent.remember(lines, previous, known -> known.text == text && known.bodyStart == bodyStart);
            return lines;
        }

        /** Returns the role lines of {@code current}, this text with {@code change} applied. */
        private RoleLines after(TextChange change, String current) {
            // Read again from a line start before the edit: a position after '\n' always starts a line.
            int from = Math.max(bodyStart, change.start() - 1);
            while (from > bodyStart && current.charAt(from - 1) != '\n') {
                from--;
            }
            RoleLines lines = new RoleLines(current, bodyStart);
            int kept = 0;
            while (kept < count && starts[kept] < from) {
                lines.add(starts[kept], ends[kept], roles[kept]);
                kept++;
            }
            // Lines that start after a break past the edit are the earlier version's, shifted.
            int stoppedAt = lines.read(from, change.newEnd() + 1);
            int delta = change.delta();
            for (int index = kept; index < count; index++) {
                if (starts[index] + delta >= stoppedAt) {
                    lines.add(starts[index] + delta, ends[index] + delta, roles[index]);
                }
            }
            return lines;
        }

        /** A stretch shorter than this is read a character at a time, without first looking for a '\r'. */
        private static final int FEW_LINES = 4096;

        /**
         * Adds the role lines among the lines from {@code lineStart} (a line start) on, stopping at the first line
         * that starts at or after {@code stopAt}; returns where that line starts, or the text's length.
         */
        private int read(int lineStart, int stopAt) {
            // Without a carriage return every line ends at the next '\n', which indexOf finds far faster. Looking
            // for one is a pass over the rest of the text, which a read of the few lines around an edit skips.
            boolean newlinesOnly = stopAt - lineStart > FEW_LINES && text.indexOf('\r', lineStart) < 0;
            Matcher matcher = ROLE_LINE.matcher(text);
            while (lineStart < text.length() && lineStart < stopAt) {
                int lineEnd = newlinesOnly ? newlineOrEnd(text, lineStart) : lineEnd(text, lineStart);
                if (lineEnd - lineStart <= MAX_ROLE_LINE && mayBeRoleLine(text, lineStart, lineEnd)
                        && matcher.region(lineStart, lineEnd).matches()) {
                    add(lineStart, lineEnd, matcher.group(1).toLowerCase(Locale.ROOT));
                }
                lineStart = nextLine(text, lineEnd);
            }
            return Math.min(lineStart, text.length());
        }

        private void add(int start, int end, String role) {
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
                roles = java.util.Arrays.copyOf(roles, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            roles[count] = role;
            count++;
        }
    }

    private static void addMessage(String text, List<Message> messages, String role, int blockStart,
            int contentStart, int blockEnd, boolean hasRoleLine, SyntaxMemo memo) {
        int start = contentStart;
        // Skip whole blank lines before the content, but keep the indentation of its first line.
        int scan = start;
        while (scan < blockEnd) {
            char c = text.charAt(scan);
            if (c == '\n' || c == '\r') {
                start = scan + 1;
            } else if (c != ' ' && c != '\t') {
                break;
            }
            scan++;
        }
        if (scan >= blockEnd) {
            start = Math.min(contentStart, blockEnd);
        }
        int end = blockEnd;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (!hasRoleLine && start == end) {
            return;
        }
        TextRange content = new TextRange(start, end);
        TextRange whole = new TextRange(hasRoleLine ? blockStart : start, Math.max(end, hasRoleLine
                ? trimmedLineEnd(text, blockStart) : end));
        String contentText = content.slice(text);
        if (contentText.length() >= LARGE_CONTENT && memo != null) {
            // The token counter compares a large message's content with its previous version's; this tells it
            // where they differ from the edit of the file, without comparing a megabyte.
            memo.changes().recordSlice(text, content, contentText);
        }
        messages.add(new Message(role, whole, content, contentText, true));
    }

    private static int trimmedLineEnd(String text, int lineStart) {
        int end = lineEnd(text, lineStart);
        while (end > lineStart && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static ModelReference modelOf(YamlNode.Mapping root) {
        YamlNode model = root.get("model");
        if (model instanceof YamlNode.Scalar scalar) {
            return YamlPromptSupport.string(scalar) == null ? null : new ModelReference(scalar.value(), scalar.range());
        }
        if (!(model instanceof YamlNode.Mapping mapping)) {
            return null;
        }
        String[][] paths = {{"id"}, {"name"}, {"configuration", "name"}, {"configuration", "azure_deployment"},
            {"configuration", "model"}, {"configuration", "deployment"}};
        for (String[] path : paths) {
            YamlNode node = YamlPromptSupport.at(mapping, path);
            String id = YamlPromptSupport.string(node);
            if (id != null && !id.startsWith("${")) {
                return new ModelReference(id, node.range());
            }
        }
        return null;
    }

    private static Integer maxOutputTokensOf(YamlNode.Mapping root) {
        String[][] paths = {{"model", "options", "maxOutputTokens"}, {"model", "options", "max_output_tokens"},
            {"model", "options", "maxTokens"}, {"model", "options", "max_tokens"},
            {"model", "options", "max_completion_tokens"}, {"model", "parameters", "max_tokens"},
            {"model", "parameters", "max_completion_tokens"}, {"model", "parameters", "maxOutputTokens"},
            {"model", "parameters", "max_output_tokens"}};
        for (String[] path : paths) {
            Integer value = YamlPromptSupport.integerAt(root, path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Adds the declared inputs to {@code inputs} and returns whether the front matter declares inputs at all. */
    private static boolean readInputs(String text, YamlNode.Mapping root, List<DeclaredInput> inputs) {
        boolean declares = false;
        YamlNode.Entry inputsEntry = root.entry("inputs");
        if (inputsEntry != null) {
            declares = true;
            YamlPromptSupport.addInputs(text, inputsEntry.value(), inputs);
        }
        YamlNode.Mapping inputSchema = root.mapping("inputSchema");
        if (inputSchema != null) {
            declares = true;
            YamlPromptSupport.addInputs(text, inputSchema.get("properties"), inputs);
        }
        YamlNode.Mapping sample = root.mapping("sample");
        if (!declares && sample != null) {
            declares = true;
            YamlPromptSupport.addInputs(text, sample, inputs);
        }
        return declares;
    }

    /**
     * Returns whether the line can be a role line at all: its first character other than spaces, tabs and one
     * {@code #} starts a role's name and it holds a colon. Most lines fail at once, so the pattern runs on few.
     */
    private static boolean mayBeRoleLine(String text, int lineStart, int lineEnd) {
        int index = lineStart;
        while (index < lineEnd && (text.charAt(index) == ' ' || text.charAt(index) == '\t'
                || text.charAt(index) == '#')) {
            index++;
        }
        if (index == lineEnd || "sSuUaAdD".indexOf(text.charAt(index)) < 0) {
            return false;
        }
        while (index < lineEnd && text.charAt(index) != ':') {
            index++;
        }
        return index < lineEnd;
    }

    private static int newlineOrEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private static int lineEnd(String text, int from) {
        int index = from;
        while (index < text.length() && text.charAt(index) != '\n' && text.charAt(index) != '\r') {
            index++;
        }
        return index;
    }

    private static int nextLine(String text, int lineEnd) {
        int next = lineEnd;
        if (next < text.length() && text.charAt(next) == '\r') {
            next++;
        }
        if (next < text.length() && text.charAt(next) == '\n') {
            next++;
        }
        return next;
    }
}
