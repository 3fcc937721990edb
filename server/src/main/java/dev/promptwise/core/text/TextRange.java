package dev.promptwise.core.text;

/**
 * A half-open range of UTF-16 offsets into a document's text; the core's only notion of position.
 *
 * @param start the first offset inside the range
 * @param end the offset just past the range, never before {@code start}
 */
public record TextRange(int start, int end) {

    public static final TextRange EMPTY = new TextRange(0, 0);

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }

    public static TextRange of(int start, int end) {
        return new TextRange(start, end);
    }

    public static TextRange at(int offset) {
        return new TextRange(offset, offset);
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return offset >= start && offset <= end;
    }

    /** Returns whether {@code other} lies wholly inside this range, ends included. */
    public boolean encloses(TextRange other) {
        return start <= other.start && other.end <= end;
    }

    public boolean intersects(TextRange other) {
        return start <= other.end && other.start <= end;
    }

    public TextRange shift(int delta) {
        return new TextRange(start + delta, end + delta);
    }

    public String slice(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
