package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.record.RecordText;
import dev.tdn.store.Damage;
import dev.tdn.store.PostgresServer;

/** A room's SQLite store moved into the clinic's store with {@code tdn store copy --to URL}. */
class StoreCopyTest {

    private static final String COMPLETED = "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44";
    private static final String ABORTED = "8b0e5f1c-2d4a-4c7e-a1b9-5e6f7a8b9c0d";
    private static final String NOT_DONE = "c4d5e6f7-0a1b-4c2d-8e3f-9a0b1c2d3e4f";

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    private String clinic;

    @BeforeEach
    void aRoomsStore() {
        assertThat(TdnRunner.run("import", Examples.SESSIONS.toString()).exitCode()).isZero();
        clinic = "jdbc:sqlite:" + home.resolve("clinic.db");
    }

    @Test
    void everySessionGoesIntoTheClinicsPostgresqlByteForByteAndASecondRunCopiesNothing() throws Exception {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL server binaries (Debian's postgresql)");
        PostgresServer server = PostgresServer.shared();
        String url = server.url(server.freshDatabase("copy"));

        Result first = TdnRunner.run("store", "copy", "--to", url);
        Result second = TdnRunner.run("store", "copy", "--to", url, "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEqualTo("3 copied, 0 already present, 0 conflict(s), 0 damaged\n");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("\"copied\" : 0").contains("\"alreadyPresent\" : 3");
        for (String id : new String[] {COMPLETED, ABORTED, NOT_DONE}) {
            assertThat(TdnRunner.run("--store", url, "show", "--json", id).out())
                    .isEqualTo(TdnRunner.run("show", "--json", id).out()).isNotEmpty();
        }
        // the copy's reading of the room and its writing into the clinic are both in their trails
        assertThat(TdnRunner.run("--store", url, "audit", "--command", "store", "--json").out()).contains("store copy");
        assertThat(TdnRunner.run("audit", "--command", "store", "--json").out()).contains("store copy");
    }

    @Test
    void aCopyStoppedPartWayIsFinishedByRunningItAgain() {
        // as if the first run had committed one batch before it was stopped
        assertThat(TdnRunner.run("--store", clinic, "import", Examples.COMPLETED.toString()).exitCode()).isZero();

        Result r = TdnRunner.run("store", "copy", "--to", clinic);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("2 copied, 1 already present, 0 conflict(s), 0 damaged\n");
        assertThat(TdnRunner.run("--store", clinic, "list").out()).contains("3f1c2a9e").contains("8b0e5f1c").contains("c4d5e6f7");
    }

    @Test
    void aSessionTakenThereByOtherContentIsNamedAndTheRestCopied() throws Exception {
        Path other = home.resolve("other.json");
        Files.writeString(other, RecordText.compact(Examples.COMPLETED, r -> r.put("notes", "written elsewhere")));
        assertThat(TdnRunner.run("--store", clinic, "import", other.toString()).exitCode()).isZero();

        Result r = TdnRunner.run("store", "copy", "--to", clinic);

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.err()).contains("session " + COMPLETED + " is in jdbc:sqlite:" + home.resolve("clinic.db")
                + " with other content: not copied [conflict]").contains("2 copied, 0 already present, 1 conflict(s)");
        assertThat(TdnRunner.run("--store", clinic, "show", COMPLETED).out()).contains("written elsewhere");
    }

    @Test
    void aDamagedSessionHereIsNamedNotCopied() throws Exception {
        Damage.editPatient(home.resolve("tdn.db"), "3f1c", "MRN-SECRET-1");

        Result r = TdnRunner.run("store", "copy", "--to", clinic);

        assertThat(r.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(r.err()).contains("session " + COMPLETED + " is damaged here: not copied")
                .contains("2 copied").doesNotContain("MRN-SECRET-1");
        assertThat(TdnRunner.run("--store", clinic, "list").out()).doesNotContain("3f1c2a9e").contains("8b0e5f1c");
    }

    @Test
    void aDestinationWithAPasswordInItIsRefusedWithoutRepeatingIt() {
        Result r = TdnRunner.run("store", "copy", "--to", "jdbc:postgresql://db.example/tdn?user=u&password=hunter2");

        assertThat(r.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(r.err()).contains("holds a password").doesNotContain("hunter2");
    }
}
