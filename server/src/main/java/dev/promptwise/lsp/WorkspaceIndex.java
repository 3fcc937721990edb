package dev.promptwise.lsp;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.analysis.WorkspaceSession;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.io.DiskWorkspace;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The workspace as the server sees it: its root, its strategy files (the editor's buffer when open, else the
 * disk's), and two generation counters that say when analyses must be redone: one moves when a strategy file
 * changes (every prompt's binding may change), the other when a prompt changes (every workload's cost may change).
 * Files that are not open are read from disk; nothing is ever written here. It is the editor's
 * {@link WorkspaceSession.Workspace}: the workspace session binds, analyses and orders strategy files over it.
 */
public final class WorkspaceIndex implements WorkspaceSession.Workspace {

    /** The most files looked at when indexing, so a huge workspace cannot stall the server. */
    static final int MAX_FILES_SCANNED = 200_000;
    /** The most prompt files offered for completion of a workload's {@code prompt}. */
    static final int MAX_PROMPT_FILES_LISTED = 5_000;
    /**
     * The extensions the server's file watchers cover: the watcher's glob is built from them, and only these files'
     * disk answers are remembered between watched-file events.
     */
    static final List<String> WATCHED_EXTENSIONS = List.of(".prompty", ".prompt", ".yml", ".yaml", ".md", ".txt",
            ".json", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".model", ".tiktoken");
    /** The most paths whose disk answers one generation remembers. */
    private static final int MAX_REMEMBERED_PATHS = 50_000;

    private final PromptwiseAnalysis analysis;
    private final DocumentStore store;
    private final ServerLog log;
    private final Map<String, StrategyDocument> onDisk = new ConcurrentHashMap<>();
    private volatile List<String> promptFiles = List.of();
    private final AtomicLong strategyGeneration = new AtomicLong();
    private final AtomicLong promptGeneration = new AtomicLong();
    private volatile DiskWorkspace disk;
    /**
     * The relative paths of the documents asked about, with the workspace they were made against: a keystroke asks
     * for its document's path four times (its own analysis, the strategy files, the open buffers), and parsing the URI
     * and relativising it each time was a tenth of the first keystrokes in a large prompt (JFR), before the JIT had
     * compiled the URI parser. Bounded by {@link #REMEMBERED_PATHS}.
     */
    private final Map<String, RelativePath> relativePaths = new ConcurrentHashMap<>();

    /** The most document paths remembered; past it they are forgotten together (one is asked for again in a moment). */
    private static final int REMEMBERED_PATHS = 4_096;

    /** A document's relative path, as found against {@code workspace}. */
    private record RelativePath(DiskWorkspace workspace, String path) {}
    private volatile DiskAnswers diskAnswers;
    private volatile boolean watchersRegistered;
    /**
     * Whether every strategy file has been read: false from the moment a root is set until {@link #index} ends.
     * Until then a prompt's workload is not known, and what is said of it would be wrong (no traffic, no cost).
     */
    private volatile boolean indexed = true;

    public WorkspaceIndex(PromptwiseAnalysis analysis, DocumentStore store, ServerLog log) {
        this.analysis = analysis;
        this.store = store;
        this.log = log;
    }

    /** Sets the workspace root from the client's {@code rootUri} or first workspace folder; ignored when not a file. */
    public void setRoot(String rootUri) {
        if (rootUri == null) {
            return;
        }
        try {
            URI uri = new URI(rootUri);
            if ("file".equals(uri.getScheme())) {
                disk = new DiskWorkspace(Path.of(uri));
                indexed = false;
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            log.warning("Workspace root " + rootUri + " is not a local folder; strategy files are not indexed.");
        }
    }

    /** Returns the root folder, or empty when the client gave none that is a local folder. */
    public Optional<Path> root() {
        return disk == null ? Optional.empty() : Optional.of(disk.root());
    }

    /**
     * Finds every strategy file below the root and reads it, reporting progress as {@code (done, total)} through
     * {@code progress}; returns the number found.
     */
    public int index(IntConsumer progress) {
        try {
            return indexStrategyFiles(progress);
        } finally {
            indexed = true;
        }
    }

    /**
     * Returns whether the strategy files have been read, so that a prompt is bound to the workload that references
     * it; true when there is no root to index.
     */
    public boolean isIndexed() {
        return indexed;
    }

    private int indexStrategyFiles(IntConsumer progress) {
        DiskWorkspace workspace = disk;
        if (workspace == null) {
            return 0;
        }
        List<Path> found = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        try {
            Files.walkFileTree(workspace.root(), new SimpleFileVisitor<>() {
                private int seen;

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(workspace.root()) && DiskWorkspace.isSkippedFolder(name);
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++seen > MAX_FILES_SCANNED) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isRegularFile() && PromptwiseAnalysis.isStrategyFile(file.getFileName().toString())) {
                        found.add(file);
                    } else if (attrs.isRegularFile() && prompts.size() < MAX_PROMPT_FILES_LISTED
                            && analysis.formatOf(file.toString().replace('\\', '/'), null).isPresent()) {
                        workspace.relativize(file).ifPresent(prompts::add);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warning("Could not index the workspace: " + e.getMessage());
        }
        java.util.Collections.sort(prompts);
        promptFiles = List.copyOf(prompts);
        for (int i = 0; i < found.size(); i++) {
            workspace.relativize(found.get(i)).ifPresent(this::reload);
            progress.accept(100 * (i + 1) / found.size());
        }
        strategyGeneration.incrementAndGet();
        return found.size();
    }

    /** Returns the prompt files found when the workspace was indexed, workspace-relative, sorted. */
    public List<String> promptFiles() {
        return promptFiles;
    }

    /** Reads a strategy file again from disk (after a watched-file event), or forgets it when it is gone. */
    public void reload(String relativePath) {
        DiskWorkspace workspace = disk;
        Optional<String> text = workspace == null ? Optional.empty() : workspace.read(relativePath);
        if (text.isPresent()) {
            onDisk.put(relativePath, analysis.parseStrategy(relativePath, text.get()));
        } else {
            onDisk.remove(relativePath);
        }
        strategyGeneration.incrementAndGet();
    }

    /** Notes that a strategy file's buffer changed (opened, edited, closed). */
    public void strategyChanged() {
        strategyGeneration.incrementAndGet();
    }

    /** Notes that a prompt changed, in a buffer or on disk: workload costs must be computed again. */
    public void promptChanged() {
        promptGeneration.incrementAndGet();
    }

    public long strategyGeneration() {
        return strategyGeneration.get();
    }

    public long promptGeneration() {
        return promptGeneration.get();
    }

    /**
     * Returns the workspace-relative path of a document, with {@code /} separators, or its URI's path when it lies
     * outside the root (or there is none).
     */
    public String relativePath(String uri) {
        DiskWorkspace workspace = disk;
        if (workspace == null) {
            return FromLsp.path(uri);
        }
        RelativePath known = relativePaths.get(uri);
        if (known != null && known.workspace() == workspace) {
            return known.path();
        }
        String found = relativePath(uri, workspace);
        if (relativePaths.size() >= REMEMBERED_PATHS) {
            relativePaths.clear();
        }
        relativePaths.put(uri, new RelativePath(workspace, found));
        return found;
    }

    private static String relativePath(String uri, DiskWorkspace workspace) {
        String path = FromLsp.path(uri);
        try {
            URI parsed = new URI(uri);
            if ("file".equals(parsed.getScheme())) {
                return workspace.relativize(Path.of(parsed)).orElse(path);
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return path;
        }
        return path;
    }

    /** Returns the file URI of a workspace-relative path, or empty when there is no root. */
    public Optional<String> uriOf(String relativePath) {
        DiskWorkspace workspace = disk;
        return workspace == null ? Optional.empty()
                : Optional.of(workspace.root().resolve(relativePath).normalize().toUri().toString());
    }

    /** Returns every strategy file, the open buffer in place of the disk's copy, in no particular order. */
    @Override
    public java.util.Collection<StrategyDocument> strategyFiles() {
        Map<String, StrategyDocument> byPath = new java.util.HashMap<>(onDisk);
        for (DocumentSnapshot document : store.all()) {
            String path = relativePath(document.uri());
            if (WorkspaceSession.isStrategyFile(path)) {
                byPath.put(path, document.strategyDocument(analysis, path));
            }
        }
        return byPath.values();
    }

    /** Returns the workspace as strategy analysis sees it: open buffers first, then the disk, never outside. */
    @Override
    public StrategyWorkspace files() {
        DiskWorkspace workspace = disk;
        // The open buffers are looked up once here, not once per question: a strategy file of thousands of
        // workloads asks about each of its prompts on every keystroke.
        Map<String, String> open = new java.util.HashMap<>();
        for (DocumentSnapshot document : store.all()) {
            open.putIfAbsent(relativePath(document.uri()), document.text());
        }
        DiskAnswers answers = workspace == null ? null : diskAnswers(workspace);
        return new StrategyWorkspace() {
            @Override
            public boolean exists(String path) {
                return open.containsKey(path) || (answers != null && answers.exists(path));
            }

            @Override
            public boolean isDirectory(String path) {
                return answers != null && answers.isDirectory(path);
            }

            @Override
            public Optional<String> read(String path) {
                String text = open.get(path);
                return text != null ? Optional.of(text) : answers == null ? Optional.empty() : answers.read(path);
            }

            @Override
            public Optional<byte[]> readStart(String path, int maxBytes) {
                // Only images are read this way, never open as text buffers: the disk answers every time.
                return workspace == null ? Optional.empty() : workspace.readStart(path, maxBytes);
            }
        };
    }

    /**
     * Returns the disk's answers for the current prompt generation, remembered per path for the files the watchers
     * report ({@link #WATCHED_EXTENSIONS}) once the client has agreed to watch them: a strategy file of thousands of
     * workloads asks about each prompt on every keystroke, and only a watched-file event (which moves the
     * generation) can change the answer. A client that watches nothing gets the disk's answer every time.
     */
    private DiskAnswers diskAnswers(DiskWorkspace workspace) {
        long generation = promptGeneration.get();
        DiskAnswers answers = diskAnswers;
        boolean remember = watchersRegistered;
        if (answers == null || answers.generation != generation || answers.disk != workspace
                || answers.remember != remember) {
            answers = new DiskAnswers(workspace, generation, remember);
            diskAnswers = answers;
        }
        return answers;
    }

    /** Returns the glob of the files the server asks the client to watch: every {@link #WATCHED_EXTENSIONS}. */
    static String watchedFilesGlob() {
        return "**/*.{" + String.join(",", WATCHED_EXTENSIONS.stream().map(e -> e.substring(1)).toList()) + "}";
    }

    /** Notes that the client watches the files of {@link #WATCHED_EXTENSIONS} and reports their changes. */
    public void watchersRegistered() {
        watchersRegistered = true;
    }

    /** What the disk said about files during one prompt generation; unwatched files are asked every time. */
    private static final class DiskAnswers {
        private final DiskWorkspace disk;
        private final long generation;
        private final boolean remember;
        private final Map<String, Boolean> exists = new ConcurrentHashMap<>();
        private final Map<String, Boolean> directories = new ConcurrentHashMap<>();
        private final Map<String, Optional<String>> texts = new ConcurrentHashMap<>();

        DiskAnswers(DiskWorkspace disk, long generation, boolean remember) {
            this.disk = disk;
            this.generation = generation;
            this.remember = remember;
        }

        boolean exists(String path) {
            return remembered(exists, path, disk::exists);
        }

        boolean isDirectory(String path) {
            return remembered(directories, path, disk::isDirectory);
        }

        Optional<String> read(String path) {
            return remembered(texts, path, disk::read);
        }

        private <T> T remembered(Map<String, T> answers, String path, java.util.function.Function<String, T> ask) {
            if (!remember || !isWatched(path)) {
                return ask.apply(path);
            }
            T known = answers.get(path);
            if (known == null) {
                known = ask.apply(path);
                if (answers.size() < MAX_REMEMBERED_PATHS) {
                    answers.put(path, known);
                }
            }
            return known;
        }

        private static boolean isWatched(String path) {
            for (String extension : WATCHED_EXTENSIONS) {
                if (path.endsWith(extension)) {
                    return true;
                }
            }
            return false;
        }
    }
}
