package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;

/** Usage errors as a newcomer meets them: two lines, the near miss, and where help is. */
class UsageErrorsTest {

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    static void twoLines(Result r, String command) {
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err().lines().toList().get(1)).isEqualTo("See '" + command + " --help'.");
    }

    @Test
    void aMistypedCommandIsNamedWithTheOneItWasMeantToBe() {
        Result swapped = TdnRunner.run("lsit");
        Result short_ = TdnRunner.run("sesion", "-p", "MRN-1");
        Result prefix = TdnRunner.run("rep", "billing");

        twoLines(swapped, "tdn");
        assertThat(swapped.err()).startsWith("tdn: 'lsit' is not a tdn command; did you mean list?");
        assertThat(short_.err()).contains("did you mean session?");
        assertThat(prefix.err()).contains("did you mean report?");
    }

    @Test
    void aMistypedOptionIsNamedWithItsNearMiss() {
        Result r = TdnRunner.run("list", "--pateint", "MRN-1");

        twoLines(r, "tdn list");
        assertThat(r.err()).contains("unknown option --pateint; did you mean --patient?");
    }

    @Test
    void aStrayArgumentIsNotQuotedForItMayBeAPatientId() {
        Result r = TdnRunner.run("list", "MRN-55501");

        twoLines(r, "tdn list");
        assertThat(r.err()).doesNotContain("MRN-55501");
    }

    @Test
    void aBadValueSaysWhatIsAccepted() {
        Result status = TdnRunner.run("list", "--status", "done");
        Result since = TdnRunner.run("list", "--since", "last week");

        twoLines(status, "tdn list");
        assertThat(status.err()).contains("expected completed, aborted, not-done, recovered, resumed");
        twoLines(since, "tdn list");
        assertThat(since.err()).contains("today, yesterday");
    }

    @Test
    void noCommandSaysWhichThereAreAndHowToStart() {
        Result r = TdnRunner.run();

        twoLines(r, "tdn");
        assertThat(r.err()).contains("session, timer").contains("tdn session --training");
    }

    @Test
    void helpNamesACommandAsItsHelpOptionDoes() {
        Result help = TdnRunner.run("help", "list");
        Result option = TdnRunner.run("list", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: tdn list").isEqualTo(option.out());
        assertThat(TdnRunner.run("help").out()).contains("Usage: tdn ").contains("session");
    }

    @Test
    void relativeDaysFilterTheStore() throws Exception {
        assertThat(TdnRunner.run("import", dev.tdn.Examples.SESSIONS.toString()).exitCode()).isZero();

        // the examples were recorded in November 2026: none is from the future
        Result future = TdnRunner.run("list", "--since", "tomorrow", "--json");
        Result past = TdnRunner.run("list", "--until", "tomorrow", "--json");

        assertThat(future.exitCode()).as(future.err()).isZero();
        assertThat(future.out().strip()).isEqualTo("[ ]");
        assertThat(past.out()).contains("3f1c2a9e");
    }

    @Test
    void theHelpShowsTheDefaultsTheConfigFileGives() throws Exception {
        Files.writeString(home.resolve("config.json"), "{\"clinician\": {\"id\": \"pt-0042\"}, \"protocol\": \"standard\"}");

        String help = TdnRunner.run("session", "--help").out();

        assertThat(help).containsPattern("--clinician=ID[^-]{0,300}Default: pt-0042");
        assertThat(help).containsPattern("Default: standard");
    }
}
