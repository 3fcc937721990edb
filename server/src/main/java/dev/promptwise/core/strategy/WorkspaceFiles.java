package dev.promptwise.core.strategy;

/**
 * What the core may ask about the workspace's files, answered by the adapter (which does the I/O). Paths are
 * workspace-relative, with {@code /} between segments, as {@link WorkspacePaths#resolve} gives them.
 *
 * <p>Symbolic links are the adapter's business: it must answer {@link #exists} with {@code false} for a path whose
 * real location (links followed) lies outside the workspace, since only it can see the links.
 */
public interface WorkspaceFiles {

    /** Returns whether a file or folder exists at this workspace-relative path, inside the workspace. */
    boolean exists(String workspaceRelativePath);

    /** Returns whether the path is a folder; only asked of paths that exist. */
    default boolean isDirectory(String workspaceRelativePath) {
        return false;
    }
}
