package dev.promptwise.core.semantics;

import dev.promptwise.core.strategy.StrategyFile;

/**
 * One version of a strategy file, parsed: enough to bind prompts to workloads without pricing anything.
 *
 * @param path the workspace-relative path ({@code promptwise.yaml})
 * @param text the text it was parsed from
 * @param strategy the parsed file
 */
public record StrategyDocument(String path, String text, StrategyFile strategy) {}
