package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.Config;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.record.Clinician;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code tdn config init} and {@code show}, in-process, under a temporary home. */
class ConfigCommandTest {

    @RegisterExtension
    final TemporaryHome temporary = new TemporaryHome();

    /** Not made yet: init must create it, 0700. */
    Path home;

    @BeforeEach
    void aHomeNotMadeYet() {
        home = temporary.resolve("clinic/tdn");
        temporary.use(home);
    }

    Path configFile() {
        return home.resolve("config.json");
    }

    Config written() throws Exception {
        return Config.load(configFile());
    }

    @Test
    void answersPipedInOnePerLineMakeAConfigThatLoads() throws Exception {
        Result r = TdnRunner.runWithInput(String.join("\n", "pt-0042", "A. Rivera", "PT, DPT", "standard", "40", "0.3",
                "urn:oid:2.16.840.1.113883.19.5", "https://clinic.example/staff") + "\n", "config", "init");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Clinician id", "Your name", "credentials", "Default protocol [standard]:",
                "Needle length in mm [30]:", "Needle gauge (diameter) in mm [0.25]:", "patient identifier system",
                "clinician identifier system", "Wrote " + configFile());
        // one question per line, nothing drawn
        assertThat(r.out()).doesNotContain("\u001b");
        assertThat(written()).isEqualTo(new Config(new Clinician("pt-0042", "A. Rivera", "PT, DPT"), "standard",
                new Config.Needle(40, 0.3),
                new Config.Fhir("urn:oid:2.16.840.1.113883.19.5", "https://clinic.example/staff"), null));
    }

    @Test
    void theNpiSystemTakesAClinicianWhoseIdIsAnNpi() throws Exception {
        Result staffId = TdnRunner.run("config", "init", "--yes", "--clinician-id", "pt-0042",
                "--clinician-system", "http://hl7.org/fhir/sid/us-npi");
        assertThat(staffId.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(staffId.err()).contains("the clinician id is not an NPI").contains("nothing was written")
                .doesNotContain("pt-0042");
        assertThat(configFile()).doesNotExist();

        Result npi = TdnRunner.run("config", "init", "--yes", "--clinician-id", "1234567893",
                "--clinician-system", "http://hl7.org/fhir/sid/us-npi");
        assertThat(npi.exitCode()).as(npi.err()).isZero();
        assertThat(written().fhir().clinicianSystem()).isEqualTo("http://hl7.org/fhir/sid/us-npi");
    }

    @Test
    void enterKeepsTheDefaultsAndTheEndOfInputTakesThemForTheRest() throws Exception {
        Result r = TdnRunner.runWithInput("pt-0042\n\n\n\n\n", "config", "init");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(written()).isEqualTo(new Config(new Clinician("pt-0042", null, null), "standard",
                new Config.Needle(30, 0.25), null, null));
        // what was left empty is left out of the file, not written as null
        assertThat(Files.readString(configFile())).doesNotContain("null").doesNotContain("fhir");
    }

    @Test
    void optionsAloneWithYesAskNothing() throws Exception {
        Result r = TdnRunner.run("config", "init", "--yes", "--clinician-id", "pt-0042", "--name", "A. Rivera",
                "--credentials", "PT, DPT", "--needle-length", "50", "--needle-gauge", "0.30",
                "--patient-system", "urn:oid:2.16.840.1.113883.19.5");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("?").doesNotContain("[").startsWith("Wrote ");
        assertThat(written()).isEqualTo(new Config(new Clinician("pt-0042", "A. Rivera", "PT, DPT"), "standard",
                new Config.Needle(50, 0.3), new Config.Fhir("urn:oid:2.16.840.1.113883.19.5", null), null));
        JsonNode json = JsonMapper.shared().readTree(configFile().toFile());
        assertThat(json.at("/needle/lengthMm").toString()).isEqualTo("50");
    }

    @Test
    void whatOptionsGiveIsNotAsked() throws Exception {
        Result r = TdnRunner.runWithInput("A. Rivera\n", "config", "init", "--clinician-id", "pt-0042");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("Clinician id").contains("Your name");
        assertThat(written().clinician()).isEqualTo(new Clinician("pt-0042", "A. Rivera", null));
    }

    @Test
    void yesWithoutAClinicianIdIsAUsageError() {
        Result r = TdnRunner.run("config", "init", "--yes", "--name", "A. Rivera");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--clinician-id is required");
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void aBlankIdIsAskedAgainAndNoIdAtAllWritesNothing() throws Exception {
        Result again = TdnRunner.runWithInput("\n  \npt-7\n", "config", "init");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("An answer is required.");
        assertThat(written().clinician().id()).isEqualTo("pt-7");

        Files.delete(configFile());
        Result none = TdnRunner.runWithInput("\n", "config", "init");
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("no clinician id");
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void aWrongNumberIsAskedAgain() throws Exception {
        Result r = TdnRunner.runWithInput("pt-1\n\n\n\nthirty\n0\n35\n32\n0,2\n\n\n", "config", "init");

        assertThat(r.exitCode()).as(r.err()).isZero();
        // "32" is a gauge number, not a diameter in mm
        assertThat(r.out().split("Not taken: the needle length", -1)).hasSize(3);
        assertThat(r.out().split("Not taken: the needle gauge", -1)).hasSize(2);
        assertThat(written().needle()).isEqualTo(new Config.Needle(35, 0.2));
    }

    @Test
    void aWrongNumberOrSystemAsAnOptionIsAUsageError() {
        assertThat(TdnRunner.run("config", "init", "-y", "--clinician-id", "pt-1", "--needle-length", "-3").exitCode())
                .isEqualTo(ExitCode.USAGE);
        assertThat(TdnRunner.run("config", "init", "-y", "--clinician-id", "pt-1", "--needle-gauge", "NaN").exitCode())
                .isEqualTo(ExitCode.USAGE);
        Result r = TdnRunner.run("config", "init", "-y", "--clinician-id", "pt-1", "--clinician-system", "NPI");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--clinician-system: an identifier system is an absolute URI");
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void anUnknownProtocolIsAskedAgainOrRefusedAsAnOption() throws Exception {
        Result asked = TdnRunner.runWithInput("pt-1\n\n\nacupuncture\nstandard\n", "config", "init");
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        assertThat(asked.out()).contains("Not taken: no protocol named 'acupuncture'. Known: standard");
        assertThat(written().protocol()).isEqualTo("standard");

        Files.delete(configFile());
        Result option = TdnRunner.run("config", "init", "-y", "--clinician-id", "pt-1", "--protocol", "acupuncture");
        assertThat(option.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(option.err()).contains("no protocol named 'acupuncture'");
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void aClinicProtocolIsKnownAndItsNeedleIsTheDefault() throws Exception {
        Files.createDirectories(home.resolve("protocols"));
        String standard = TdnRunner.run("protocol", "show", "--json").out();
        Files.writeString(home.resolve("protocols/clinic.json"), standard
                .replace("\"name\": \"standard\"", "\"name\": \"clinic\"").replace("\"lengthMm\": 30", "\"lengthMm\": 40"));

        Result r = TdnRunner.runWithInput("pt-1\n\n\nclinic\n\n\n", "config", "init");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Needle length in mm [40]:");
        assertThat(written().protocol()).isEqualTo("clinic");
        assertThat(written().needle()).isEqualTo(new Config.Needle(40, 0.25));
    }

    @Test
    void anExistingConfigIsNeverReplacedWithoutForce() throws Exception {
        Files.createDirectories(home);
        Files.writeString(configFile(), "{\"clinician\": {\"id\": \"pt-old\"}}");

        Result r = TdnRunner.runWithInput("pt-new\n", "config", "init");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(configFile() + " already exists").contains("--force");
        // refused before any question, so no answers are typed in vain
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(configFile())).contains("pt-old");
    }

    @Test
    void forceReplacesItWhole() throws Exception {
        Files.createDirectories(home);
        Files.writeString(configFile(), "{\"clinician\": {\"id\": \"pt-old\", \"name\": \"Old Name\"}}");

        Result r = TdnRunner.run("config", "init", "--yes", "--force", "--clinician-id", "pt-new");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(written().clinician()).isEqualTo(new Clinician("pt-new", null, null));
        assertThat(Files.readString(configFile())).doesNotContain("Old Name");
        assertThat(Files.getPosixFilePermissions(configFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> files = Files.list(home)) {
            // no temp file left beside it
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("config.json");
        }
    }

    @Test
    void theFileIsReadableByItsOwnerAloneInAFolderOfItsOwn() throws Exception {
        Result r = TdnRunner.run("config", "init", "-y", "--clinician-id", "pt-1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.getPosixFilePermissions(configFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(home)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(home.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aSessionAfterwardsTakesTheClinicianFromIt() throws Exception {
        Result init = TdnRunner.runWithInput("pt-0042\nA. Rivera\nPT, DPT\n", "config", "init");
        assertThat(init.exitCode()).as(init.err()).isZero();

        // no -c: the clinician comes from the config; "y" to consent, then input ends the session
        Result session = TdnRunner.runWithInput("y\n", "session", "-p", "MRN-1");

        assertThat(session.exitCode()).as(session.err()).isZero();
        try (Stream<Path> s = Files.list(home.resolve("sessions"))) {
            JsonNode record = JsonMapper.shared().readTree(s.findFirst().orElseThrow().toFile());
            assertThat(record.at("/clinician/id").asString()).isEqualTo("pt-0042");
            assertThat(record.at("/clinician/name").asString()).isEqualTo("A. Rivera");
            assertThat(record.at("/clinician/credentials").asString()).isEqualTo("PT, DPT");
            assertThat(record.at("/protocol/name").asString()).isEqualTo("standard");
        }
    }

    @Test
    void showSaysWhenThereIsNoConfig() {
        Result r = TdnRunner.run("config", "show");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("No config file: " + configFile()).contains("tdn config init");
    }

    @Test
    void showPrintsThePathAndTheFile() throws Exception {
        TdnRunner.run("config", "init", "-y", "--clinician-id", "pt-1");

        Result r = TdnRunner.run("config", "show");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Config file: " + configFile() + "\n" + Files.readString(configFile()));
    }

    @Test
    void showNamesWhatIsWrongWithAnInvalidConfig() throws Exception {
        Files.createDirectories(home);
        Files.writeString(configFile(), "{\n  \"needle\": {\"lengthMm\": 0, \"gaugeMm\": 0.25}\n}\n");

        Result r = TdnRunner.run("config", "show");

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.out()).contains("\"lengthMm\": 0");
        assertThat(r.err()).contains("config.json:2:").contains("$.needle.lengthMm: must be greater than 0 [out-of-range]");
    }

    @Test
    void configAloneAsksForASubcommand() {
        Result r = TdnRunner.run("config");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("init or show");
    }
}
