package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail as a clinic's privacy officer meets it: a day of commands, each leaving one
 * entry; the trail listed by patient and command; an entry edited behind tdn's back found by
 * verify; and a read that cannot leave its entry showing nothing.
 */
class AuditCommandTest {

    private static final String COMPLETED = "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44";

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    @BeforeEach
    void aClinicianWithAStore() throws Exception {
        Files.writeString(home.resolve("config.json"), "{\"clinician\": {\"id\": \"pt-0042\"}}");
        assertThat(TdnRunner.run("import", Examples.SESSIONS.toString()).exitCode()).isZero();
    }

    private List<JsonNode> trail(String... filters) {
        List<String> args = new ArrayList<>(List.of("audit", "--json"));
        args.addAll(List.of(filters));
        Result r = TdnRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> out = new ArrayList<>();
        JsonMapper.shared().readTree(r.out()).forEach(out::add);
        return out;
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tdn.db"));
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void aDayOfCommandsLeavesOneEntryEachNamingWhatItReached() throws Exception {
        Path export = home.resolve("out.ndjson");
        assertThat(TdnRunner.run("list").exitCode()).isZero();
        assertThat(TdnRunner.run("list", "--patient", "MRN-20931").exitCode()).isZero();
        assertThat(TdnRunner.run("show", "3f1c").exitCode()).isZero();
        assertThat(TdnRunner.run("export", "--format", "ndjson", "-o", export.toString()).exitCode()).isZero();
        assertThat(TdnRunner.run("report", "adherence").exitCode()).isZero();
        assertThat(TdnRunner.run("store", "check").exitCode()).isZero();

        List<JsonNode> entries = trail();

        assertThat(entries).extracting(e -> e.get("command").asString()).containsExactly(
                "audit", "store check", "report", "export", "show", "list", "list", "import");
        assertThat(entries).extracting(e -> e.get("seq").asLong()).containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("osUser").asString()).isEqualTo(System.getProperty("user.name"));
            assertThat(e.get("clinician").asString()).isEqualTo("pt-0042");
        });
        JsonNode show = entries.get(4);
        assertThat(show.get("sessionIds")).extracting(JsonNode::asString).containsExactly(COMPLETED);
        assertThat(show.get("patientIds")).extracting(JsonNode::asString).containsExactly("MRN-12345");
        assertThat(show.get("filters").get("id").asString()).isEqualTo("3f1c");
        JsonNode exported = entries.get(3);
        assertThat(exported.get("sessions").asInt()).isEqualTo(3);
        assertThat(exported.get("filters").get("format").asString()).isEqualTo("ndjson");
        assertThat(exported.get("filters").get("output").asString()).isEqualTo(export.toString());
        assertThat(entries.get(5).get("filters").get("patient").asString()).isEqualTo("MRN-20931");
        assertThat(entries.get(7).get("sessions").asInt()).as("the import").isEqualTo(3);

        // the privacy officer's questions: who looked at this patient (this question too, and not the
        // show of another patient's session), and what left the clinic
        assertThat(trail("--patient", "MRN-20931")).extracting(e -> e.get("command").asString())
                .containsExactly("audit", "store check", "report", "export", "list", "list", "import");
        assertThat(trail("--command", "export")).hasSize(1);
        assertThat(trail("--command", "store")).extracting(e -> e.get("command").asString())
                .containsExactly("store check");
        assertThat(trail("--clinician", "pt-9999")).isEmpty();
        assertThat(trail("--since", "tomorrow")).isEmpty();
    }

    @Test
    void theTableShowsOneLinePerEntryWithWhatTheCommandWasGiven() {
        TdnRunner.run("list", "--patient", "MRN-20931", "--all");

        Result r = TdnRunner.run("audit", "--limit", "3");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith(" ENTRY  AT (UTC)");
        // newest first: this reading itself, then the list, then the import of three sessions
        assertThat(lines.get(1)).startsWith("     3  ").contains("audit").endsWith("--limit 3");
        assertThat(lines.get(2)).contains("list").endsWith("--all --patient MRN-20931").contains("pt-0042");
        assertThat(lines.get(3)).contains("import").containsPattern("\\s3\\s");
    }

    @Test
    void verifyPassesAnUntouchedTrailAndNamesAnEntryEditedBehindTdnsBack() throws Exception {
        TdnRunner.run("list");
        TdnRunner.run("show", "3f1c");
        Result intact = TdnRunner.run("audit", "verify");

        sql("DROP TRIGGER audit_is_append_only_update", "UPDATE audit SET os_user = 'someone' WHERE seq = 2");
        Result edited = TdnRunner.run("audit", "verify");
        Result json = TdnRunner.run("audit", "verify", "--json");

        assertThat(intact.exitCode()).as(intact.err()).isZero();
        assertThat(intact.out()).containsPattern("^4 entries checked, the trail is intact; last entry 4 sha256 [0-9a-f]{64}\\n$");
        assertThat(edited.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(edited.out()).startsWith("tdn audit verify: entry 2 was changed after it was written")
                .contains("5 entries checked, 1 break(s); last entry 5");
        assertThat(edited.out() + edited.err()).doesNotContain("MRN-").doesNotContain("someone");
        JsonNode v = JsonMapper.shared().readTree(json.out());
        assertThat(v.get("intact").asBoolean()).isFalse();
        assertThat(v.get("breaks").get(0).get("entry").asLong()).isEqualTo(2);
        assertThat(v.get("exitCode").asInt()).isEqualTo(ExitCode.DATA_ERR);
    }

    @Test
    void theStoreRefusesToRemoveAnEntryEvenToItsOwner() throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql("DELETE FROM audit WHERE seq = 1"))
                .hasMessageContaining("append-only");
        assertThat(TdnRunner.run("audit", "verify").exitCode()).isZero();
    }

    @Test
    void aReadThatCannotLeaveItsEntryShowsNothing() throws Exception {
        sql("CREATE TRIGGER refuse BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk quota'); END");

        Result show = TdnRunner.run("show", COMPLETED);
        Result export = TdnRunner.run("export", "--format", "ndjson");
        Result list = TdnRunner.run("list");

        for (Result r : List.of(show, export, list)) {
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.IO_ERR);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("cannot write the audit entry, so nothing was read")
                    .doesNotContain("MRN-").doesNotContain("\tat ");
        }
    }
}
