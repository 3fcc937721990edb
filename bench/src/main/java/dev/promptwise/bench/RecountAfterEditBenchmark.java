package dev.promptwise.bench;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.tokens.TokenCounter;
import dev.promptwise.core.tokens.TokenCounters;
import dev.promptwise.core.vocabulary.Cancellation;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what one keystroke costs in prompts of 10 KB, 100 KB and 1 MB: each operation changes one character
 * and counts the new version, so the segment cache has every line but the edited one.
 *
 * <p>Every operation writes a character never written at that place before (it walks through the lines and
 * through 20,000 CJK characters), so the edited segment is always a cache miss, as a real edit is. Each operation
 * also builds the edited string, as an editor's document store does; that copy is part of the figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecountAfterEditBenchmark {

    private static final int DISTINCT_EDIT_CHARACTERS = 20_000;
    private static final char FIRST_EDIT_CHARACTER = '\u4E00';

    @Param({"10000", "100000", "1000000"})
    public int promptCharacters;

    private char[] characters;
    private int[] lineStarts;
    private long edits;
    private TokenCounter counter;
    private PromptwiseAnalysis analysis;

    @Setup
    public void buildPrompt() {
        String prompt = BenchmarkTexts.mixedText(promptCharacters, 7);
        characters = prompt.toCharArray();
        IntStream.Builder starts = IntStream.builder();
        starts.add(0);
        for (int position = 0; position < prompt.length() - 1; position++) {
            if (prompt.charAt(position) == '\n') {
                starts.add(position + 1);
            }
        }
        lineStarts = starts.build().toArray();
        counter = new TokenCounters().forEncoding(TokenCounter.O200K_BASE);
        counter.count(prompt);
        analysis = new PromptwiseAnalysis(PriceCatalog.bundled());
    }

    /** Re-counts through TokenCounter and its segment cache after a one-character edit. */
    @Benchmark
    public int recountAfterOneCharacterEdit() {
        return counter.count(nextEditedVersion());
    }

    /** The same edit counted without the cache, tokenizing the whole prompt again: the cost the cache avoids. */
    @Benchmark
    public int recountWholeWithoutCache() {
        return counter.countWhole(nextEditedVersion());
    }

    /** The same edit through the core's façade, as the language server calls it: analyze() then diagnostics(). */
    @Benchmark
    public int analyzeAndDiagnoseAfterEdit() {
        AnalyzedPrompt prompt = analysis.analyze("prompts/bench.prompty", PromptFormat.PROMPTY, nextEditedVersion(),
                Settings.DEFAULTS);
        return analysis.diagnostics(prompt, Cancellation.NONE).size() + prompt.document().messages().size();
    }

    private String nextEditedVersion() {
        long edit = edits++;
        int position = lineStarts[(int) (edit % lineStarts.length)];
        char original = characters[position];
        characters[position] = (char) (FIRST_EDIT_CHARACTER + (edit / lineStarts.length) % DISTINCT_EDIT_CHARACTERS);
        String edited = new String(characters);
        characters[position] = original;
        return edited;
    }
}
