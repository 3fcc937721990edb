package dev.promptwise.core.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@link ImageSize} reads the size from the headers of real files: PNG, JPEG and GIF written by the JDK's own image
 * encoders (which the server's trimmed runtime does not carry, but the tests' JDK does), WebP built to its
 * container specification (RIFF, VP8X, VP8L, VP8), and refuses what is not an image.
 */
class ImageSizeTest {

    private static byte[] encoded(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new AssertionError("no writer for " + format);
        }
        return out.toByteArray();
    }

    @Test
    void readsTheSizeOfPngJpegAndGifFilesAsTheirEncodersWroteThem() throws IOException {
        assertEquals(new ImageSize("png", 1024, 768), ImageSize.of(encoded("png", 1024, 768)));
        assertEquals(new ImageSize("png", 1, 3001), ImageSize.of(encoded("png", 1, 3001)));
        assertEquals(new ImageSize("jpeg", 1800, 2400), ImageSize.of(encoded("jpg", 1800, 2400)));
        assertEquals(new ImageSize("jpeg", 333, 17), ImageSize.of(encoded("jpg", 333, 17)));
        assertEquals(new ImageSize("gif", 640, 480), ImageSize.of(encoded("gif", 640, 480)));
    }

    @Test
    void readsAJpegWhoseSizeFollowsLargeMetadata() throws IOException {
        byte[] jpeg = encoded("jpg", 4032, 3024);
        // An APP1 segment of 60 KB (an EXIF block with a thumbnail, as phones write) between SOI and the frame.
        int appLength = 60_000;
        ByteBuffer withExif = ByteBuffer.allocate(jpeg.length + 2 + appLength);
        withExif.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) appLength)
                .put(new byte[appLength - 2]).put(jpeg, 2, jpeg.length - 2);
        assertEquals(new ImageSize("jpeg", 4032, 3024), ImageSize.of(withExif.array()));
    }

    @Test
    void readsTheThreeKindsOfWebp() {
        assertEquals(new ImageSize("webp", 3000, 2000), ImageSize.of(webpExtended(3000, 2000)));
        assertEquals(new ImageSize("webp", 1200, 900), ImageSize.of(webpLossless(1200, 900)));
        assertEquals(new ImageSize("webp", 512, 384), ImageSize.of(webpLossy(512, 384)));
    }

    @Test
    void refusesWhatIsNotAnImageOrIsCutShort() throws IOException {
        assertNull(ImageSize.of(null));
        assertNull(ImageSize.of(new byte[0]));
        assertNull(ImageSize.of("just some text, not an image at all".getBytes(StandardCharsets.UTF_8)));
        byte[] png = encoded("png", 100, 50);
        assertNull(ImageSize.of(Arrays.copyOf(png, 14)), "a PNG cut inside its header");
        byte[] jpeg = encoded("jpg", 100, 50);
        assertNull(ImageSize.of(Arrays.copyOf(jpeg, 20)), "a JPEG cut before its frame");
        byte[] zeroWidth = encoded("png", 10, 10);
        Arrays.fill(zeroWidth, 16, 20, (byte) 0);
        assertNull(ImageSize.of(zeroWidth), "a width of 0");
        byte[] garbageAfterSoi = new byte[64];
        garbageAfterSoi[0] = (byte) 0xFF;
        garbageAfterSoi[1] = (byte) 0xD8;
        assertNull(ImageSize.of(garbageAfterSoi));
    }

    private static ByteBuffer riff(String chunk, int payload) {
        ByteBuffer buffer = ByteBuffer.allocate(20 + payload).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + payload)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(chunk.getBytes(StandardCharsets.US_ASCII))
                .putInt(payload);
        return buffer;
    }

    /** VP8X: flags (4 bytes), then canvas width − 1 and height − 1 in 24 bits each. */
    private static byte[] webpExtended(int width, int height) {
        ByteBuffer buffer = riff("VP8X", 10);
        buffer.putInt(0);
        put24(buffer, width - 1);
        put24(buffer, height - 1);
        return buffer.array();
    }

    /** VP8L: the signature 0x2F, then 14 bits of width − 1 and 14 of height − 1, least significant first. */
    private static byte[] webpLossless(int width, int height) {
        ByteBuffer buffer = riff("VP8L", 5);
        buffer.put((byte) 0x2F);
        int bits = (width - 1) | ((height - 1) << 14);
        buffer.putInt(bits);
        return buffer.array();
    }

    /** VP8: a 3-byte frame tag, the start code 9D 01 2A, then 16-bit width and height (2 bits of scale on top). */
    private static byte[] webpLossy(int width, int height) {
        ByteBuffer buffer = riff("VP8 ", 10);
        buffer.put(new byte[] {0, 0, 0, (byte) 0x9D, 0x01, 0x2A});
        buffer.putShort((short) width).putShort((short) height);
        return buffer.array();
    }

    private static void put24(ByteBuffer buffer, int value) {
        buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }
}
