package dev.tdn.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs mutated inputs through the readers and collects what {@link Found} calls a bug. Every
 * input is made from (campaign seed, target, iteration) alone, so a finding is replayed by
 * {@link #input} without storing anything; the first input of each distinct bug is also saved
 * to a folder, for a look with a hex viewer. Each input runs on a worker thread under a time
 * limit: one that takes longer is a hang, and the worker is abandoned for a fresh one.
 */
public final class Campaign implements AutoCloseable {

    /** What one target's run came to. */
    /** {@code rejected}: inputs refused as documented (problems listed, or one of tdn's own failures). */
    public record Tally(String target, int inputs, int rejected, long nanos) {
    }

    /** A distinct bug, the first input that showed it, and how many inputs met it. */
    public record Bug(Found.Finding first, int hits) {
    }

    private final long seed;
    private final Duration limit;
    private final Path saveTo;
    private final Seeds seeds = Seeds.load();
    private final Readers readers = new Readers();
    private ExecutorService worker = newWorker();
    private final Map<String, Bug> bugs = new LinkedHashMap<>();
    private final List<Tally> tallies = new ArrayList<>();

    /** @param saveTo where to keep the first input of each bug, or null */
    public Campaign(long seed, Duration limit, Path saveTo) {
        this.seed = seed;
        this.limit = limit;
        this.saveTo = saveTo;
    }

    /** The input of iteration {@code i} of {@code target} under {@code seed}: the same bytes on every machine. */
    public static byte[] input(Seeds seeds, String target, long seed, int iteration) {
        Random r = new Random(mix(seed, target, iteration));
        List<byte[]> start = seeds.of(target);
        byte[] from = start.get(r.nextInt(start.size()));
        return Mutator.mutate(from, r);
    }

    static long mix(long seed, String target, int iteration) {
        long h = seed * 0x9E3779B97F4A7C15L + target.hashCode();
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + iteration;
        return h ^ (h >>> 29);
    }

    /** Runs {@code n} inputs through {@code target}. */
    public Tally run(String target, int n) {
        int rejected = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            byte[] input = input(seeds, target, seed, i);
            String[] finding = one(target, input);
            if (finding == REJECTED) {
                rejected++;
            } else if (finding != null) {
                note(new Found.Finding(target, seed, i, finding[0], finding[1]), input);
            }
        }
        Tally t = new Tally(target, n, rejected, System.nanoTime() - t0);
        tallies.add(t);
        return t;
    }

    private static final String[] REJECTED = new String[0];

    /** Null when the input was read (or refused) as documented; the finding's kind and detail otherwise. */
    String[] one(String target, byte[] input) {
        Future<List<String>> f = worker.submit(() -> readers.run(target, input));
        try {
            List<String> messages = f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            String[] finding = Found.echo(messages, input, seeds.personal);
            return finding != null ? finding : messages.isEmpty() ? null : REJECTED;
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return new String[] {"hang", "no answer within " + limit.toMillis() + " ms"};
        } catch (ExecutionException e) {
            String[] finding = Found.classify(e.getCause(), input, seeds.personal);
            return finding == null ? REJECTED : finding;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("campaign interrupted", e);
        }
    }

    private void note(Found.Finding finding, byte[] input) {
        Bug known = bugs.get(finding.bug());
        if (known != null) {
            bugs.put(finding.bug(), new Bug(known.first(), known.hits() + 1));
            return;
        }
        bugs.put(finding.bug(), new Bug(finding, 1));
        if (saveTo != null) {
            try {
                Files.createDirectories(saveTo);
                Files.write(saveTo.resolve(finding.target() + "-" + finding.seed() + "-" + finding.iteration() + ".bin"),
                        input);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public List<Bug> bugs() {
        return List.copyOf(bugs.values());
    }

    public List<Tally> tallies() {
        return List.copyOf(tallies);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            // deep nesting is refused by the readers' limits, not by the size of this thread's stack
            Thread t = new Thread(null, r, "tdn-fuzz", 0);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() throws IOException {
        worker.shutdownNow();
        readers.close();
    }
}
