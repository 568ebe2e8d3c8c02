package dev.tdn.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.json.Problem;
import dev.tdn.record.RecordValidator;

/** An import as a script's batch meets it: long, mixed, checked on every core, decided in input order. */
class ImporterTest {

    @TempDir
    Path home;

    @Test
    void aLongMixedStreamIsDecidedInInputOrder() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        List<Integer> badLines = new ArrayList<>();
        int valid = 0;
        for (int i = 1; i <= 1500; i++) {
            if (i % 7 == 0) {
                ndjson.append("{\"id\": \n");
                badLines.add(i);
            } else if (i % 11 == 0) {
                ndjson.append(Batches.line(i).replace("\"schemaVersion\":1", "\"schemaVersion\":7")).append('\n');
                badLines.add(i);
            } else {
                ndjson.append(Batches.line(i)).append('\n');
                valid++;
            }
        }
        // the same records again: already present, decided after all of the above
        ndjson.append(Batches.line(1)).append('\n').append(Batches.line(2)).append('\n');

        ImportReport report;
        try (SessionStore store = StoreAddress.parse("jdbc:sqlite:" + home.resolve("tdn.db")).open(ByTests.AS)) {
            report = Importer.run(List.of("-"), new ByteArrayInputStream(ndjson.toString()
                    .getBytes(StandardCharsets.UTF_8)), RecordValidator.load(), store,
                    new Importer.Options(false, false, false, 100), n -> { });
        }

        assertThat(report.imported()).isEqualTo(valid);
        assertThat(report.alreadyPresent()).isEqualTo(2);
        assertThat(report.rejectedRecords()).isEqualTo(badLines.size());
        assertThat(report.problems().stream().map(Problem::line).distinct().toList())
                .as("problems are reported in the order of the input").isEqualTo(badLines);
        assertThat(report.records()).isEqualTo(1502);
    }

    @Test
    void progressIsReportedAsRecordsAreDecided() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            ndjson.append(Batches.line(i)).append('\n');
        }
        List<Integer> seen = new ArrayList<>();
        Importer.run(List.of("-"), new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)),
                RecordValidator.load(), (SessionStore) null, new Importer.Options(false, false, true, 100), seen::add);

        assertThat(seen).isSorted().last().isEqualTo(300);
        assertThat(seen.size()).as("more than once for a long input").isGreaterThan(1);
    }
}
