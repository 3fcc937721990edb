package dev.promptwise.core.analysis;

import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.vocabulary.Finding;
import java.util.List;

/**
 * What one version of a workspace file is to Promptwise, as {@link WorkspaceSession#analyze} found it: an analysed
 * prompt, an analysed strategy file, or a prompt file whose bytes could not be read as text. The editor and the
 * command line both hold their files' analyses as these, and ask the session for every feature of either kind.
 */
public sealed interface FileAnalysis {

    /** Returns the file's workspace-relative path. */
    String path();

    /**
     * A prompt file, judged for each workload that references it.
     *
     * @param prompt its analysis with the first workload that binds it in the binding order, or unbound: the one
     *         that features showing a single figure (inlay hints, the outline, the status bar) and the rules that
     *         do not depend on the workload read
     * @param decodingProblem the {@code invalid-prompt-file} finding of bytes that were not valid UTF-8, or
     *         {@code null}
     * @param bindings the same version analysed once per binding workload, in the binding order, {@code prompt}
     *         first; {@code prompt} alone when no workload binds it
     */
    record Prompt(AnalyzedPrompt prompt, Finding decodingProblem, List<AnalyzedPrompt> bindings)
            implements FileAnalysis {

        public Prompt {
            bindings = List.copyOf(bindings);
            if (bindings.isEmpty() || bindings.get(0) != prompt) {
                throw new IllegalArgumentException("the first of the bindings' analyses is the prompt's");
            }
        }

        /** Creates the analysis of a prompt that one workload binds, or none. */
        public Prompt(AnalyzedPrompt prompt, Finding decodingProblem) {
            this(prompt, decodingProblem, List.of(prompt));
        }

        @Override
        public String path() {
            return prompt.path();
        }
    }

    /** A strategy file with its workloads priced and weighed. */
    record Strategy(AnalyzedStrategy strategy) implements FileAnalysis {

        @Override
        public String path() {
            return strategy.path();
        }
    }

    /**
     * A prompt file whose bytes are binary: not analysed; reported by its decoding problem alone.
     *
     * @param path its workspace-relative path
     * @param format the format its name gives
     * @param decodingProblem the {@code invalid-prompt-file} finding, or {@code null} when that rule is off
     */
    record Binary(String path, PromptFormat format, Finding decodingProblem) implements FileAnalysis {}
}
