package dev.promptwise.core.semantics;

/**
 * The width and height of an image, read from the first bytes of a PNG, JPEG, GIF or WebP file: what every
 * provider's image price depends on. Read by hand because the server's runtime carries no image library
 * ({@code java.desktop} is left out of the trimmed runtime), and only the header is needed.
 *
 * @param format {@code png}, {@code jpeg}, {@code gif} or {@code webp}
 * @param width pixels across
 * @param height pixels down
 */
public record ImageSize(String format, int width, int height) {

    /** Bytes read from the start of an image: enough for a JPEG whose size follows large metadata segments. */
    public static final int HEADER_BYTES = 256 * 1024;

    /** Returns the size the header gives, or {@code null} when the bytes are not a known image format or are cut. */
    public static ImageSize of(byte[] bytes) {
        if (bytes == null || bytes.length < 12) {
            return null;
        }
        try {
            if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return bytes.length < 24 ? null : sized("png", bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4));
            }
            if (startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
                return sized("gif", littleEndian(bytes, 6, 2), littleEndian(bytes, 8, 2));
            }
            if (startsWith(bytes, 0, 0xFF, 0xD8)) {
                return jpeg(bytes);
            }
            if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
                return webp(bytes);
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
        return null;
    }

    private static ImageSize jpeg(byte[] bytes) {
        int at = 2;
        while (at + 3 < bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null;
            }
            int length = bigEndian(bytes, at + 2, 2);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                return sized("jpeg", bigEndian(bytes, at + 7, 2), bigEndian(bytes, at + 5, 2));
            }
            if (length < 2) {
                return null;
            }
            at += 2 + length;
        }
        return null;
    }

    private static ImageSize webp(byte[] bytes) {
        if (startsWith(bytes, 12, 'V', 'P', '8', ' ')) {
            return sized("webp", littleEndian(bytes, 26, 2) & 0x3FFF, littleEndian(bytes, 28, 2) & 0x3FFF);
        }
        if (startsWith(bytes, 12, 'V', 'P', '8', 'L')) {
            int b0 = bytes[21] & 0xFF;
            int b1 = bytes[22] & 0xFF;
            int b2 = bytes[23] & 0xFF;
            int b3 = bytes[24] & 0xFF;
            return sized("webp", 1 + (((b1 & 0x3F) << 8) | b0), 1 + (((b3 & 0x0F) << 10) | (b2 << 2) | ((b1 & 0xC0) >> 6)));
        }
        if (startsWith(bytes, 12, 'V', 'P', '8', 'X')) {
            return sized("webp", 1 + littleEndian(bytes, 24, 3), 1 + littleEndian(bytes, 27, 3));
        }
        return null;
    }

    private static ImageSize sized(String format, int width, int height) {
        return width > 0 && height > 0 ? new ImageSize(format, width, height) : null;
    }

    private static boolean startsWith(byte[] bytes, int at, int... expected) {
        if (bytes.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int bigEndian(byte[] bytes, int at, int length) {
        int value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    private static int littleEndian(byte[] bytes, int at, int length) {
        int value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
