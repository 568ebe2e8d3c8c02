package dev.tdn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.cli.TemporaryHome;
import dev.tdn.record.RecordJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fuzzing campaigns found, each as the named input that showed it, run as a user meets
 * it: through the command, checking the exit code, what is printed and what is left on disk.
 * The campaign's seed and iteration are in each comment; these inputs are the findings made
 * small by hand.
 */
class FuzzFindingsTest {

    static final String ID = "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44";

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    static String example() throws Exception {
        return Files.readString(Path.of(System.getProperty("tdn.repo", "."), "examples/sessions/2026-11-26_" + ID + ".json"));
    }

    Path file(String name, String text) throws Exception {
        Path p = home.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static void noStackTrace(Result r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("at dev.tdn").doesNotContain("internal error");
        assertThat(r.out()).doesNotContain("Exception").doesNotContain("at dev.tdn");
    }

    // ---- F3: a huge number where the schema wants a bounded integer escaped SchemaCheck as a JsonNodeException (exit 1)

    @ParameterizedTest(name = "painBefore: {0}")
    @ValueSource(strings = {"1e300", "-1e300", "1e19", "9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", "1.0e40", "1e400", "-1e400"})
    void F3_aHugeNumberForAnIntegerIsALocatedOutOfRangeProblem(String number) throws Exception {
        Path f = file("huge.json", example().replace("\"painBefore\": 6", "\"painBefore\": " + number));
        Result r = TdnRunner.run("validate", f.toString());
        noStackTrace(r);
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.out()).contains("huge.json:").contains("$.painBefore").contains("[out-of-range]");
    }

