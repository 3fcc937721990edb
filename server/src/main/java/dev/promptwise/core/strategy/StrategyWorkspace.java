package dev.promptwise.core.strategy;

import java.util.Optional;

/**
 * What strategy analysis may ask of the workspace, answered by the edge that does the I/O: whether a file exists
 * (inside the workspace, links followed) and the current text of a prompt file (the editor's buffer when open,
 * else the disk's).
 */
public interface StrategyWorkspace extends WorkspaceFiles {

    /** Returns the text of the file at a workspace-relative path, or empty when it cannot be read. */
    Optional<String> read(String workspaceRelativePath);

    /**
     * Returns at most the first {@code maxBytes} bytes of the file at a workspace-relative path (an image's header,
     * which gives its size), or empty when it cannot be read or lies outside the workspace. A workspace that holds
     * only text answers empty.
     */
    default Optional<byte[]> readStart(String workspaceRelativePath, int maxBytes) {
        return Optional.empty();
    }

    /** A workspace with no files, for analysing a strategy file on its own. */
    StrategyWorkspace EMPTY = new StrategyWorkspace() {
        @Override
        public boolean exists(String workspaceRelativePath) {
            return false;
        }

        @Override
        public Optional<String> read(String workspaceRelativePath) {
            return Optional.empty();
        }
    };
}
