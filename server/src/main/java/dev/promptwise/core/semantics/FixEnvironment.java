package dev.promptwise.core.semantics;

import dev.promptwise.core.strategy.StrategyWorkspace;

/**
 * What fixes that reach beyond their file need to know of the workspace: which files exist (a fix never writes
 * over one) and the root strategy file that a prompt no workload references would be recorded in.
 *
 * @param files the workspace's files as the editor sees them
 * @param rootStrategy the strategy file at the workspace root, or {@code null} when there is none
 */
public record FixEnvironment(StrategyWorkspace files, StrategyDocument rootStrategy) {

    /** A workspace about which nothing is known: multi-file fixes then create what they need. */
    public static final FixEnvironment NONE = new FixEnvironment(StrategyWorkspace.EMPTY, null);
}
