package dev.tdn.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

import dev.tdn.fuzz.Mutator;
import dev.tdn.fuzz.Seeds;
import dev.tdn.json.JsonTree;

/**
 * Reading a record without Jackson's data binding gives what the record mapper gives: the same
 * tree from the same bytes (or a failure where it fails), the same record from the same tree,
 * and the same compact bytes from the same record, over every seed record and thousands of
 * mutations of them. The hand-written reader must take the common form itself (every seed),
 * so that these commands really skip the mapper.
 */
class RecordTreeTest {

    private static final int MUTATIONS = 15_000;
    private static final ObjectWriter COMPACT = RecordJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    @Test
    void treesRecordsAndCompactBytesAreTheMappersOverSeedsAndMutations() {
        Seeds seeds = Seeds.load();
        Random random = new Random(20261204);
        int trees = 0;
        int common = 0;
        int records = 0;
        for (Mutator.Case c : Mutator.seedsThenMutations(seeds.records, MUTATIONS, random)) {
            boolean seed = c.seed();
            byte[] bytes = c.bytes();
            String as = c.describe();

            JsonNode jackson;
            try {
                jackson = RecordJson.mapper().readTree(bytes);
            } catch (RuntimeException e) {
                assertThat(catchThrowable(() -> JsonTree.read(RecordJson.factory(), bytes))).as(as)
                        .isInstanceOf(tools.jackson.core.JacksonException.class);
                continue;
            }
            JsonNode ours = JsonTree.read(RecordJson.factory(), bytes);
            assertThat(ours).as(as).isEqualTo(jackson);
            trees++;

            SessionRecord fromJackson;
            try {
                fromJackson = RecordJson.mapper().treeToValue(jackson, SessionRecord.class);
            } catch (RuntimeException e) {
                assertThat(RecordTree.common(ours)).as(as).isNull();
                Throwable failure = catchThrowable(() -> RecordTree.read(ours));
                assertThat(failure).as(as).hasSameClassAs(e).hasMessage(e.getMessage());
                continue;
            }
            SessionRecord fast = RecordTree.common(ours);
            if (seed && fromJackson != null) {
                assertThat(fast).as("a seed record is read without the mapper: " + as).isNotNull();
            }
            if (fast != null) {
                assertThat(fast).as(as).isEqualTo(fromJackson);
                common++;
            }
            assertThat(RecordTree.read(ours)).as(as).isEqualTo(fromJackson);
            if (fromJackson == null) {
                continue;
            }
            assertThat(new String(CompactRecord.bytes(fromJackson), StandardCharsets.UTF_8)).as(as)
                    .isEqualTo(new String(COMPACT.writeValueAsBytes(fromJackson), StandardCharsets.UTF_8));
            records++;
        }
        // enough of the mutations reach each comparison for it to mean something (seed 20261204:
        // 3,387 trees, 730 records, 458 of them in the common form)
        assertThat(trees).isGreaterThan(MUTATIONS / 8);
        assertThat(records).isGreaterThan(MUTATIONS / 30);
        assertThat(common).isGreaterThan(records / 2);
    }

    @Test
    void textThatNeedsEscapingAndEveryLeftOutFieldWriteAsTheMapperWrites() throws Exception {
        byte[] example = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("examples/sessions/2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json"));
        SessionRecord r = RecordJson.read(example);
        Point p = r.points().get(0);
        Point odd = new Point(p.n(), "trapèze \"upper\" \\ / \u0000\u001f\u2028\ud83d\ude00", "trapezius", false, null,
                null, null, null, 0, 0, null, null, null, null, null,
                new Dwell(45.25, 30, 60, true, 0.1, 1e-7), null, null, new Compression(1e21, 30, 60, 2.0), null, null, List.of());
        SessionRecord changed = new SessionRecord(r.schemaVersion(), r.id(), r.status(), r.training(), r.startedAt(),
                null, r.clinician(), r.patient(), r.protocol(), r.screening(), null, null, List.of(odd, p), null, null,
                List.of(), null, null, r.billing(), "line\nnext\ttab \u007f", List.of(new Event(1, null, 0.5, null, null, null)),
                r.software());

        assertThat(new String(CompactRecord.bytes(changed), StandardCharsets.UTF_8))
                .isEqualTo(new String(COMPACT.writeValueAsBytes(changed), StandardCharsets.UTF_8));
        assertThat(RecordTree.common(JsonTree.read(RecordJson.factory(), CompactRecord.bytes(changed))))
                .isEqualTo(changed);
    }
}
