package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.tdn.TdnProcess.Result;

/** What only a real process shows: exit codes, pipes, and nothing stray on stdout or stderr. */
class TdnProcessIT {

    @Test
    void versionComesFromThePom() throws Exception {
        Result r = TdnProcess.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("tdn " + System.getProperty("tdn.version"));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void helpListsTheExitCodes() throws Exception {
        Result r = TdnProcess.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("validate").contains("65   invalid data").contains("66   input not found");
    }

    @Test
    void examplesAreValid() throws Exception {
        Result r = TdnProcess.run("validate", Examples.SESSIONS.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("3 records checked: 3 valid, 0 invalid");
    }

    @Test
    void invalidExamplesExit65WithoutStackTracesLogsOrPatientData() throws Exception {
        Result r = TdnProcess.run("validate", Examples.INVALID.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        long files;
        try (Stream<Path> s = Files.list(Examples.INVALID)) {
            files = s.count();
        }
        assertThat(r.err().strip()).isEqualTo(files + " records checked: 0 valid, " + files + " invalid");
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("SLF4J")
                .doesNotContain("MRN-").doesNotContain("Rivera");
    }

    @Test
    void aRecordCanBePipedIn() throws Exception {
        Result r = TdnProcess.run(Files.readAllBytes(Examples.COMPLETED), "validate", "-");

        assertThat(r.exitCode()).isZero();
    }

    @Test
    void missingInputExits66() throws Exception {
        Result r = TdnProcess.run("validate", "no-such-record.json");

        assertThat(r.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(r.err()).contains("no-such-record.json: no such file or directory");
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        Result r = TdnProcess.run("validate", "--frobnicate", "x.json");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("tdn validate: unknown option --frobnicate\nSee 'tdn validate --help'.\n");
    }

    @Test
    void noSubcommandIsAUsageError() throws Exception {
        Result r = TdnProcess.run();

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        // two lines, not the whole help: which commands there are, and how to start
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err()).contains("which command? session, timer").contains("tdn session --training")
                .contains("See 'tdn --help'.");
    }

    @Test
    void aRecordsEscapesNeverReachTheTerminalAsBytes(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        Path file = home.resolve("hostile.json");
        Files.writeString(file, dev.tdn.record.RecordText.edited(Examples.COMPLETED, t -> {
            t.put("notes", "seen" + Hostile.ESCAPES + "\nnext line");
            ((tools.jackson.databind.node.ObjectNode) t.get("patient")).put("id", "MRN\u009b2J\u202e1");
            dev.tdn.record.RecordText.point(t, 0).put("muscle", "upper trapezius" + Hostile.ESCAPES);
        }));
        assertThat(TdnProcess.runIn(home, "import", file.toString()).exitCode()).isZero();

        // what the encoder writes on the real stdout, decoded back: U+FFFD where the escapes were
        for (String[] args : new String[][] {{"show", "3f1c2a9e"}, {"list"}, {"report", "billing"}}) {
            Result r = TdnProcess.runIn(home, args);
            Hostile.assertPrintable(String.join(" ", args), r.out() + r.err());
        }
        assertThat(TdnProcess.runIn(home, "show", "3f1c2a9e").out()).contains("seen\uFFFD[2J").contains("MRN\uFFFD2J");
    }
}
