package dev.promptwise.core.features;

import dev.promptwise.core.strategy.StrategySchema;
import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion in strategy files: the keys the schema allows at the cursor's indentation, enum values, model ids and
 * workspace paths. It reads the lines above the cursor rather than the YAML tree, since a file being typed is often
 * not valid YAML; block style only (inside a flow mapping {@code { … }} it offers nothing).
 */
public final class StrategyCompletion {

    private static final Pattern KEY_LINE = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9_.-]*|\"[^\"]*\"|'[^']*') *:(.*)$");
    private static final Pattern TYPING_KEY = Pattern.compile("^( *)([A-Za-z]*)$");
    private static final Pattern TYPING_VALUE = Pattern.compile("^( *)([A-Za-z]+) *: *([^ #{}\\[\\]]*)$");

    private StrategyCompletion() {}

    /** What a choice completes. */
    public enum Kind { KEY, VALUE, MODEL, FILE }

    /**
     * One completion choice.
     *
     * @param label what the menu shows
     * @param detail a short second label (a key's description, a model's prices), or an empty string
     * @param insertText the text that replaces {@code range}
     * @param range the text being typed, replaced when the choice is taken
     * @param kind what it completes
     */
    public record Choice(String label, String detail, String insertText, TextRange range, Kind kind) {}

    /**
     * A model id to offer, with its detail ({@code $0.15 / $0.60 per 1M tokens}).
     *
     * @param id the model id
     * @param detail what the menu shows beside it
     */
    public record ModelChoice(String id, String detail) {}

    /**
     * Returns the choices at {@code offset} in a strategy file's text, in schema order; empty where nothing applies.
     *
     * @param models the model ids to offer for {@code model} and {@code baseModel} (catalog and strategy ids)
     * @param workspaceFiles workspace-relative paths to offer for {@code prompt} and {@code dataset}
     * @param strategyPath the strategy file's workspace-relative path, to make the offered paths relative to it
     * @param schema the schema whose keys, values and descriptions are offered (the analysis host's)
     */
    public static List<Choice> complete(String text, int offset, List<ModelChoice> models,
            List<String> workspaceFiles, String strategyPath, StrategySchema schema) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        String typed = text.substring(lineStart, offset);
        Matcher value = TYPING_VALUE.matcher(typed);
        if (value.matches()) {
            List<String> path = parents(text, lineStart, value.group(1).length());
            path.add(value.group(2));
            TextRange range = new TextRange(offset - value.group(3).length(), offset);
            return values(path, range, models, workspaceFiles, strategyPath, schema);
        }
        Matcher key = TYPING_KEY.matcher(typed);
        if (key.matches()) {
            int indent = key.group(1).length();
            List<String> parents = parents(text, lineStart, indent);
            TextRange range = new TextRange(offset - key.group(2).length(), offset);
            return keys(text, lineStart, indent, parents, range, schema);
        }
        return List.of();
    }

    private static List<Choice> keys(String text, int lineStart, int indent, List<String> parents, TextRange range,
            StrategySchema schema) {
        Set<String> present = siblings(text, lineStart, indent);
        List<Choice> choices = new ArrayList<>();
        for (String key : schema.allowedKeys(parents)) {
            if (present.contains(key)) {
                continue;
            }
            List<String> path = new ArrayList<>(parents);
            path.add(key);
            String type = schema.schemaAt(path).map(node -> node.path("type").asText("")).orElse("");
            String insert = type.equals("object") ? key + ":\n" + " ".repeat(indent + 2) : key + ": ";
            choices.add(new Choice(key, firstSentence(schema.description(path).orElse("")), insert, range, Kind.KEY));
        }
        return choices;
    }

    private static List<Choice> values(List<String> path, TextRange range, List<ModelChoice> models,
            List<String> workspaceFiles, String strategyPath, StrategySchema schema) {
        List<Choice> choices = new ArrayList<>();
        String key = path.get(path.size() - 1);
        boolean modelKey = key.equals("model") || key.equals("baseModel");
        if (modelKey && !path.isEmpty() && !path.get(0).equals("models")) {
            for (ModelChoice model : models) {
                choices.add(new Choice(model.id(), model.detail(), model.id(), range, Kind.MODEL));
            }
            return choices;
        }
        if ((key.equals("prompt") || key.equals("dataset")) && path.get(0).equals("workloads")) {
            for (String file : workspaceFiles) {
                boolean fits = key.equals("dataset") ? file.endsWith(".jsonl") : !file.endsWith(".jsonl");
                if (fits) {
                    String relative = relativeTo(strategyPath, file);
                    choices.add(new Choice(relative, "", relative, range, Kind.FILE));
                }
            }
            return choices;
        }
        for (String value : schema.enumValues(path)) {
            choices.add(new Choice(value, "", value, range, Kind.VALUE));
        }
        if (choices.isEmpty() && schema.schemaAt(path).map(node -> node.path("type").asText("")).orElse("")
                .equals("boolean")) {
            choices.add(new Choice("true", "", "true", range, Kind.VALUE));
            choices.add(new Choice("false", "", "false", range, Kind.VALUE));
        }
        return choices;
    }

    /** Returns the keys of the block mappings that enclose a line of this indentation, outermost first. */
    private static List<String> parents(String text, int lineStart, int indent) {
        List<String> parents = new ArrayList<>();
        int wanted = indent;
        int end = lineStart - 1;
        while (end > 0 && wanted > 0) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(start, end);
            end = start - 1;
            Matcher matcher = KEY_LINE.matcher(stripComment(line));
            if (matcher.matches() && matcher.group(1).length() < wanted) {
                parents.add(0, unquote(matcher.group(2)));
                wanted = matcher.group(1).length();
            }
        }
        return parents;
    }

    /** Returns the keys already written at this indentation in the same mapping, above and below the line. */
    private static Set<String> siblings(String text, int lineStart, int indent) {
        Set<String> keys = new HashSet<>();
        String[] lines = text.split("\n", -1);
        int lineNumber = text.substring(0, lineStart).split("\n", -1).length - 1;
        for (int step : new int[] {-1, 1}) {
            for (int i = lineNumber + step; i >= 0 && i < lines.length; i += step) {
                Matcher matcher = KEY_LINE.matcher(stripComment(lines[i]));
                if (!matcher.matches()) {
                    continue;
                }
                int lineIndent = matcher.group(1).length();
                if (lineIndent < indent) {
                    break;
                }
                if (lineIndent == indent) {
                    keys.add(unquote(matcher.group(2)));
                }
            }
        }
        return keys;
    }

    /** Returns {@code file} relative to the strategy file's folder, with {@code ..} to climb out of it. */
    static String relativeTo(String strategyPath, String file) {
        String[] from = strategyPath.contains("/")
                ? strategyPath.substring(0, strategyPath.lastIndexOf('/')).split("/") : new String[0];
        String[] to = file.split("/");
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder relative = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            relative.append("../");
        }
        for (int i = common; i < to.length; i++) {
            relative.append(to[i]).append(i < to.length - 1 ? "/" : "");
        }
        return relative.toString();
    }

    private static String stripComment(String line) {
        int hash = line.indexOf(" #");
        return (hash >= 0 ? line.substring(0, hash) : line).stripTrailing();
    }

    private static String unquote(String key) {
        return key.length() >= 2 && (key.startsWith("\"") || key.startsWith("'"))
                ? key.substring(1, key.length() - 1) : key;
    }

    private static String firstSentence(String description) {
        int end = description.indexOf(". ");
        return end < 0 ? description : description.substring(0, end + 1);
    }
}
