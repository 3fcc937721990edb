package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.text.TextSearch;
import dev.promptwise.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a prompt's {@link Attachment}s in the places each format writes them. */
final class Attachments {

    /** A Markdown image, {@code ![alt](target)} or {@code ![alt](target "title")}, on one line. */
    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[[^\\]\\n]{0,500}]\\(\\s*<?([^)\\s>]{1,2000})>?"
            + "(?:\\s+\"[^\"\\n]*\")?\\s*\\)");
    /** Dotprompt's media helper with its URL: {@code {{media url="…"}}} or {@code {{media url=variable}}}. */
    private static final Pattern MEDIA_HELPER = Pattern.compile(
            "\\{\\{\\s*media\\s+url\\s*=\\s*(?:\"([^\"\\n]{0,2000})\"|'([^'\\n]{0,2000})'|([\\w.@-]{1,200}))[^}\\n]{0,500}}}");

    private Attachments() {}

    /** Adds a {@link Attachment.Kind#FILE_DEFAULT} for each declared input whose default is a {@code ${file:…}}. */
    static void addFileDefaults(YamlNode declarations, List<Attachment> attachments) {
        if (declarations instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                if (entry.value() instanceof YamlNode.Mapping details) {
                    addFileDefault(entry.key().value(), details.get("default"), attachments);
                }
            }
        } else if (declarations instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                if (item instanceof YamlNode.Mapping details && details.scalar("name") != null) {
                    addFileDefault(details.scalar("name").value(), details.get("default"), attachments);
                }
            }
        }
    }

    private static void addFileDefault(String variable, YamlNode value, List<Attachment> attachments) {
        if (value instanceof YamlNode.Scalar scalar && !variable.isBlank()) {
            String path = Attachment.fileReference(scalar.value());
            if (path != null) {
                attachments.add(new Attachment(Attachment.Kind.FILE_DEFAULT, scalar.range(), variable, path, null,
                        null));
            }
        }
    }

    /**
     * Adds the tools a {@code tools} value declares: a {@code ${file:…}} of definitions, definitions written inline
     * (a sequence of mappings), or only names (a sequence of scalars: the definitions live in code).
     */
    static void addTools(YamlNode tools, List<Attachment> attachments) {
        if (tools instanceof YamlNode.Scalar scalar) {
            String path = Attachment.fileReference(scalar.value());
            if (path != null) {
                attachments.add(new Attachment(Attachment.Kind.TOOLS, scalar.range(), null, path, null, null));
            }
        } else if (tools instanceof YamlNode.Sequence sequence && !sequence.items().isEmpty()) {
            List<YamlNode> definitions = new ArrayList<>();
            for (YamlNode item : sequence.items()) {
                if (item instanceof YamlNode.Scalar name && !name.isNull()) {
                    String path = Attachment.fileReference(name.value());
                    attachments.add(path != null
                            ? new Attachment(Attachment.Kind.TOOLS, name.range(), null, path, null, null)
                            : new Attachment(Attachment.Kind.TOOL_NAMES, name.range(), null, null, null,
                                    name.value()));
                } else if (item instanceof YamlNode.Mapping) {
                    definitions.add(item);
                }
            }
            if (!definitions.isEmpty()) {
                YamlNode.Sequence inline = new YamlNode.Sequence(definitions, sequence.range());
                attachments.add(new Attachment(Attachment.Kind.TOOLS, sequence.range(), null, null, inline, null));
            }
        }
    }

    /** Adds each Markdown image of the text from {@code from} on (Prompty sends them as image parts). */
    static void addMarkdownImages(String text, int from, List<Attachment> attachments) {
        int at = TextSearch.indexOf(text, "![", from);
        if (at < 0) {
            return;
        }
        Matcher matcher = MARKDOWN_IMAGE.matcher(text);
        while (at >= 0) {
            matcher.region(at, Math.min(text.length(), at + 3000));
            if (matcher.lookingAt()) {
                attachments.add(image(new TextRange(matcher.start(), matcher.end()), matcher.group(1)));
                at = TextSearch.indexOf(text, "![", matcher.end());
            } else {
                at = TextSearch.indexOf(text, "![", at + 2);
            }
        }
    }

    /** Adds each {@code {{media url=…}}} of the text from {@code from} on (Dotprompt's images). */
    static void addMediaHelpers(String text, int from, List<Attachment> attachments) {
        int at = TextSearch.indexOf(text, "{{", from);
        if (at < 0 || text.indexOf("media", from) < 0) {
            return;
        }
        Matcher matcher = MEDIA_HELPER.matcher(text);
        while (at >= 0) {
            matcher.region(at, Math.min(text.length(), at + 3000));
            if (matcher.lookingAt()) {
                TextRange range = new TextRange(matcher.start(), matcher.end());
                if (matcher.group(3) != null) {
                    attachments.add(new Attachment(Attachment.Kind.IMAGE, range, matcher.group(3), null, null,
                            "the variable " + matcher.group(3)));
                } else {
                    attachments.add(image(range, matcher.group(1) != null ? matcher.group(1) : matcher.group(2)));
                }
                at = TextSearch.indexOf(text, "{{", matcher.end());
            } else {
                at = TextSearch.indexOf(text, "{{", at + 2);
            }
        }
    }

    private static Attachment image(TextRange range, String target) {
        String lower = target.toLowerCase(java.util.Locale.ROOT);
        if (target.contains("{{") || target.contains("{%")) {
            // Given by a template variable: the reference as written names it.
            return new Attachment(Attachment.Kind.IMAGE, range, null, null, null,
                    target.length() > 80 ? target.substring(0, 77) + "..." : target);
        }
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("data:")
                || lower.startsWith("gs:") || lower.startsWith("file:")) {
            String shown = target.length() > 80 ? target.substring(0, 77) + "..." : target;
            return new Attachment(Attachment.Kind.IMAGE, range, null, null, null, shown);
        }
        return new Attachment(Attachment.Kind.IMAGE, range, null, target, null, null);
    }

    /** Returns the attachments in text order. */
    static List<Attachment> inTextOrder(List<Attachment> attachments) {
        List<Attachment> sorted = new ArrayList<>(attachments);
        sorted.sort(Comparator.comparingInt(attachment -> attachment.range().start()));
        return sorted;
    }
}
