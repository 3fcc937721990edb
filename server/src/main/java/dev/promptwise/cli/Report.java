package dev.promptwise.cli;

import dev.promptwise.core.analysis.Finding;
import dev.promptwise.core.config.Severity;
import java.util.List;
import java.util.function.Predicate;

/** Everything one {@code check} run found, in the order files are listed. */
record Report(List<FileReport> files) {

    long count(Predicate<Severity> severity) {
        return files.stream().flatMap(file -> file.findings().stream()).map(Finding::severity).filter(severity).count();
    }
}
