package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;

class ProtocolCommandTest {

    static final Path CLINIC_EXAMPLE = Examples.ROOT.resolve("protocols/clinic-longer-compression.json");
    static final Path INVALID = Examples.ROOT.resolve("invalid-protocols");

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    Path protocols;

    @BeforeEach
    void aProtocolsFolder() throws Exception {
        protocols = Files.createDirectories(home.resolve("protocols"));
    }

    static String standardText() throws Exception {
        try (InputStream in = ProtocolCommandTest.class.getResourceAsStream("/protocol/standard.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void showPrintsTheStandardProtocolsWindowsChecklistsAndEveryInstruction() throws Exception {
        Result r = TdnRunner.run("protocol", "show");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains("Standard trigger point dry needling")
                .containsPattern("dwell +30-60 s")
                .containsPattern("dwell after a weak twitch +120-180 s")
                .containsPattern("compression +30-60 s")
                .contains("30 mm long, 0.25 mm gauge, inserted about 10 mm")
                .containsPattern("sha256 +[0-9a-f]{64}")
                .containsPattern("(?s)absolute contraindications.*needle-phobia.*lymphoedema.*precautions.*diabetes.*frail-or-child")
                .contains("Cleanse the area with 70% isopropyl alcohol")
                .containsPattern("4 +dwell +Leave the needle in place \\(static\\)")
                .containsPattern("7 +compression +Compress the site for hemostasis")
                .contains("Soreness like after exercise is common for 24-48 hours.");
        assertThat(r.out().lines().filter(l -> l.matches("  \\d  \\S+ +\\S.*"))).hasSize(10);
    }

    @Test
    void showJsonPrintsTheFileExactlyAsShipped() throws Exception {
        Result r = TdnRunner.run("protocol", "show", "--json");

        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo(standardText());
    }

    @Test
    void showFindsAClinicProtocolByNameInTheProtocolsFolder() throws Exception {
        Files.copy(CLINIC_EXAMPLE, protocols.resolve("clinic-longer-compression.json"));

        Result r = TdnRunner.run("protocol", "show", "clinic-longer-compression");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsPattern("compression +45-90 s")
                .contains(protocols.resolve("clinic-longer-compression.json").toString())
                .contains("this clinic treats many patients on anticoagulants");
    }

    @Test
    void showAcceptsAPathToAFile() {
        Result r = TdnRunner.run("protocol", "show", CLINIC_EXAMPLE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsPattern("compression +45-90 s");
    }

    @Test
    void anUnknownProtocolExits66NamingTheKnownOnes() throws Exception {
        Files.copy(CLINIC_EXAMPLE, protocols.resolve("clinic-longer-compression.json"));

        Result r = TdnRunner.run("protocol", "show", "clinic");

        assertThat(r.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no protocol named 'clinic'")
                .contains("Known: clinic-longer-compression, standard")
                .doesNotContain("Exception");
    }

    @Test
    void showOfAnInvalidProtocolExits65WithItsProblems() {
        Path file = INVALID.resolve("window-order.json");

        Result r = TdnRunner.run("protocol", "show", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("is not valid").contains(file + ":").contains("[window-order]")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void listShowsTheBuiltInAndTheClinicsOwnAndWhatReplacesWhat() throws Exception {
        Files.copy(CLINIC_EXAMPLE, protocols.resolve("clinic-longer-compression.json"));
        Files.writeString(protocols.resolve("standard.json"), standardText().replace("\"version\": 1", "\"version\": 7"));
        Files.copy(INVALID.resolve("window-order.json"), protocols.resolve("window-order.json"));
        Files.writeString(protocols.resolve("README.txt"), "not a protocol");

        Result r = TdnRunner.run("protocol", "list");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("NAME").contains("VERSION").contains("TITLE").contains("SOURCE");
        assertThat(lines.get(1)).startsWith("clinic-longer-compression").contains(" 3 ");
        assertThat(lines.get(2)).startsWith("standard").contains(" 7 ")
                .contains(protocols.resolve("standard.json") + " (replaces the built-in)");
        assertThat(lines.get(3)).startsWith("window-order").contains("INVALID")
                .contains("tdn protocol validate " + protocols.resolve("window-order.json"));
    }

    @Test
    void listNamesPrintsTheNamesAloneWithoutCheckingAnyProtocol() throws Exception {
        Files.copy(CLINIC_EXAMPLE, protocols.resolve("clinic-longer-compression.json"));
        Files.copy(INVALID.resolve("malformed-json.json"), protocols.resolve("broken.json"));
        Files.writeString(protocols.resolve("standard.json"), standardText());
        Files.writeString(protocols.resolve("README.txt"), "not a protocol");
        Files.writeString(protocols.resolve("Not A Name.json"), "{}");

        Result r = TdnRunner.run("protocol", "list", "--names");

        // what shell completion offers: a name once even when a clinic file replaces the built-in
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out().lines()).containsExactly("broken", "clinic-longer-compression", "standard");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void listNamesWithoutAProtocolsFolderIsTheBuiltIn() throws Exception {
        Files.delete(protocols);

        assertThat(TdnRunner.run("protocol", "list", "--names").out().lines()).containsExactly("standard");
    }

    @Test
    void listWithoutAProtocolsFolderShowsTheBuiltIn() throws Exception {
        Files.delete(protocols);

        Result r = TdnRunner.run("protocol", "list");

        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out().lines().skip(1)).singleElement().asString()
                .startsWith("standard").contains("Standard trigger point dry needling").endsWith("built-in");
    }

    @Test
    void validateAcceptsTheClinicExample() {
        Result r = TdnRunner.run("protocol", "validate", CLINIC_EXAMPLE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("1 protocol checked: 1 valid, 0 invalid");
    }

    static Stream<Path> invalidExamples() {
        return Examples.files(INVALID).stream();
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void validateRejectsEachInvalidExampleNamingItsRule(Path file) {
        String rule = file.getFileName().toString().replaceFirst("\\.json$", "");

        Result r = TdnRunner.run("protocol", "validate", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.out().lines()).isNotEmpty()
                .allMatch(l -> ValidateCommandTest.PROBLEM_LINE.matcher(l).matches(), "FILE:LINE:COL: $.path: message [rule]")
                .allMatch(l -> l.startsWith(file + ":") && l.endsWith("[" + rule + "]"));
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validateChecksEveryFileAndTheMissingOneDecidesTheExitCode() {
        Path missing = home.resolve("nope.json");

        Result r = TdnRunner.run("protocol", "validate", INVALID.resolve("unique-ids.json").toString(),
                missing.toString(), CLINIC_EXAMPLE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(r.out()).contains("[unique-ids]");
        assertThat(r.err()).contains(missing + ": no such file").contains("2 protocols checked: 1 valid, 1 invalid");
    }

    @Test
    void validateReadsStandardInput() throws Exception {
        Result ok = TdnRunner.runWithInput(standardText(), "protocol", "validate", "-");
        Result bad = TdnRunner.runWithInput(standardText().replace("\"maxSeconds\": 180", "\"maxSeconds\": 100"),
                "protocol", "validate", "-");

        assertThat(ok.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(bad.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(bad.out().strip()).startsWith("<stdin>:").endsWith("[window-order]");
    }

    @Test
    void protocolWithoutAVerbIsAUsageError() {
        Result r = TdnRunner.run("protocol");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("list, show or validate");
    }
}
