package dev.promptwise.core.text;

/**
 * Finding a short marker ({@code {{}, {@code ![}, {@code %}}) in a large text on every keystroke. Java 17's
 * {@link String#indexOf(String, int)} walks a text that holds any character beyond Latin-1 one character at a time
 * when the marker itself is Latin-1 (a prompt with one Arabic or Japanese line is such a text), while
 * {@link String#indexOf(int, int)} is a vector search in any text: so the marker's first character is searched
 * for, and the rest compared only there. In a 1 MB prompt the string searches of a keystroke's parse showed up in
 * its profile; this is the same answer as {@code String.indexOf}.
 */
public final class TextSearch {

    private TextSearch() {}

    /** Returns {@code text.indexOf(marker, from)}. */
    public static int indexOf(String text, String marker, int from) {
        if (marker.isEmpty()) {
            return text.indexOf(marker, from);
        }
        char first = marker.charAt(0);
        int last = text.length() - marker.length();
        for (int at = text.indexOf(first, Math.max(0, from)); at >= 0 && at <= last; at = text.indexOf(first, at + 1)) {
            if (text.startsWith(marker, at)) {
                return at;
            }
        }
        return -1;
    }
}
