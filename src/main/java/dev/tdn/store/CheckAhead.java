package dev.tdn.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.tdn.json.Document;
import dev.tdn.json.Problem;
import dev.tdn.record.CheckedRecord;
import dev.tdn.record.RecordValidator;

/**
 * Validates an import's records on every core while the importing thread writes the ones
 * before them. Validation is most of an import's work and each record's is independent, but
 * the store takes one writer: checking ahead keeps both busy. Verdicts come back in input
 * order, and only a few chunks are ever ahead, so memory stays flat however long the input.
 */
final class CheckAhead implements AutoCloseable {

    /**
     * One input's verdict: a checked record with what to store when it may be stored, a valid
     * training record the import refuses, or an input that could not be read as a record.
     */
    record Verdict(CheckedRecord checked, StoreEntry entry, Problem unreadable) {
    }

    private record Chunk(Future<List<Verdict>> verdicts, long bytes) {
    }

    private static final int CHUNK_DOCUMENTS = 32;
    private static final long CHUNK_BYTES = 1024 * 1024;
    /**
     * How far checking may run ahead of writing. A commit waits for the disk (tens of
     * milliseconds with synchronous=FULL), and the window must outlast it or the cores idle;
     * the byte bound keeps memory flat when records are large.
     */
    private static final int MAX_CHUNKS_AHEAD = 16;
    private static final long MAX_BYTES_AHEAD = 8L * 1024 * 1024;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final RecordValidator validator;
    private final boolean allowTraining;
    private final Consumer<List<Verdict>> decide;
    private final ExecutorService pool;
    private final Deque<Chunk> ahead = new ArrayDeque<>();
    private long bytesAhead;
    private List<Document> chunk = new ArrayList<>();
    private long chunkBytes;

    /** {@code decide} is called on the importing thread, chunk by chunk, in input order. */
    CheckAhead(RecordValidator validator, boolean allowTraining, Consumer<List<Verdict>> decide) {
        this.validator = validator;
        this.allowTraining = allowTraining;
        this.decide = decide;
        int cores = Runtime.getRuntime().availableProcessors();
        int poolNumber = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "tdn-check-" + poolNumber + "-" + threads.incrementAndGet());
            // an import that fails must never leave the JVM waiting on its helpers
            t.setDaemon(true);
            return t;
        });
    }

    void add(Document document) {
        chunk.add(document);
        chunkBytes += document.bytes().length;
        if (chunk.size() >= CHUNK_DOCUMENTS || chunkBytes >= CHUNK_BYTES) {
            submitChunk();
        }
    }

    /** An input that is not a record: decided after everything read before it. */
    void add(Problem unreadable) {
        submitChunk();
        ahead.add(new Chunk(CompletableFuture.completedFuture(List.of(new Verdict(null, null, unreadable))), 0));
        decideDown(MAX_CHUNKS_AHEAD, MAX_BYTES_AHEAD);
    }

    /** Decides everything still ahead. */
    void finish() {
        submitChunk();
        decideDown(0, 0);
    }

    private void submitChunk() {
        if (chunk.isEmpty()) {
            return;
        }
        List<Document> documents = chunk;
        ahead.add(new Chunk(pool.submit(() -> check(documents)), chunkBytes));
        bytesAhead += chunkBytes;
        chunk = new ArrayList<>();
        chunkBytes = 0;
        decideDown(MAX_CHUNKS_AHEAD, MAX_BYTES_AHEAD);
    }

    private List<Verdict> check(List<Document> documents) {
        List<Verdict> verdicts = new ArrayList<>(documents.size());
        for (Document d : documents) {
            CheckedRecord c = validator.check(d);
            boolean storable = c.valid() && (allowTraining || !c.record().training());
            verdicts.add(new Verdict(c, storable ? StoreEntry.of(c.record(), d.bytes()) : null, null));
        }
        return verdicts;
    }

    private void decideDown(int maxChunks, long maxBytes) {
        while (!ahead.isEmpty() && (ahead.size() > maxChunks || bytesAhead > maxBytes)) {
            Chunk next = ahead.poll();
            bytesAhead -= next.bytes();
            decide.accept(await(next.verdicts()));
        }
    }

    private static List<Verdict> await(Future<List<Verdict>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        } catch (ExecutionException e) {
            // a failure inside validation is a bug in tdn: let it surface as one
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        ahead.forEach(c -> c.verdicts().cancel(true));
        ahead.clear();
        pool.shutdownNow();
    }
}
