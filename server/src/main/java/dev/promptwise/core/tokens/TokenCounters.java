package dev.promptwise.core.tokens;

import dev.promptwise.core.text.KnownChanges;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An analysis host's memo of token counts: one {@link TokenCounter} per encoding, each with its cache of segment
 * counts and its last few large texts, and the threads that help count a large text. Nothing here is shared with
 * another host; {@link #clear} forgets every count.
 */
public final class TokenCounters {

    private final KnownChanges changes;
    private final int cacheCharacterLimit;
    private final Map<String, TokenCounter> counters = new ConcurrentHashMap<>();
    private final Helpers helpers = new Helpers();
    /** The tokenizer files loaded (or refused) by encoding name, {@code tokenizer:<workspace path>}. */
    private final Map<String, TokenizerState> tokenizers = new ConcurrentHashMap<>();

    /** A tokenizer file as loaded: its encoding, or why it could not be. */
    private record TokenizerState(TokenizerFile.Loaded loaded, String problem) {}

    /** Creates an empty memo whose counters ask {@code changes} (its host's) where two versions of a text differ. */
    public TokenCounters(KnownChanges changes) {
        this(changes, TokenCounter.CACHE_CHARACTER_LIMIT);
    }

    /** Creates an empty memo of its own, for benchmarks and tools that count outside an analysis host. */
    public TokenCounters() {
        this(new KnownChanges());
    }

    TokenCounters(KnownChanges changes, int cacheCharacterLimit) {
        this.changes = changes;
        this.cacheCharacterLimit = cacheCharacterLimit;
    }

    /**
     * Returns this memo's counter for an encoding name ({@code o200k_base}, {@code cl100k_base}).
     *
     * @throws IllegalArgumentException when the encoding is not one that jtokkit ships;
     *     {@link TokenCounter#isKnownEncoding} tells beforehand
     */
    public TokenCounter forEncoding(String encoding) {
        TokenizerState tokenizer = encoding == null ? null : tokenizers.get(encoding);
        if (tokenizer != null && tokenizer.loaded() != null) {
            return counters.computeIfAbsent(encoding, name -> new TokenCounter(name, cacheCharacterLimit, changes,
                    helpers, Vocabulary.of(tokenizer.loaded().encoding())));
        }
        if (!TokenCounter.isKnownEncoding(encoding)) {
            throw new IllegalArgumentException("Unknown token encoding: " + encoding);
        }
        return counters.computeIfAbsent(encoding,
                name -> new TokenCounter(name, cacheCharacterLimit, changes, helpers));
    }

    /** Returns whether {@link #forEncoding} counts with {@code encoding}: jtokkit's, or a tokenizer file loaded. */
    public boolean canCount(String encoding) {
        TokenizerState tokenizer = encoding == null ? null : tokenizers.get(encoding);
        return TokenCounter.isKnownEncoding(encoding) || (tokenizer != null && tokenizer.loaded() != null);
    }

    /**
     * Loads the tokenizer file an encoding name {@code tokenizer:<path>} stands for, reading it with {@code read} (the
     * edge's I/O), unless it was loaded or refused already. Never throws: a file that cannot be read or is neither
     * tiktoken nor tekken is remembered as refused, with the reason {@link #tokenizerProblem} gives.
     */
    public void loadTokenizer(String encoding, java.util.function.Supplier<java.util.Optional<byte[]>> read) {
        if (encoding == null || !encoding.startsWith(TokenizerFile.PREFIX) || tokenizers.containsKey(encoding)) {
            return;
        }
        TokenizerState state;
        try {
            java.util.Optional<byte[]> bytes = read.get();
            state = bytes.isEmpty() ? new TokenizerState(null, "it cannot be read")
                    : new TokenizerState(TokenizerFile.load(encoding, bytes.get()), null);
        } catch (IllegalArgumentException e) {
            state = new TokenizerState(null, e.getMessage());
        }
        tokenizers.put(encoding, state);
    }

    /** Returns why the tokenizer file of {@code encoding} was refused, or empty when it loaded or was never asked. */
    public java.util.Optional<String> tokenizerProblem(String encoding) {
        TokenizerState tokenizer = encoding == null ? null : tokenizers.get(encoding);
        return tokenizer == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(tokenizer.problem());
    }

    /**
     * Forgets the tokenizer file of {@code encoding}, loaded or refused, so that the next analysis reads it again (the
     * file changed); nothing when it was never asked for.
     */
    public void forgetTokenizer(String encoding) {
        tokenizers.remove(encoding);
        counters.remove(encoding);
    }

    /** Forgets every count: the segment caches and the remembered large texts of every encoding. */
    public void clear() {
        counters.values().forEach(TokenCounter::clear);
    }

    /**
     * The daemon threads that help count large texts, the memo's own (not the common pool, which the server's other
     * work may fill). Created on the first large count; idle threads end after a while, so a host that is dropped
     * leaves none behind.
     */
    static final class Helpers {

        private volatile ExecutorService pool;

        ExecutorService pool() {
            ExecutorService existing = pool;
            if (existing == null) {
                synchronized (this) {
                    existing = pool;
                    if (existing == null) {
                        int threads = Math.max(1, TokenCounter.PARALLEL_WORKERS - 1);
                        ThreadPoolExecutor created = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                                new LinkedBlockingQueue<>(), runnable -> {
                                    Thread thread = new Thread(runnable, "promptwise-token-counting");
                                    thread.setDaemon(true);
                                    return thread;
                                });
                        created.allowCoreThreadTimeOut(true);
                        pool = created;
                        existing = created;
                    }
                }
            }
            return existing;
        }
    }
}
