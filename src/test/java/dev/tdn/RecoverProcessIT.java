package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.TdnProcess.Result;

/** After a crash, as a clinician meets it: the waiting session is announced, recover puts it in the store. */
class RecoverProcessIT {

    @TempDir
    Path home;

    @Test
    void aSessionKilledWithANeedleInIsAnnouncedThenRecoveredIntoTheStore() throws Exception {
        try (Conversation c = Conversation.start(home, "session", "-p", "MRN-7", "-c", "pt-1")) {
            SessionProcessIT.screenAndPrepare(c);
            SessionProcessIT.identify(c, 1, "upper trapezius");
            c.answer("Insert the needle", "");
            c.expect("Dwell timer started");
            c.kill();
        }
        String notice = "tdn: 1 interrupted session waits in " + home.resolve("journal")
                + "; run 'tdn recover' to finish it";

        Result before = TdnProcess.runIn(home, "list");
        assertThat(before.err()).startsWith(notice).doesNotContain("MRN-7");

        Result recovered = TdnProcess.runIn(home, "recover");
        assertThat(recovered.exitCode()).as(recovered.err()).isZero();
        assertThat(recovered.err()).doesNotContain("interrupted session waits");
        assertThat(recovered.out()).contains("Recovered").contains("Imported into the clinic store.")
                .contains("NEEDLES NOT RECORDED AS REMOVED: 1 (points 1)");

        Result after = TdnProcess.runIn(home, "list");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.err()).doesNotContain("interrupted session");
        assertThat(after.out()).contains("MRN-7").contains("recovered");
    }

    @Test
    void anEmptyJournalDoesNotStopRecover() throws Exception {
        Path journal = Files.createDirectories(home.resolve("journal")).resolve("3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.ndjson");
        Files.createFile(journal);

        Result r = TdnProcess.runIn(home, "recover");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains(journal + ": empty (0 bytes)").contains("set aside as ")
                .doesNotContain("Exception");
        assertThat(home.resolve("journal/set-aside/3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.ndjson.empty")).exists();
        assertThat(TdnProcess.runIn(home, "recover").out()).contains("No interrupted sessions.");
        assertThat(TdnProcess.runIn(home, "list").err()).doesNotContain("interrupted session");
    }
}
