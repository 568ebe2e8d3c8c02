package dev.tdn.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import dev.tdn.Examples;
import dev.tdn.json.Document;

/** The rules that relate one field to another, as a table: an edit in, the rule broken out. */
class RecordRulesTest {

    static final RecordValidator VALIDATOR = RecordValidator.load();

    static CheckedRecord check(Path example, Consumer<ObjectNode> edit) {
        String text = RecordText.edited(example, edit);
        return VALIDATOR.check(new Document("t.json", 1, text.getBytes(StandardCharsets.UTF_8)));
    }

    static Arguments broken(String rule, String path, Path example, Consumer<ObjectNode> edit) {
        return Arguments.of(rule, path, example, edit);
    }

    static Stream<Arguments> brokenRecords() {
        Path done = Examples.COMPLETED;
        Path aborted = Examples.ABORTED;
        Path notDone = Examples.NOT_DONE;
        return Stream.of(
                broken("times-ordered", "$.endedAt", done, r -> r.put("endedAt", "2026-11-26T14:00:00.000-06:00")),
                broken("times-ordered", "$.points[1].insertedAt", done,
                        r -> RecordText.point(r, 1).put("insertedAt", "2026-11-26T14:04:30.000-06:00")),
                broken("times-ordered", "$.points[0].siteCleansedAt", done,
                        r -> RecordText.point(r, 0).put("siteCleansedAt", RecordText.point(r, 0).get("insertedAt").asString())),
                broken("times-ordered", "$.events[2].at", done,
                        r -> ((ObjectNode) r.get("events").get(2)).put("at", "2026-11-26T14:03:11.204-06:00")),
                broken("points-numbered", "$.points[0].n", done, r -> RecordText.point(r, 0).put("n", 5)),
                broken("window-order", "$.points[1].dwell.minSeconds", done,
                        r -> ((ObjectNode) RecordText.point(r, 1).get("dwell")).put("minSeconds", 200)),
                broken("deviation-target", "$.deviations[0].point", aborted,
                        r -> ((ObjectNode) r.get("deviations").get(0)).putNull("point")),
                broken("deviation-target", "$.deviations[0].point", aborted,
                        r -> ((ObjectNode) r.get("deviations").get(0)).put("step", "hands")),
                broken("billing-agrees", "$.billing.musclesTreated", done,
                        r -> ((ObjectNode) r.get("billing")).put("musclesTreated", 1)),
                broken("billing-agrees", "$.billing.cpt", notDone,
                        r -> ((ObjectNode) r.get("billing")).put("cpt", "20560")),
                // upper and lower trapezius on the left are one muscle, but the record bills two
                broken("billing-agrees", "$.billing.musclesTreated", done, r -> {
                    RecordText.point(r, 0).put("muscleOf", "trapezius").put("listed", true);
                    RecordText.point(r, 1).put("muscle", "lower trapezius").put("muscleOf", "trapezius")
                            .put("listed", true).put("side", "left");
                }),
                broken("wrong-type", "$.points[0].listed", done, r -> RecordText.point(r, 0).put("listed", "yes")),
                broken("wrong-type", "$.points[0].muscleOf", done, r -> RecordText.point(r, 0).putNull("muscleOf")),
                broken("bad-length", "$.points[0].muscleOf", done, r -> RecordText.point(r, 0).put("muscleOf", "")),
                broken("needles-balanced", "$.points[0].needlesRemoved", aborted,
                        r -> RecordText.point(r, 0).put("needlesRemoved", 2)),
                broken("events-sequenced", "$.events[5].elapsedSeconds", done,
                        r -> ((ObjectNode) r.get("events").get(5)).put("elapsedSeconds", 1.0)),
                broken("events-sequenced", "$.events[0].point", done,
                        r -> ((ObjectNode) r.get("events").get(0)).put("point", 3)),
                broken("screening-consistent", "$.screening.cleared", done,
                        r -> ((ObjectNode) r.get("screening")).put("consent", false)),
                broken("screening-consistent", "$.screening.cleared", done,
                        r -> ((ObjectNode) r.get("screening")).put("scopeConfirmed", false)),
                broken("screening-consistent", "$.points", done,
                        r -> ((ObjectNode) r.get("screening")).put("cleared", false)),
                broken("completed-is-complete", "$.points", notDone, r -> r.put("status", "completed")),
                broken("completed-is-complete", "$.points[0].compression", done,
                        r -> RecordText.point(r, 0).putNull("compression")),
                broken("extension-needs-weak-twitch", "$.points[1].dwell.extended", done,
                        r -> RecordText.point(r, 1).put("twitch", "none")),
                broken("id-uuid", "$.id", done, r -> r.put("id", "3f1c2a9e6b1d4d8e9f3a0c2b1e7d5a44")),
                broken("timestamp-with-offset", "$.points[0].removedAt", done,
                        r -> RecordText.point(r, 0).put("removedAt", "2026-13-26T14:05:00.000-06:00")),
                broken("durations-nonnegative", "$.events[0].elapsedSeconds", done,
                        r -> ((ObjectNode) r.get("events").get(0)).put("elapsedSeconds", -0.5)),
                broken("not-allowed-value", "$.points[0].twitch", done, r -> RecordText.point(r, 0).put("twitch", "medium")),
                broken("unknown-field", "$.patient.name", done, r -> ((ObjectNode) r.get("patient")).put("name", "X")),
                broken("missing-field", "$.points[0].dwell.pausedSeconds", done,
                        r -> ((ObjectNode) RecordText.point(r, 0).get("dwell")).remove("pausedSeconds")),
                broken("not-allowed-value", "$.schemaVersion", done, r -> r.put("schemaVersion", 2)),
                // larger than the model's int: the schema must stop it before the model sees it
                broken("out-of-range", "$.points[0].n", done, r -> RecordText.point(r, 0).put("n", 7_314_159_265L)),
                broken("out-of-range", "$.events[0].seq", done,
                        r -> ((ObjectNode) r.get("events").get(0)).put("seq", new java.math.BigInteger("99999999999999999999"))));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("brokenRecords")
    void brokenRecordIsRejectedWithRuleAndPath(String rule, String path, Path example, Consumer<ObjectNode> edit) {
        CheckedRecord checked = check(example, edit);

        assertThat(checked.valid()).isFalse();
        assertThat(checked.problems()).anySatisfy(p -> {
            assertThat(p.rule()).isEqualTo(rule);
            assertThat(p.path()).isEqualTo(path);
        });
    }

    @Test
    void anAbortedSessionMayLeaveANeedleUncountedButItIsStillValid() {
        CheckedRecord checked = check(Examples.ABORTED, r -> {
            RecordText.point(r, 0).put("needlesInserted", 2);
        });

        assertThat(checked.problems()).isEmpty();
    }

    @Test
    void theSameInstantInAnotherOffsetIsInOrder() {
        CheckedRecord checked = check(Examples.COMPLETED,
                r -> r.put("startedAt", "2026-11-26T20:03:11.204Z"));

        assertThat(checked.problems()).isEmpty();
    }

    @Test
    void aWeakTwitchWithoutExtensionIsAllowedForProtocolsWithoutOne() {
        CheckedRecord checked = check(Examples.COMPLETED,
                r -> ((ObjectNode) RecordText.point(r, 1).get("dwell")).put("extended", false));

        assertThat(checked.problems()).isEmpty();
    }

    @Test
    void aValidRecordIsReadIntoTheModel() {
        CheckedRecord checked = check(Examples.COMPLETED, r -> { });

        assertThat(checked.valid()).isTrue();
        Point weak = checked.record().points().get(1);
        assertThat(weak.twitch()).isEqualTo(Twitch.WEAK);
        assertThat(weak.dwell().extended()).isTrue();
        assertThat(weak.dwell().minSeconds()).isEqualTo(120);
        assertThat(checked.record().billing()).isEqualTo(new Billing(2, "20560"));
    }

    @Test
    void aRecordWrittenBeforeMuscleOfAndListedStillValidatesAndKeepsItsBilling() {
        assertThat(Examples.read(Examples.COMPLETED)).doesNotContain("muscleOf").doesNotContain("listed");

        CheckedRecord checked = check(Examples.COMPLETED, r -> { });

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.record().points()).extracting(Point::muscleOf, Point::listed)
                .containsOnly(tuple(null, null));
        assertThat(checked.record().billing()).isEqualTo(new Billing(2, "20560"));
    }

    @Test
    void aRecordBilledByWholeMuscleOncePerSideIsValid() {
        CheckedRecord checked = check(Examples.COMPLETED, r -> {
            RecordText.point(r, 0).put("muscleOf", "trapezius").put("listed", true);
            RecordText.point(r, 1).put("muscle", "lower trapezius").put("muscleOf", "trapezius")
                    .put("listed", true).put("side", "left");
            ((ObjectNode) r.get("billing")).put("musclesTreated", 1);
        });

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.record().billing()).isEqualTo(new Billing(1, "20560"));
    }

    @Test
    void anUnlistedNameIsValid() {
        CheckedRecord checked = check(Examples.COMPLETED,
                r -> RecordText.point(r, 0).put("muscle", "Obliquus capitis inferior")
                        .put("muscleOf", "obliquus capitis inferior").put("listed", false));

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.record().points().get(0).listed()).isFalse();
    }
}
