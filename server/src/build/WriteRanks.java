import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes jtokkit's o200k_base vocabulary (base64 tokens with their ranks, one per line) in the form
 * dev.promptwise.core.tokens.O200kRanks reads at start-up without decoding: an int count, then each token in rank
 * order as one length byte and its bytes. Run by the server's build (generate-resources) with jtokkit on the class
 * path, as a single-file source program: java -cp JTOKKIT_JAR WriteRanks.java OUTPUT
 */
public final class WriteRanks {

    public static void main(String[] arguments) throws Exception {
        byte[] source;
        try (InputStream in = Class.forName("com.knuddels.jtokkit.Encodings")
                .getResourceAsStream("/com/knuddels/jtokkit/o200k_base.tiktoken")) {
            if (in == null) {
                throw new IllegalStateException("jtokkit on the class path has no o200k_base.tiktoken");
            }
            source = in.readAllBytes();
        }
        String[] lines = new String(source, StandardCharsets.US_ASCII).split("\n");
        Path output = Path.of(arguments[0]);
        Files.createDirectories(output.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(output)))) {
            out.writeInt(lines.length);
            for (int rank = 0; rank < lines.length; rank++) {
                String[] parts = lines[rank].strip().split(" ");
                if (Integer.parseInt(parts[1]) != rank) {
                    throw new IllegalStateException("o200k_base's ranks are not 0, 1, 2, ... in file order at line " + rank);
                }
                byte[] token = Base64.getDecoder().decode(parts[0]);
                if (token.length == 0 || token.length > 255) {
                    throw new IllegalStateException("A token of " + token.length + " bytes does not fit one length byte");
                }
                out.writeByte(token.length);
                out.write(token);
            }
        }
        System.out.println("WriteRanks: " + lines.length + " o200k_base tokens to " + output + " (" + Files.size(output) + " bytes)");
    }
}
