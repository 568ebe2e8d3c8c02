package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.store.PostgresServer;

/**
 * {@code tdn store migrate} as the clinic's IT person runs it after upgrading tdn: a store one
 * version behind is refused by reads (and left as it is) until migrated; a store from a newer
 * tdn is never touched.
 */
class StoreMigrateTest {

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tdn.db"));
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void aNewStoreIsCreatedAndASecondRunSaysItIsCurrent() {
        Result first = TdnRunner.run("store", "migrate");
        Result second = TdnRunner.run("store", "migrate");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("Created the store jdbc:sqlite:" + home.resolve("tdn.db") + " at schema version 6.\n");
        assertThat(second.out()).endsWith(" is at schema version 6 already.\n");
        assertThat(TdnRunner.run("list").exitCode()).isZero();
    }

    @Test
    void aStoreFromTheReleaseBeforeIsReadOnlyAfterItIsMigrated() throws Exception {
        assertThat(TdnRunner.run("import", Examples.SESSIONS.toString()).exitCode()).isZero();
        Result reported = TdnRunner.run("report", "adherence", "--include-training", "--json");
        // as tdn left it before reports were counted by the store: version 3, no session facts
        sql("DROP TABLE pseudonyms", "DROP TABLE needled_points", "DROP TABLE session_deviations", "DROP TABLE session_adverse_events",
                "ALTER TABLE sessions DROP COLUMN compact_as_stored", "ALTER TABLE sessions DROP COLUMN started_month", "ALTER TABLE sessions DROP COLUMN points_needled",
                "ALTER TABLE sessions DROP COLUMN hands_sanitized", "ALTER TABLE sessions DROP COLUMN pain_before",
                "ALTER TABLE sessions DROP COLUMN pain_after",
                "DELETE FROM tdn_schema_history WHERE version IN ('4', '5', '6')", "PRAGMA user_version = 3");

        Result read = TdnRunner.run("list");
        Result stillOld = TdnRunner.run("export", "--format", "ndjson");
        Result migrate = TdnRunner.run("store", "migrate");
        Result after = TdnRunner.run("list");
        Result reportedAfter = TdnRunner.run("report", "adherence", "--include-training", "--json");

        assertThat(read.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(read.err()).contains("the store is at schema version 3, older than this tdn's 6")
                .contains("tdn store migrate");
        assertThat(stillOld.exitCode()).as("the read changed nothing").isEqualTo(ExitCode.IO_ERR);
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("was at schema version 3; it is now at 6.");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).contains("3f1c2a9e");
        // the sessions stored before were given their facts: the report counts them as it did
        assertThat(reported.exitCode()).as(reported.err()).isZero();
        assertThat(reportedAfter.exitCode()).as(reportedAfter.err()).isZero();
        assertThat(reportedAfter.out()).isEqualTo(reported.out()).contains("\"pointsNeedled\"");
    }

    @Test
    void aStoreFromBeforeTheAuditTrailIsBroughtToTheLatestInOneStep() throws Exception {
        assertThat(TdnRunner.run("import", Examples.SESSIONS.toString()).exitCode()).isZero();
        Result reported = TdnRunner.run("report", "billing", "--include-training");
        // as tdn left it before the audit trail: version 2
        sql("DROP TABLE audit", "DROP TABLE pseudonyms", "DROP TABLE needled_points", "DROP TABLE session_deviations",
                "DROP TABLE session_adverse_events", "ALTER TABLE sessions DROP COLUMN compact_as_stored",
                "ALTER TABLE sessions DROP COLUMN started_month",
                "ALTER TABLE sessions DROP COLUMN points_needled", "ALTER TABLE sessions DROP COLUMN hands_sanitized",
                "ALTER TABLE sessions DROP COLUMN pain_before", "ALTER TABLE sessions DROP COLUMN pain_after",
                "DELETE FROM tdn_schema_history WHERE version IN ('3', '4', '5', '6')", "PRAGMA user_version = 2");

        Result migrate = TdnRunner.run("store", "migrate");
        Result reportedAfter = TdnRunner.run("report", "billing", "--include-training");

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("was at schema version 2; it is now at 6.");
        assertThat(reportedAfter.exitCode()).as(reportedAfter.err()).isZero();
        assertThat(reportedAfter.out()).isEqualTo(reported.out());
    }

    @Test
    void aStoreFromANewerTdnIsLeftUntouched() throws Exception {
        assertThat(TdnRunner.run("store", "migrate").exitCode()).isZero();
        sql("INSERT INTO tdn_schema_history (installed_rank, version, description, type, script, installed_by,"
                + " execution_time, success) VALUES (99, '9', 'from the future', 'SQL', 'V9__future.sql', 'x', 0, 1)");

        Result migrate = TdnRunner.run("store", "migrate");
        Result importing = TdnRunner.run("import", Examples.SESSIONS.toString());

        assertThat(migrate.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(migrate.err()).contains("made by a newer tdn (schema version 9)").doesNotContain("\tat ");
        assertThat(importing.exitCode()).isEqualTo(ExitCode.IO_ERR);
    }

    @Test
    void aClinicDatabaseOnPostgresqlIsMigratedByTheCommandNotByARead() throws Exception {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL server binaries (Debian's postgresql)");
        PostgresServer server = PostgresServer.shared();
        String url = server.url(server.freshDatabase("migrate"));

        Result before = TdnRunner.run("--store", url, "list");
        Result migrate = TdnRunner.run("--store", url, "store", "migrate");
        Result after = TdnRunner.run("--store", url, "list");

        assertThat(before.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).startsWith("Created the store postgresql://127.0.0.1:").endsWith(" at schema version 6.\n")
                .doesNotContain(server.password());
        assertThat(after.exitCode()).as(after.err()).isZero();
    }
}
