package dev.promptwise.bench;

import dev.promptwise.core.tokens.TokenCounter;
import dev.promptwise.core.tokens.TokenCounters;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures raw tokenizer speed on about 10 MB of mixed prompt text, tokenized whole without the segment cache, so
 * that MB/s = text size / time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TokenizerThroughputBenchmark {

    @Param({"o200k_base", "cl100k_base"})
    public String encoding;

    private String text;
    private TokenCounter counter;

    @Setup
    public void buildText() {
        text = BenchmarkTexts.mixedText(10_000_000, 42);
        counter = new TokenCounters().forEncoding(encoding);
        System.out.println("mixed text: " + text.length() + " characters, " + BenchmarkTexts.utf8Bytes(text)
                + " UTF-8 bytes, " + counter.countWhole(text) + " tokens");
    }

    @Benchmark
    public int countWholeText() {
        return counter.countWhole(text);
    }
}
