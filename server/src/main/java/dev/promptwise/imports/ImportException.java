package dev.promptwise.imports;

/**
 * Bad input to an import: another format, an empty file, a record that cannot be read, several models where one was
 * expected, a workload that does not exist. The message names the file and the record; nothing is written.
 */
public final class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }
}
