package dev.promptwise.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.gson.JsonElement;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.text.TextRange;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts what the client sends (positions, ranges, URIs, settings) into the core's terms: the one place, with
 * {@link ToLsp}, where line and UTF-16 column meet the core's offsets.
 */
public final class FromLsp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FromLsp() {}

    /**
     * Returns the offset of an LSP position in {@code text}. A character past the line's end clamps to the end of
     * the line and a line past the end of the text gives the text's length, as LSP asks.
     */
    public static int offset(LineIndex lineIndex, CharSequence text, Position position) {
        return lineIndex.offset(position.getLine(), position.getCharacter(), text);
    }

    /** Returns the offsets of an LSP range in {@code text}, clamped as {@link #offset} does and never reversed. */
    public static TextRange range(LineIndex lineIndex, CharSequence text, Range range) {
        int start = offset(lineIndex, text, range.getStart());
        int end = offset(lineIndex, text, range.getEnd());
        return TextRange.of(Math.min(start, end), Math.max(start, end));
    }

    /**
     * Returns the path a document URI names, with {@code /} separators, for format detection: the decoded path of
     * a {@code file:} URI, the path part of other schemes ({@code untitled:prompts/a.prompty}), or the text after
     * the scheme when the URI does not parse. Never returns {@code null}.
     */
    public static String path(String uri) {
        try {
            URI parsed = new URI(uri);
            String path = parsed.isOpaque() ? parsed.getSchemeSpecificPart() : parsed.getPath();
            return path == null ? "" : path.replace('\\', '/');
        } catch (URISyntaxException malformed) {
            int colon = uri.indexOf(':');
            return uri.substring(colon + 1).replace('\\', '/');
        }
    }

    /**
     * Returns the settings object the client sent (a Gson tree from LSP4J, or any object) as a Jackson tree for
     * {@link dev.promptwise.core.config.Settings#fromJson}; the missing node when there is none or it is not JSON.
     */
    public static JsonNode settingsJson(Object settings) {
        if (settings == null) {
            return MissingNode.getInstance();
        }
        try {
            return settings instanceof JsonElement ? JSON.readTree(settings.toString()) : JSON.valueToTree(settings);
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }
}
