package dev.tdn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * The short fuzzing run of every build: a fixed seed, 3,000 mutated inputs for each of the five
 * readers (15,000 in all, some 20-30 s on the 2-core development machine, two readers at a
 * time). The long run is the benchmark {@code FuzzLongRun} (src/bench/README.md). A failure
 * lists each distinct bug with the seed and iteration that make its input again
 * ({@link Campaign#input}); the inputs themselves are saved in target/fuzz-findings/.
 */
class FuzzTest {

    static final long SEED = 20261202L;
    static final int PER_TARGET = 3_000;

    @Test
    void everyReaderRejectsHostileInputsOnlyInTheDocumentedWays() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> runs = new ArrayList<>();
        for (String target : Readers.TARGETS) {
            runs.add(pool.submit(() -> run(target)));
        }
        List<String> report = new ArrayList<>();
        try {
            for (Future<List<String>> f : runs) {
                report.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(report).as("findings (make one's input with Campaign.input(Seeds.load(), target, seed, iteration))")
                .isEmpty();
    }

    /** One reader's campaign (each its own, so two run side by side); its findings, in words. */
    private static List<String> run(String target) throws Exception {
        List<String> found = new ArrayList<>();
        try (Campaign campaign = new Campaign(SEED, Duration.ofSeconds(10), Path.of("target", "fuzz-findings"))) {
            Campaign.Tally t = campaign.run(target, PER_TARGET);
            System.out.printf("fuzz %s: %d inputs, %d rejected as documented, %.1f s%n", target, t.inputs(),
                    t.rejected(), t.nanos() / 1e9);
            // mutations must mostly break an input, and not all at the first byte: some get through whole
            assertThat(t.rejected()).as("%s inputs rejected", target).isGreaterThan(t.inputs() / 2)
                    .isLessThan(t.inputs());
            for (Campaign.Bug bug : campaign.bugs()) {
                found.add(bug.first() + " (" + bug.hits() + " inputs)");
            }
        }
        return found;
    }
}
