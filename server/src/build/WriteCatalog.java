import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bundled price catalog in the form dev.promptwise.core.catalog.CompactCatalog reads at start-up, from
 * LiteLLM's snapshot and Promptwise's overlay (both in src/main/resources/dev/promptwise/core/catalog/, both shipped
 * in the jar). Run by the server's build (process-classes) with the compiled classes on the class path, as a
 * single-file source program: java -cp CLASSES:DEPENDENCIES WriteCatalog.java SNAPSHOT OVERLAY OUTPUT
 */
public final class WriteCatalog {

    public static void main(String[] arguments) throws Exception {
        String snapshot = Files.readString(Path.of(arguments[0]), StandardCharsets.UTF_8);
        String overlay = Files.readString(Path.of(arguments[1]), StandardCharsets.UTF_8);
        Method compact = Class.forName("dev.promptwise.core.catalog.PriceCatalog")
                .getMethod("compactFromSources", String.class, String.class);
        String text = (String) compact.invoke(null, snapshot, overlay);
        Path output = Path.of(arguments[2]);
        Files.createDirectories(output.getParent());
        Files.writeString(output, text, StandardCharsets.UTF_8);
        System.out.println("WriteCatalog: " + text.lines().filter(line -> line.startsWith("M\t")).count()
                + " models to " + output + " (" + text.length() + " characters)");
    }
}
