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

    /** Stretches shorter than this are walked a character at a time by {@link #indexOf(String, char, int, int)}. */
    private static final int SHORT_STRETCH = 2048;

    /**
     * Returns the first index of {@code character} in {@code text[from, to)}, or -1. {@link String#indexOf(int, int)}
     * has no end: looking for a character the text lacks (a {@code '\r'} in a file with {@code \n} line breaks) past a
     * short stretch around an edit would read the rest of a large text on every keystroke. A short stretch is walked
     * here; a long one is searched by {@code String.indexOf}, which is much faster per character.
     */
    public static int indexOf(String text, char character, int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(to, text.length());
        if (end - start < SHORT_STRETCH) {
            for (int at = start; at < end; at++) {
                if (text.charAt(at) == character) {
                    return at;
                }
            }
            return -1;
        }
        int found = text.indexOf(character, start);
        return found < end ? found : -1;
    }
}
