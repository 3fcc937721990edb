package dev.promptwise.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.text.TextRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts what the client sends (positions, ranges, URIs, settings) into the core's terms: the one place, with
 * {@link ToLsp}, where line and UTF-16 column meet the core's offsets.
 */
public final class FromLsp {

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
        if (settings instanceof JsonElement element) {
            // Copied node by node: the settings arrive at initialize, where starting Jackson's ObjectMapper would
            // cost the client a third of the server's start-up (docs/performance.md).
            return jacksonTree(element);
        }
        try {
            return ObjectMapperHolder.JSON.valueToTree(settings);
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }

    /** Returns the Jackson tree equal to a Gson tree, numbers as Jackson's own reader would type them. */
    private static JsonNode jacksonTree(JsonElement element) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (element == null || element.isJsonNull()) {
            return nodes.nullNode();
        }
        if (element instanceof JsonObject object) {
            ObjectNode copy = nodes.objectNode();
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                copy.set(member.getKey(), jacksonTree(member.getValue()));
            }
            return copy;
        }
        if (element instanceof JsonArray array) {
            ArrayNode copy = nodes.arrayNode(array.size());
            array.forEach(item -> copy.add(jacksonTree(item)));
            return copy;
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return nodes.booleanNode(primitive.getAsBoolean());
        }
        if (primitive.isNumber()) {
            return number(primitive.getAsString());
        }
        return nodes.textNode(primitive.getAsString());
    }

    /** Returns a number's node: an integral one as int, long or big integer by its size, any other as a double. */
    private static JsonNode number(String text) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        try {
            if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                BigInteger integral = new BigInteger(text);
                if (integral.bitLength() < Integer.SIZE) {
                    return nodes.numberNode(integral.intValue());
                }
                return integral.bitLength() < Long.SIZE ? nodes.numberNode(integral.longValue())
                        : nodes.numberNode(integral);
            }
            return nodes.numberNode(new BigDecimal(text).doubleValue());
        } catch (NumberFormatException notNumber) {
            return nodes.textNode(text);
        }
    }

    /** Jackson's mapper, built only when a setting arrives as something other than a Gson tree. */
    private static final class ObjectMapperHolder {
        static final ObjectMapper JSON = new ObjectMapper();
    }
}
