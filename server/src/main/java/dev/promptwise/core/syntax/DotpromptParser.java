package dev.promptwise.core.syntax;

import dev.promptwise.core.syntax.HandlebarsScanner.Tag;
import dev.promptwise.core.syntax.HandlebarsScanner.TagKind;
import dev.promptwise.core.syntax.HandlebarsScanner.Token;
import dev.promptwise.core.syntax.HandlebarsScanner.TokenKind;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses Dotprompt files ({@code *.prompt}): YAML front matter (after optional licence lines starting with
 * {@code #}, as Dotprompt allows), then a Handlebars template whose role markers split it into messages.
 *
 * <p>Roles: {@code {{role "system"}}} switches the role until the next marker; {@code {{#role "user"}}…{{/role}}}
 * is a block; text before any marker is a {@code user} message, as Dotprompt renders it. A marker followed only by
 * blank text or comments gives no message, as in Dotprompt. {@code {{history}}} is a built-in and changes no role
 * here: the parser describes the file, not a rendering with a particular history.
 *
 * <p>Variables: {@code {{name}}}, {@code {{name.field}}}, {@code {{{raw}}}}, helper parameters ({@code {{json x}}},
 * {@code {{media url=x}}}) and block arguments ({@code {{#if x}}}). Helpers, {@code this}, {@code @index} and other
 * {@code @} data, partials and comments are not variables. Inside the body of {@code #each} and {@code #with}
 * (until their {@code {{else}}}), names resolve against the current item rather than the prompt's input, so they
 * are not reported as variable uses: reporting {@code {{name}}} inside {@code {{#each teamMembers}}} as an input
 * would give false "undefined variable" warnings on correct files.
 *
 * <p>Message content is the text between markers with surrounding whitespace trimmed and Handlebars comments
 * removed (they never reach the model); {@link Message#contentRange()} is the trimmed raw range.
 */
final class DotpromptParser {

    /** Names that are built-in helpers or data when used alone, never inputs. */
    private static final Set<String> BUILT_INS = Set.of(
            "history", "this", "else", "role", "section", "media", "json", "ifEquals", "unlessEquals", "log", "lookup");

    /** Block helpers Dotprompt and Handlebars define; another block name used alone is a Mustache section. */
    private static final Set<String> BLOCK_HELPERS = Set.of(
            "if", "unless", "each", "with", "role", "section", "ifEquals", "unlessEquals", "lookup", "log", "json");

    private DotpromptParser() {}

    /** Parses {@code text} from scratch, with a memo of its own; never throws on user input. */
    static PromptDocument parse(String text) {
        return parse(text, new SyntaxMemo());
    }

    static PromptDocument parse(String text, SyntaxMemo memo) {
        List<SyntaxProblem> problems = new ArrayList<>();
        int headerEnd = licenceHeaderEnd(text);
        FrontMatterReading.Read front = FrontMatterReading.read(text, headerEnd, memo);
        if (headerEnd > 0 && front.frontMatter() != null && !front.frontMatter().closed()) {
            // After comment lines, a lone --- is a Markdown rule in the template, as Dotprompt reads it.
            front = new FrontMatterReading.Read(null, null, List.of());
        }
        problems.addAll(front.problems());
        YamlNode.Mapping root = front.root();

        TextRange body;
        if (front.frontMatter() == null) {
            body = FrontMatterReading.wholeWithoutBom(text);
        } else {
            body = front.frontMatter().body();
        }

        ModelReference model = null;
        Integer maxOutputTokens = null;
        if (root != null) {
            YamlNode.Scalar modelValue = root.scalar("model");
            if (modelValue != null && !modelValue.value().isBlank()) {
                model = new ModelReference(modelValue.value(), modelValue.range());
            }
            maxOutputTokens = maxOutputTokens(root.mapping("config"), problems);
        } else if (front.frontMatter() != null && front.frontMatter().closed()) {
            model = FrontMatterReading.modelOfBrokenYaml(text, front.frontMatter());
        }
        DotpromptInputs.Declared declared = DotpromptInputs.read(text, root);

        TemplateReader template = new TemplateReader(text);
        template.read(body);
        problems.addAll(template.problems);
        problems.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));

        List<Attachment> attachments = new ArrayList<>();
        if (root != null) {
            // Dotprompt names its tools; Genkit defines them in code, so their definitions are billed but unseen.
            Attachments.addTools(root.get("tools"), attachments);
        }
        Attachments.addMediaHelpers(text, body.start(), attachments);
        return new PromptDocument(PromptFormat.DOTPROMPT, text, template.messages, template.variables,
                declared.inputs(), model, maxOutputTokens, ExampleFinder.find(text, template.messages, memo), problems,
                declared.declaresInputs(), Attachments.inTextOrder(attachments));
    }

    /**
     * Returns where the licence header ends: the offset of a {@code ---} line preceded only by blank lines and lines
     * starting with {@code #}, or 0 when there is no such header (then the front matter, if any, starts the file).
     */
    static int licenceHeaderEnd(String text) {
        int lineStart = text.startsWith("\uFEFF") ? 1 : 0;
        int first = lineStart;
        while (lineStart < text.length()) {
            int lineEnd = lineStart;
            while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            String line = text.substring(lineStart, lineEnd);
            if (line.stripTrailing().equals("---")) {
                return lineStart == first ? 0 : lineStart;
            }
            if (!line.startsWith("#") && !line.isBlank()) {
                return 0;
            }
            lineStart = lineEnd;
            if (lineStart < text.length() && text.charAt(lineStart) == '\r') {
                lineStart++;
            }
            if (lineStart < text.length() && text.charAt(lineStart) == '\n') {
                lineStart++;
            }
        }
        return 0;
    }

    private static Integer maxOutputTokens(YamlNode.Mapping config, List<SyntaxProblem> problems) {
        if (config == null) {
            return null;
        }
        for (String key : List.of("maxOutputTokens", "max_tokens", "maxTokens")) {
            YamlNode.Scalar value = config.scalar(key);
            if (value == null) {
                continue;
            }
            try {
                return Integer.valueOf(value.value().strip());
            } catch (NumberFormatException e) {
                problems.add(new SyntaxProblem(value.range(), key + " should be a whole number of tokens, not '"
                        + value.value() + "'"));
            }
        }
        return null;
    }

    /** An open block on the stack. */
    private static final class OpenBlock {
        final Tag opener;
        final String name;
        final boolean role;
        boolean itemScope;

        OpenBlock(Tag opener, String name, boolean role, boolean itemScope) {
            this.opener = opener;
            this.name = name;
            this.role = role;
            this.itemScope = itemScope;
        }
    }

    /** Walks the template's tags once, keeping the block stack, the current message and the variables. */
    private static final class TemplateReader {
        private final String text;
        private final List<Message> messages = new ArrayList<>();
        private final List<VariableUse> variables = new ArrayList<>();
        private final List<SyntaxProblem> problems = new ArrayList<>();
        private final List<OpenBlock> blocks = new ArrayList<>();
        private final List<TextRange> comments = new ArrayList<>();
        private int itemScopes;

        private String role = "user";
        private int messageStart;
        private int contentStart;
        private boolean implicitStart = true;

        TemplateReader(String text) {
            this.text = text;
        }

        void read(TextRange body) {
            HandlebarsScanner.Result scan = HandlebarsScanner.scan(text, body.start(), body.end());
            problems.addAll(scan.problems());
            messageStart = body.start();
            contentStart = body.start();
            for (Tag tag : scan.tags()) {
                switch (tag.kind()) {
                    case COMMENT -> comments.add(tag.range());
                    case MUSTACHE, RAW -> mustache(tag);
                    case BLOCK_OPEN -> blockOpen(tag);
                    case INVERSE_OPEN -> {
                        variablesOf(tag, tag.tokens().size() == 1 ? 0 : 1);
                        blocks.add(new OpenBlock(tag, tag.name(), false, false));
                    }
                    case PARTIAL_BLOCK_OPEN -> {
                        variablesOf(tag, 1);
                        blocks.add(new OpenBlock(tag, tag.name(), false, false));
                    }
                    case PARTIAL -> variablesOf(tag, 1);
                    case ELSE -> elseTag(tag);
                    case BLOCK_CLOSE -> blockClose(tag);
                    case OTHER -> { }
                }
            }
            finishMessage(body.end(), body.end());
            for (OpenBlock block : blocks) {
                problems.add(new SyntaxProblem(block.opener.range(), "{{#" + block.name
                        + "}} is never closed: add {{/" + block.name + "}} where the block ends"));
            }
        }

        private void mustache(Tag tag) {
            String roleName = roleArgument(tag);
            if (tag.kind() == TagKind.MUSTACHE && tag.name().equals("role") && roleName != null) {
                finishMessage(tag.range().start(), tag.range().start());
                startMessage(roleName, tag.range().start(), tag.range().end());
                return;
            }
            if (tag.tokens().size() == 1) {
                if (!BUILT_INS.contains(tag.name())) {
                    variablesOf(tag, 0);
                }
            } else {
                variablesOf(tag, 1);
            }
        }

        private void blockOpen(Tag tag) {
            String name = tag.name();
            String roleName = roleArgument(tag);
            if (name.equals("role") && roleName != null) {
                finishMessage(tag.range().start(), tag.range().start());
                startMessage(roleName, tag.range().start(), tag.range().end());
                blocks.add(new OpenBlock(tag, name, true, false));
                return;
            }
            boolean section = !BLOCK_HELPERS.contains(name) && tag.tokens().size() == 1;
            variablesOf(tag, section ? 0 : 1);
            boolean itemScope = section || name.equals("each") || name.equals("with");
            blocks.add(new OpenBlock(tag, name, false, itemScope));
            if (itemScope) {
                itemScopes++;
            }
        }

        private void elseTag(Tag tag) {
            if (!blocks.isEmpty()) {
                OpenBlock top = blocks.get(blocks.size() - 1);
                if (top.itemScope) {
                    top.itemScope = false;
                    itemScopes--;
                }
            }
            if (tag.tokens().size() > 1) {
                variablesOf(tag, 2);
            }
        }

        private void blockClose(Tag tag) {
            String name = tag.name();
            if (blocks.isEmpty()) {
                problems.add(new SyntaxProblem(tag.range(), "{{/" + name + "}} closes a block that was never opened"));
                return;
            }
            OpenBlock top = blocks.get(blocks.size() - 1);
            if (top.name.equals(name)) {
                pop(tag);
                return;
            }
            int match = -1;
            for (int i = blocks.size() - 2; i >= 0; i--) {
                if (blocks.get(i).name.equals(name)) {
                    match = i;
                    break;
                }
            }
            if (match < 0) {
                problems.add(new SyntaxProblem(tag.range(), "{{/" + name + "}} closes a block that was never opened:"
                        + " the open block here is {{#" + top.name + "}}, closed by {{/" + top.name + "}}"));
                return;
            }
            while (blocks.size() - 1 > match) {
                OpenBlock unclosed = blocks.get(blocks.size() - 1);
                problems.add(new SyntaxProblem(unclosed.opener.range(), "{{#" + unclosed.name
                        + "}} is never closed: add {{/" + unclosed.name + "}} before {{/" + name + "}}"));
                pop(tag);
            }
            pop(tag);
        }

        private void pop(Tag closer) {
            OpenBlock block = blocks.remove(blocks.size() - 1);
            if (block.itemScope) {
                itemScopes--;
            }
            if (block.role) {
                finishMessage(closer.range().start(), closer.range().end());
                role = roleArgument(block.opener);
                messageStart = closer.range().end();
                contentStart = closer.range().end();
                implicitStart = true;
            }
        }

        /** Returns the role a {@code role} tag names, lower case, or {@code null} when it names none. */
        private static String roleArgument(Tag tag) {
            if (tag.tokens().size() < 2 || tag.tokens().get(1).kind() != TokenKind.STRING) {
                return null;
            }
            String name = tag.tokens().get(1).text().strip().toLowerCase(Locale.ROOT);
            return name.isEmpty() ? null : name;
        }

        private void startMessage(String newRole, int markerStart, int markerEnd) {
            role = newRole;
            messageStart = markerStart;
            contentStart = markerEnd;
            implicitStart = false;
        }

        private void finishMessage(int contentEnd, int rangeEnd) {
            int start = contentStart;
            int end = Math.max(start, contentEnd);
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            TextRange contentRange = new TextRange(start, end);
            String content = withoutComments(contentRange);
            if (content.isBlank()) {
                return;
            }
            int rangeStart = implicitStart ? start : messageStart;
            messages.add(Message.derived(role, new TextRange(rangeStart, Math.max(end, rangeEnd)), contentRange,
                    content, text));
        }

        /** Returns the text of {@code range} without its comments; a comment alone on its line takes the line. */
        private String withoutComments(TextRange range) {
            StringBuilder content = new StringBuilder();
            int cursor = range.start();
            for (int i = firstCommentAtOrAfter(range.start()); i < comments.size(); i++) {
                TextRange comment = comments.get(i);
                if (comment.end() > range.end()) {
                    break;
                }
                int removeStart = comment.start();
                int removeEnd = comment.end();
                int lineStart = removeStart;
                while (lineStart > cursor && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
                    lineStart--;
                }
                int lineEnd = removeEnd;
                while (lineEnd < range.end() && (text.charAt(lineEnd) == ' ' || text.charAt(lineEnd) == '\t')) {
                    lineEnd++;
                }
                boolean startsLine = lineStart == range.start() || lineStart == 0
                        || text.charAt(lineStart - 1) == '\n' || text.charAt(lineStart - 1) == '\r';
                boolean endsLine = lineEnd == range.end() || text.charAt(lineEnd) == '\n' || text.charAt(lineEnd) == '\r';
                if (startsLine && endsLine) {
                    removeStart = lineStart;
                    removeEnd = lineEnd;
                    if (removeEnd < range.end() && text.charAt(removeEnd) == '\r') {
                        removeEnd++;
                    }
                    if (removeEnd < range.end() && text.charAt(removeEnd) == '\n') {
                        removeEnd++;
                    }
                }
                content.append(text, cursor, Math.max(cursor, removeStart));
                cursor = Math.max(cursor, removeEnd);
            }
            content.append(text, Math.min(cursor, range.end()), range.end());
            return content.toString().strip();
        }

        private int firstCommentAtOrAfter(int offset) {
            int low = 0;
            int high = comments.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (comments.get(middle).start() < offset) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** Adds the variable uses among the tag's tokens from {@code firstParameter} on. */
        private void variablesOf(Tag tag, int firstParameter) {
            if (itemScopes > 0) {
                return;
            }
            List<Token> tokens = tag.tokens();
            boolean helperExpected = false;
            for (int i = firstParameter; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.kind() == TokenKind.OPEN_PAREN) {
                    helperExpected = true;
                } else if (token.kind() == TokenKind.WORD) {
                    if (helperExpected) {
                        helperExpected = false;
                    } else if (token.text().equals("as")) {
                        return;
                    } else {
                        addPathVariable(tag, token);
                    }
                }
            }
        }

        private void addPathVariable(Tag tag, Token token) {
            String path = token.text();
            if (path.startsWith("@") || path.startsWith(".") || path.equals("this") || path.startsWith("this.")
                    || path.startsWith("this/") || path.equals("true") || path.equals("false")
                    || path.equals("null") || path.equals("undefined")) {
                return;
            }
            int rootEnd = 0;
            while (rootEnd < path.length() && ".[/".indexOf(path.charAt(rootEnd)) < 0) {
                rootEnd++;
            }
            String root = path.substring(0, rootEnd);
            if (!isIdentifier(root)) {
                return;
            }
            variables.add(new VariableUse(root, tag.range(), new TextRange(token.start(), token.start()
                    + root.length())));
        }

        private static boolean isIdentifier(String name) {
            if (name.isEmpty()) {
                return false;
            }
            char first = name.charAt(0);
            if (!Character.isLetter(first) && first != '_' && first != '$') {
                return false;
            }
            for (int i = 1; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!Character.isLetterOrDigit(c) && c != '_' && c != '$' && c != '-') {
                    return false;
                }
            }
            return true;
        }
    }
}
