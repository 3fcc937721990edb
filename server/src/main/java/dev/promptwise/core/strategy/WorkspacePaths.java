package dev.promptwise.core.strategy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Resolves the paths a strategy file names ({@code prompt}, {@code fineTuning.dataset}) relative to the strategy
 * file, purely as text, refusing every path that could leave the workspace: absolute paths, Windows drive letters
 * and UNC paths, backslashes, URL-encoded dots and slashes, URI schemes, home directories and {@code ..} segments
 * that climb above the workspace root. Symbolic links are the adapter's to check (see {@link WorkspaceFiles}).
 */
public final class WorkspacePaths {

    private WorkspacePaths() {}

    /**
     * The outcome of resolving one reference.
     *
     * @param path the normalised workspace-relative path ({@code prompts/triage.prompty}), or {@code null} when refused
     * @param refusal why the reference was refused, as a phrase that completes "The path …", or {@code null}
     */
    public record Resolution(String path, String refusal) {

        /** Returns whether the reference resolved to a path inside the workspace. */
        public boolean isInsideWorkspace() {
            return path != null;
        }

        static Resolution inside(String path) {
            return new Resolution(path, null);
        }

        static Resolution refused(String refusal) {
            return new Resolution(null, refusal);
        }
    }

    /**
     * Resolves {@code reference} relative to the folder of {@code strategyFilePath} (itself workspace-relative, such
     * as {@code promptwise.yaml} or {@code config/team.strategy.yaml}). A pure function, which
     * {@link StrategyMemo#resolve} remembers for the analysis of large strategy files. Never throws.
     */
    public static Resolution resolve(String strategyFilePath, String reference) {
        if (reference == null || reference.isBlank()) {
            return Resolution.refused("is empty");
        }
        String refusal = refusal(reference);
        if (refusal != null) {
            return Resolution.refused(refusal);
        }
        Deque<String> segments = new ArrayDeque<>();
        String folder = strategyFilePath == null ? "" : strategyFilePath.replace('\\', '/');
        int slash = folder.lastIndexOf('/');
        folder = slash < 0 ? "" : folder.substring(0, slash);
        for (String segment : (folder + "/" + reference).split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Resolution.refused("leaves the workspace through '..'");
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        if (segments.isEmpty()) {
            return Resolution.refused("names the workspace folder itself, not a file");
        }
        return Resolution.inside(String.join("/", segments));
    }

    private static String refusal(String reference) {
        String lower = reference.toLowerCase(Locale.ROOT);
        if (reference.indexOf('\0') >= 0 || reference.chars().anyMatch(c -> c < 0x20)) {
            return "contains control characters";
        }
        if (reference.indexOf('\\') >= 0) {
            return "uses backslashes; write paths with '/' so that they work on every system";
        }
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%25")) {
            return "is URL-encoded; write the path as plain text";
        }
        if (reference.startsWith("/")) {
            return "is absolute; write it relative to the strategy file";
        }
        if (reference.length() >= 2 && Character.isLetter(reference.charAt(0)) && reference.charAt(1) == ':') {
            return "starts with a drive letter; write it relative to the strategy file";
        }
        if (reference.contains(":")) {
            return "contains ':' (a URI scheme or a drive), which a workspace path cannot";
        }
        if (reference.startsWith("~")) {
            return "starts with '~', a home folder outside the workspace";
        }
        return null;
    }
}
