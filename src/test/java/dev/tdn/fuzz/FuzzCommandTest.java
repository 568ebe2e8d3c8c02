package dev.tdn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.cli.TemporaryHome;
import dev.tdn.journal.Journal;
import dev.tdn.record.RecordJson;

/**
 * Mutated inputs through the commands themselves, as a user runs them: {@code tdn validate},
 * {@code tdn import} (one record and NDJSON), {@code tdn recover}, {@code tdn protocol validate}
 * and {@code tdn config show}, 50 inputs each from the campaign's seed. What the library-level
 * campaign cannot see is checked here: the exit code is a documented one and never 1, nothing
 * that looks like a stack trace reaches the terminal, a rejected record leaves the store as it
 * was, and recovery writes only records that validate, inside the sessions folder.
 */
class FuzzCommandTest {

    static final long SEED = 20261202L;
    static final int PER_COMMAND = 50;

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    final Seeds seeds = Seeds.load();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"validate", "import", "import-ndjson", "recover", "protocol", "config"})
    void mutatedInputsEndInADocumentedExitWithoutAStackTrace(String command) throws Exception {
        for (int i = 0; i < PER_COMMAND; i++) {
            String as = command + " seed=" + SEED + " iteration=" + i;
            Result r = switch (command) {
                case "validate" -> TdnRunner.run("validate", write("in.json", Readers.RECORD, i).toString());
                case "import" -> importOne(write("in.json", Readers.RECORD, i), as);
                case "import-ndjson" -> TdnRunner.run("import", write("in.ndjson", Readers.NDJSON, i).toString());
                case "recover" -> recover(i, as);
                case "protocol" -> TdnRunner.run("protocol", "validate", write("in.json", Readers.PROTOCOL, i).toString());
                default -> {
                    write("config.json", Readers.CONFIG, i);
                    yield TdnRunner.run("config", "show");
                }
            };
            assertThat(r.exitCode()).as(as).isIn(Found.DOCUMENTED).isNotEqualTo(1);
            assertThat(r.err() + r.out()).as(as).doesNotContain("Exception").doesNotContain("at dev.tdn.")
                    .doesNotContain("internal error");
            if (!command.equals("config")) {
                // config show prints the clinician's own settings back by design; nothing else may quote them
                for (String secret : seeds.personal) {
                    assertThat(r.err()).as(as).doesNotContain(secret);
                }
            }
        }
    }

    private Path write(String name, String target, int iteration) throws Exception {
        Path f = home.resolve(name);
        Files.write(f, Campaign.input(seeds, target, SEED, iteration));
        return f;
    }

    /** An import that rejects its one record adds nothing to the store. */
    private Result importOne(Path file, String as) {
        int before = stored();
        Result r = TdnRunner.run("import", file.toString());
        if (r.exitCode() != 0) {
            assertThat(stored()).as(as + ": sessions in the store after a rejected import").isEqualTo(before);
        }
        return r;
    }

    private int stored() {
        Result list = TdnRunner.run("list", "--json");
        return list.exitCode() == 0 ? RecordJson.mapper().readTree(list.out()).size() : 0;
    }

    /** Recovery of one mutated journal: every record it leaves is valid, and in the sessions (or training) folder. */
    private Result recover(int iteration, String as) throws Exception {
        Path journal = Journal.fileFor(Files.createDirectories(home.resolve("journal")),
                "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44");
        Files.write(journal, Campaign.input(seeds, Readers.JOURNAL, SEED, iteration));
        Result r = TdnRunner.run("recover", "--no-import");
        try (Stream<Path> all = Files.walk(home.path())) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Path rel = home.path().relativize(p);
                String top = rel.getName(0).toString();
                assertThat(top).as(as + ": " + rel).isIn("sessions", "training", "journal", "in.json", "tdn.db");
                if ((top.equals("sessions") || top.equals("training")) && p.toString().endsWith(".json")) {
                    Result valid = TdnRunner.run("validate", p.toString());
                    assertThat(valid.exitCode()).as(as + ": the record recovery wrote validates: " + valid.out()).isZero();
                }
            }
        }
        clear(List.of("sessions", "training", "journal"));
        return r;
    }

    private void clear(List<String> dirs) throws Exception {
        for (String d : dirs) {
            Path dir = home.resolve(d);
            if (!Files.exists(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
