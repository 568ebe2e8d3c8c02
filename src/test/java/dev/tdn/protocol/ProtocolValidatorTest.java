package dev.tdn.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tdn.Examples;
import dev.tdn.json.Document;
import dev.tdn.json.Problem;
import dev.tdn.record.Step;

class ProtocolValidatorTest {

    static final Path PROTOCOLS = Examples.ROOT.resolve("protocols");
    static final Path INVALID = Examples.ROOT.resolve("invalid-protocols");
    static final ProtocolCatalog CATALOG = new ProtocolCatalog(Path.of("/nonexistent"), ProtocolValidator.load());

    @TempDir
    Path dir;

    static Stream<Path> invalidExamples() {
        return Examples.files(INVALID).stream();
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void everyInvalidExampleIsRejectedForTheRuleInItsFileNameOnly(Path file) throws Exception {
        String rule = file.getFileName().toString().replaceFirst("\\.json$", "");

        CheckedProtocol checked = CATALOG.check(ProtocolSource.file(file));

        assertThat(checked.valid()).isFalse();
        assertThat(checked.protocol()).isNull();
        assertThat(checked.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.rule()).isEqualTo(rule);
            assertThat(p.source()).isEqualTo(file.toString());
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
            assertThat(p.path()).startsWith("$");
        });
    }

    @Test
    void everyProtocolRuleHasAnInvalidExample() {
        List<String> examples = Examples.files(INVALID).stream()
                .map(p -> p.getFileName().toString().replaceFirst("\\.json$", "")).toList();

        assertThat(examples).contains(ProtocolRules.WINDOW_ORDER, ProtocolRules.WEAK_TWITCH_WINDOW,
                ProtocolRules.STEPS_COMPLETE, ProtocolRules.UNIQUE_IDS, ProtocolRules.AT_LEAST_ONE_ABSOLUTE,
                ProtocolRules.DEPTH_WITHIN_NEEDLE, ProtocolRules.NAME_MATCHES_FILE);
    }

    @Test
    void aBrokenWindowIsPlacedAtItsMinimumsLineAndColumn() throws Exception {
        Path file = INVALID.resolve("window-order.json");
        List<String> lines = Files.readAllLines(file);
        int compression = indexOf(lines, "\"compression\": {", 0);
        int line = indexOf(lines, "\"minSeconds\"", compression) + 1;
        int column = lines.get(line - 1).indexOf("60") + 1;

        Problem p = CATALOG.check(ProtocolSource.file(file)).problems().get(0);

        assertThat(p.format()).isEqualTo(file + ":" + line + ":" + column
                + ": $.windows.compression.minSeconds: the window's minimum is above its maximum [window-order]");
    }

    @Test
    void aMissingStepIsNamedAndARepeatedOnePointedAt() throws Exception {
        String text = standardText().replace("\"step\": \"hands\"", "\"step\": \"cleanse\"");

        List<Problem> problems = check("standard", text).problems();

        assertThat(problems).extracting(Problem::path, Problem::rule).containsExactlyInAnyOrder(
                org.assertj.core.api.Assertions.tuple("$.steps[8].step", "steps-complete"),
                org.assertj.core.api.Assertions.tuple("$.steps", "steps-complete"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("'hands'"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("$.steps[6]"));
    }

    @Test
    void aWeakTwitchWindowEqualToTheDwellWindowIsAllowed() throws Exception {
        String text = standardText().replace("\"minSeconds\": 120, \"maxSeconds\": 180", "\"minSeconds\": 30, \"maxSeconds\": 60");

        CheckedProtocol checked = check("standard", text);

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.protocol().windows().weakTwitchDwell()).isEqualTo(new Window(30, 60));
    }

    @Test
    void theClinicExampleLoadsWithItsLongerCompressionAndOwnWording() throws Exception {
        Protocol p = CATALOG.load(PROTOCOLS.resolve("clinic-longer-compression.json").toString());

        assertThat(p.name()).isEqualTo("clinic-longer-compression");
        assertThat(p.windows().compression()).isEqualTo(new Window(45, 90));
        assertThat(p.windows().dwell()).isEqualTo(new Window(30, 60));
        assertThat(p.instruction(Step.COMPRESSION)).isNotEqualTo(CATALOG.load("standard").instruction(Step.COMPRESSION));
    }

    @Test
    void textThatCouldRewriteTheTerminalIsRefused() throws Exception {
        String text = standardText().replace("\"Diabetes?\"", "\"Diabetes?\\u001b[2J\"");

        List<Problem> problems = check("standard", text).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.screening[8].question");
            assertThat(p.rule()).isEqualTo("bad-format");
        });
    }

    @Test
    void onStandardInputNoFileNamePromisesTheProtocolsName() throws Exception {
        String text = standardText().replace("\"name\": \"standard\"", "\"name\": \"renamed\"");

        CheckedProtocol fromStdin = CATALOG.check(new Document("<stdin>", 1, text.getBytes(StandardCharsets.UTF_8)));
        CheckedProtocol fromFile = check("standard", text);

        assertThat(fromStdin.problems()).isEmpty();
        assertThat(fromStdin.protocol().name()).isEqualTo("renamed");
        assertThat(fromFile.problems()).extracting(Problem::rule).containsExactly("name-matches-file");
    }

    @Test
    void aFileLargerThanTheLimitIsOneProblemNotAHalfRead() throws Exception {
        Path file = dir.resolve("huge.json");
        Files.write(file, new byte[ProtocolCatalog.MAX_BYTES + 10]);

        CheckedProtocol checked = CATALOG.check(ProtocolSource.file(file));

        assertThat(checked.problems()).extracting(Problem::rule).containsExactly("too-large");
    }

    @Test
    void theHashChangesWithAnyByteOfTheFile() throws Exception {
        String text = standardText();

        String a = check("standard", text).protocol().sha256();
        String b = check("standard", text + "\n").protocol().sha256();

        assertThat(a).isNotEqualTo(b).isEqualTo(CATALOG.load("standard").sha256());
    }

    static String standardText() throws IOException {
        try (var in = ProtocolValidatorTest.class.getResourceAsStream("/protocol/standard.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private CheckedProtocol check(String name, String text) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, text);
        return CATALOG.check(ProtocolSource.file(file));
    }

    private static int indexOf(List<String> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not found");
    }
}
