package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;

/** The one line that tells a clinician an interrupted session waits, and where it is not said. */
class WaitingJournalsTest {

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    Path journals;

    @BeforeEach
    void useTemporaryHome() {
        journals = home.resolve("journal");
    }

    void waiting(String... ids) throws Exception {
        Files.createDirectories(journals);
        for (String id : ids) {
            Files.writeString(journals.resolve(id + ".ndjson"), "{\"journal\":1,\"patient\":{\"id\":\"MRN-1\"}}\n");
        }
    }

    @Test
    void countsJournalsOnlyNotWhatIsSetAsideOrOtherFiles() throws Exception {
        waiting("a", "b");
        Files.createDirectories(journals.resolve("set-aside"));
        Files.writeString(journals.resolve("set-aside/c.ndjson.empty"), "");
        Files.writeString(journals.resolve("notes.txt"), "");

        assertThat(WaitingJournals.count(journals)).isEqualTo(2);
        assertThat(WaitingJournals.notice(journals)).isEqualTo("tdn: 2 interrupted sessions wait in " + journals
                + "; run 'tdn recover' to finish them");
    }

    @Test
    void oneIsSaidInTheSingular() throws Exception {
        waiting("a");

        assertThat(WaitingJournals.notice(journals)).isEqualTo("tdn: 1 interrupted session waits in " + journals
                + "; run 'tdn recover' to finish it");
    }

    @Test
    void nothingIsSaidWhenNoneWaitsOrThereIsNoFolder() throws Exception {
        assertThat(WaitingJournals.notice(journals)).isNull();
        Files.createDirectories(journals);
        assertThat(WaitingJournals.notice(journals)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "show 3f1c2a9e", "report billing", "export --format csv", "import examples/sessions"})
    void commandsThatOpenTheDataFolderSayItOnceOnStderrWithoutPatientData(String command) throws Exception {
        waiting("a");

        Result r = TdnRunner.run(command.split(" "));

        assertThat(r.err()).containsOnlyOnce("1 interrupted session waits in " + journals).doesNotContain("MRN-1");
        assertThat(r.out()).doesNotContain("interrupted session");
    }

    @ParameterizedTest
    @ValueSource(strings = {"recover", "list --help", "report billing --help", "session --version", "timer --help",
            "validate examples/sessions", "protocol list"})
    void recoverHelpAndCommandsThatKeepNothingDoNotSayIt(String command) throws Exception {
        waiting("a");

        Result r = TdnRunner.run(command.split(" "));

        assertThat(r.err() + r.out()).doesNotContain("interrupted session waits");
    }

    @Test
    void aSessionDoesNotCountItsOwnJournal() throws Exception {
        Result r = TdnRunner.runWithInput("y\n", "session", "-p", "MRN-1", "-c", "pt-1", "--no-import");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("interrupted session");
    }

    @Test
    void aSessionSaysThatOthersWait() throws Exception {
        waiting("a");

        Result r = TdnRunner.runWithInput("y\n", "session", "-p", "MRN-1", "-c", "pt-1", "--no-import");

        assertThat(r.err()).containsOnlyOnce("1 interrupted session waits in " + journals);
    }
}
