package dev.tdn.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The long fuzzing run (issue 14): the campaign of {@code FuzzTest}, {@code -Dfuzz.inputs}
 * inputs spread evenly over the five readers (default 1,000,000), from {@code -Dfuzz.seed}
 * (default 1). Prints each reader's figures and every distinct finding with the seed and
 * iteration that make its input again; the first input of each is kept in
 * {@code target/fuzz-long-findings/}. Exits 1 when anything was found, so a script sees it.
 * {@code -Dfuzz.threads=N} runs N readers' campaigns side by side (default 1).
 *
 * <pre>
 * nice mvn -B -q -Pbench -DskipTests test-compile exec:exec -Dbench.main=dev.tdn.fuzz.FuzzLongRun \
 *     -Dbench.args="-Dfuzz.inputs=1000000 -Dfuzz.seed=1 -Dfuzz.threads=2"
 * </pre>
 */
public final class FuzzLongRun {

    private FuzzLongRun() {
    }

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("fuzz.inputs", 1_000_000);
        long seed = Long.getLong("fuzz.seed", 1L);
        int threads = Integer.getInteger("fuzz.threads", 1);
        int perTarget = (total + Readers.TARGETS.size() - 1) / Readers.TARGETS.size();
        System.out.printf(Locale.ROOT, "fuzz long run: seed %d, %,d inputs per reader, %d cores, Java %s, %s%n", seed,
                perTarget, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        long t0 = System.nanoTime();
        // one campaign per reader, -Dfuzz.threads at a time: the inputs are the same however many run at once
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Campaign>> runs = new ArrayList<>();
        for (String target : Readers.TARGETS) {
            runs.add(pool.submit(() -> {
                Campaign campaign = new Campaign(seed, Duration.ofSeconds(10), Path.of("target", "fuzz-long-findings"));
                Campaign.Tally t = campaign.run(target, perTarget);
                System.out.printf(Locale.ROOT, "%-9s %,9d inputs  %,9d rejected as documented  %7.1f s  %,8.0f inputs/s%n",
                        t.target(), t.inputs(), t.rejected(), t.nanos() / 1e9, t.inputs() / (t.nanos() / 1e9));
                campaign.close();
                return campaign;
            }));
        }
        int inputs = 0;
        List<Campaign.Bug> bugs = new ArrayList<>();
        for (Future<Campaign> f : runs) {
            Campaign c = f.get();
            inputs += c.tallies().get(0).inputs();
            bugs.addAll(c.bugs());
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "total     %,9d inputs in %.1f s (wall, %d at a time); %d distinct findings%n", inputs,
                seconds, threads, bugs.size());
        for (Campaign.Bug bug : bugs) {
            System.out.println("  " + bug.first() + " (" + bug.hits() + " inputs)");
        }
        System.out.flush();
        System.exit(bugs.isEmpty() ? 0 : 1);
    }
}