    @Test
    void F3_aHugeNumberInAnNdjsonImportIsRejectedAndTheOthersImported() throws Exception {
        String good = RecordJson.mapper().readTree(example()).toString();
        String bad = good.replace("\"painBefore\":6", "\"painBefore\":1e300");
        assertThat(bad).isNotEqualTo(good);
        Path f = file("batch.ndjson", bad + "\n");
        Result r = TdnRunner.run("import", f.toString());
        noStackTrace(r);
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.out() + r.err()).contains("batch.ndjson:1:").contains("$.painBefore");
        assertThat(TdnRunner.run("list", "--json").out()).doesNotContain(ID);
    }

    @Test
    void F3_aHugeNumberInAProtocolIsALocatedProblem() throws Exception {
        String standard = new String(FuzzFindingsTest.class.getResourceAsStream("/protocol/standard.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Path f = file("standard.json", standard.replace("\"version\": 1", "\"version\": 1e300"));
        Result r = TdnRunner.run("protocol", "validate", f.toString());
        noStackTrace(r);
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.out()).contains("$.version");
    }

    @Test
    void F3_aHugeNumberInTheConfigIsALocatedProblem() throws Exception {
        Path config = home.resolve("config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"needle\":{\"lengthMm\":1e300,\"gaugeMm\":0.25}}");
        Result r = TdnRunner.run("config", "show");
        noStackTrace(r);
        assertThat(r.exitCode()).isIn(0, 65);
    }

    // ---- journals: F4 (a header without a field), F5 (the header's id as a file name), F2 (a record import refuses)

    /** A real journal, killed mid-dwell, its header changed by {@code edit}. */
    Path journal(UnaryOperator<ObjectNode> edit) throws Exception {
        byte[] seed = Seeds.load().journals.get(0);
        String text = new String(seed, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        ObjectNode header = (ObjectNode) RecordJson.mapper().readTree(text.substring(0, nl));
        String edited = edit.apply(header).toString() + text.substring(nl);
        Path dir = Files.createDirectories(home.resolve("journal"));
        Path f = dir.resolve(ID + ".ndjson");
        Files.writeString(f, edited);
        return f;
    }

    List<Path> filesUnder(String dir) throws Exception {
        Path d = home.resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    /** Recovery refused the journal: it is set aside, nothing is written as a record, nothing reached the store. */
    Result recoverRefuses(String why) throws Exception {
        Result r = TdnRunner.run("recover", "--no-import");
        noStackTrace(r);
        assertThat(r.exitCode()).isIn(0, 65);
        assertThat(filesUnder("sessions")).isEmpty();
        assertThat(filesUnder("training")).isEmpty();
        assertThat(filesUnder("journal/set-aside")).singleElement()
                .satisfies(p -> assertThat(p.getFileName().toString()).endsWith("." + why));
        assertThat(r.err()).doesNotContain(Seeds.PATIENT).doesNotContain(Seeds.CLINICIAN);
        return r;
    }

    @ParameterizedTest(name = "header without {0}")
    @ValueSource(strings = {"needle", "protocol.windows", "protocol.needle", "protocol.windows.dwell",
        "protocol.windows.weakTwitchDwell", "protocol.windows.compression", "protocol.screening.0.id",
        "protocol.screening.0.kind", "protocol.sitePrep.0.id", "protocol.name", "protocol.sha256", "software"})
    void F4_aHeaderWithoutAFieldIsAnUnreadableJournalNotACrash(String field) throws Exception {
        journal(h -> {
            String[] path = field.split("\\.");
            tools.jackson.databind.JsonNode node = h;
            for (int i = 0; i < path.length - 1; i++) {
                node = node.isArray() ? node.get(Integer.parseInt(path[i])) : node.get(path[i]);
            }
            ((ObjectNode) node).remove(path[path.length - 1]);
            return h;
        });
        Result r = recoverRefuses("no-header");
        assertThat(r.err()).contains("header");
    }

    @ParameterizedTest(name = "header id {0}")
    @ValueSource(strings = {"3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44\u0000", "../../escaped", "a/b",
        "../sessions/3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44", "", "not-a-uuid", "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a4\n"})
    void F5_theHeadersSessionIdIsCheckedBeforeItNamesAFile(String id) throws Exception {
        journal(h -> h.put("id", id));
        recoverRefuses("no-header");
        try (Stream<Path> all = Files.walk(home.path())) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("escaped")).toList()).isEmpty();
        }
    }

    @ParameterizedTest(name = "header without {0}.id")
    @ValueSource(strings = {"patient", "clinician"})
    void F2_aHeaderWithoutAnIdForTheRecordIsSetAsideNotWrittenAsARecord(String whose) throws Exception {
        journal(h -> {
            ((ObjectNode) h.get(whose)).remove("id");
            return h;
        });
        recoverRefuses("not-importable");
    }

    @Test
    void F2_aPatientIdTheRecordRulesRefuseIsSetAsideNotWrittenAsARecord() throws Exception {
        journal(h -> {
            ((ObjectNode) h.get("patient")).put("id", "x".repeat(65));
            return h;
        });
        Result r = recoverRefuses("not-importable");
        assertThat(r.err()).contains("tdn import");
    }

    @Test
    void F2_aProtocolHashThatIsNotAHashIsSetAsideNotWrittenAsARecord() throws Exception {
        journal(h -> {
            ((ObjectNode) h.get("protocol")).put("sha256", "not a hash");
            return h;
        });
        recoverRefuses("not-importable");
    }

    @Test
    void F2_aStartTimeOutsideTheRecordsRangeIsSetAside() throws Exception {
        journal(h -> h.put("startedAt", "-999999999-01-01T00:00:00Z"));
        recoverRefuses("not-importable");
    }

    @Test
    void aGoodJournalStillRecoversIntoAValidRecord() throws Exception {
        journal(h -> h);
        Result r = TdnRunner.run("recover", "--no-import");
        noStackTrace(r);
        assertThat(r.exitCode()).isZero();
        assertThat(filesUnder("sessions")).singleElement();
        assertThat(TdnRunner.run("validate", filesUnder("sessions").get(0).toString()).exitCode()).isZero();
    }
}
