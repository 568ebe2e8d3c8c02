package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.record.RecordText;
import dev.tdn.store.PostgresServer;

/**
 * The least-privilege roles of examples/postgres, on a real server, set up as its README tells
 * an administrator: roles.sql as the superuser, the schema made by the owner, grants.sql as the
 * owner. Then each role does its job and nothing more.
 */
class PostgresRolesTest {

    private static final Path ROLES = Path.of("examples/postgres/roles.sql");
    private static final Path GRANTS = Path.of("examples/postgres/grants.sql");

    static PostgresServer server;
    static String database;

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    @BeforeAll
    static void aClinicDatabaseWithItsRoles() throws Exception {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL server binaries (Debian's postgresql)");
        server = PostgresServer.shared();
        database = server.freshDatabase("clinic");
        server.psqlAs(PostgresServer.SUPERUSER, server.password(), database, "-f", ROLES.toString());
        for (String role : new String[] {"tdn_owner", "tdn_room", "tdn_report"}) {
            // the administrator's \\password, done the way a script can
            server.psql(database, "ALTER ROLE " + role + " PASSWORD '" + password(role) + "'");
            server.addLogin(role, password(role));
        }
    }

    private static String password(String role) {
        return "pw-" + role + "-" + Integer.toHexString(role.hashCode());
    }

    private static String[] as(String role, String... args) {
        String[] out = new String[args.length + 2];
        out[0] = "--store";
        out[1] = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database + "?user=" + role;
        System.arraycopy(args, 0, out, 2, args.length);
        return out;
    }

    private static String psqlAs(String role, String sql) throws Exception {
        return server.psqlAs(role, password(role), database, "-c", sql);
    }

    private static boolean owned;

    @BeforeEach
    void theOwnerMadeTheSchemaAndGrantedTheRoles() throws Exception {
        if (!owned) {
            Result migrate = TdnRunner.run(as("tdn_owner", "import", Examples.SESSIONS.toString()));
            assertThat(migrate.exitCode()).as(migrate.err()).isZero();
            server.psqlAs("tdn_owner", password("tdn_owner"), database, "-f", GRANTS.toString());
            owned = true;
        }
    }

    @Test
    void aRoomImportsItsSessionsAndReadsNothing() throws Exception {
        Path record = home.resolve("new.json");
        Files.writeString(record, RecordText.compact(Examples.COMPLETED,
                r -> r.put("id", "0d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a")));
        Path conflict = home.resolve("conflict.json");
        Files.writeString(conflict, RecordText.compact(Examples.COMPLETED, r -> r.put("notes", "changed later")));

        Result first = TdnRunner.run(as("tdn_room", "import", record.toString()));
        Result again = TdnRunner.run(as("tdn_room", "import", Examples.SESSIONS.toString()));
        Result clash = TdnRunner.run(as("tdn_room", "import", conflict.toString()));
        Result list = TdnRunner.run(as("tdn_room", "list"));
        Result show = TdnRunner.run(as("tdn_room", "show", "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44"));
        Result export = TdnRunner.run(as("tdn_room", "export", "--format", "ndjson"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("1 imported");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("0 imported, 3 already present");
        assertThat(clash.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(clash.out()).contains("conflict");
        for (Result denied : new Result[] {list, show, export}) {
            assertThat(denied.exitCode()).as(denied.err()).isEqualTo(ExitCode.IO_ERR);
            assertThat(denied.out()).doesNotContain("MRN-");
            assertThat(denied.err()).contains("permission denied").doesNotContain("MRN-").doesNotContain("\tat ");
        }
        assertThatThrownBy(() -> psqlAs("tdn_room", "SELECT patient_id FROM tdn.sessions"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> psqlAs("tdn_room", "SELECT details FROM tdn.audit"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> psqlAs("tdn_room", "DELETE FROM tdn.sessions"))
                .hasMessageContaining("permission denied");
    }

    @Test
    void reportingReadsSessionsAndTheTrailAndChangesNothing() throws Exception {
        Result list = TdnRunner.run(as("tdn_report", "list", "--json"));
        Result report = TdnRunner.run(as("tdn_report", "report", "adherence"));
        Result audit = TdnRunner.run(as("tdn_report", "audit", "--json"));
        Result verify = TdnRunner.run(as("tdn_report", "audit", "verify"));
        Path record = home.resolve("new.json");
        Files.writeString(record, RecordText.compact(Examples.COMPLETED,
                r -> r.put("id", "1e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b")));
        Result importing = TdnRunner.run(as("tdn_report", "import", record.toString()));
        // a research export keeps the pseudonyms it draws: the one table reporting may add to
        Result study = TdnRunner.run(as("tdn_report", "export", "--format", "csv", "--deidentify", "--pseudonymise"));

        assertThat(study.exitCode()).as(study.err()).isZero();
        assertThat(study.out()).contains(",P-").doesNotContain("MRN-12345");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("MRN-12345");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("\"command\" : \"import\"").contains("\"command\" : \"list\"");
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(importing.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(importing.err()).contains("permission denied");
        assertThatThrownBy(() -> psqlAs("tdn_report", "DELETE FROM tdn.sessions"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> psqlAs("tdn_report", "UPDATE tdn.audit SET os_user = 'x'"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> psqlAs("tdn_report", "UPDATE tdn.pseudonyms SET pseudonym = 'x'"))
                .hasMessageContaining("permission denied");
    }

    @Test
    void evenTheOwnerCannotChangeOrRemoveAnAuditEntry() throws Exception {
        assertThatThrownBy(() -> psqlAs("tdn_owner", "DELETE FROM tdn.audit"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> psqlAs("tdn_owner", "UPDATE tdn.audit SET os_user = 'x'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> psqlAs("tdn_owner", "TRUNCATE tdn.audit"))
                .hasMessageContaining("append-only");
    }
}
