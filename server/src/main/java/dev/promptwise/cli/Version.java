package dev.promptwise.cli;

import picocli.CommandLine;

/** Reports the version from the jar's manifest, or "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"promptwise " + (version == null ? "development" : version)};
    }
}
