package dev.promptwise.lsp;

/** Tells which version of Promptwise is running, from the jar's manifest. */
public final class Versions {

    private Versions() {}

    /** Returns the version the jar's manifest names, or {@code development} when running from classes. */
    public static String serverVersion() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
