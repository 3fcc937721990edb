package dev.promptwise.cli;

import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.vocabulary.Finding;
import java.util.List;
import java.util.function.Predicate;

/**
 * Everything one {@code check} run found: files in path order, and the analysed strategy files whose workloads
 * the JSON output lists.
 *
 * @param strategies the analysed strategy files, with the path each is shown under
 * @param catalog where the prices come from and their date, or {@code null} when not known
 * @param today the day the run judges the catalog's age on, or {@code null}
 */
record Report(List<FileReport> files, List<ShownStrategy> strategies, PriceCatalog.CatalogInfo catalog,
        java.time.LocalDate today) {

    Report(List<FileReport> files, List<ShownStrategy> strategies) {
        this(files, strategies, null, null);
    }

    /** An analysed strategy file and the path the output shows for it. */
    record ShownStrategy(String shownPath, AnalyzedStrategy strategy) {}

    long count(Predicate<Severity> severity) {
        return files.stream().flatMap(file -> file.findings().stream()).map(Finding::severity).filter(severity).count();
    }
}
