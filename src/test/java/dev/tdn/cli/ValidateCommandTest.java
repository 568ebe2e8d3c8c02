package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner.Result;
import dev.tdn.TdnRunner;
import dev.tdn.record.RecordText;

class ValidateCommandTest {

    /** FILE:LINE:COL: $.json.path: what is wrong [rule] */
    static final Pattern PROBLEM_LINE = Pattern.compile("^.+:\\d+:\\d+: \\$\\S*: .+ \\[[a-z0-9-]+]$");

    @TempDir
    Path dir;

    @Test
    void everyExampleSessionIsValid() {
        List<String> args = Examples.files(Examples.SESSIONS).stream().map(Path::toString).toList();
        assertThat(args).hasSizeGreaterThanOrEqualTo(3);

        Result r = TdnRunner.run(Stream.concat(Stream.of("validate"), args.stream()).toArray(String[]::new));

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(args.size() + " records checked: " + args.size() + " valid, 0 invalid");
    }

    static Stream<Path> invalidExamples() {
        return Examples.files(Examples.INVALID).stream();
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void everyInvalidExampleIsRejectedNamingTheRuleInItsFileName(Path file) {
        String rule = file.getFileName().toString().replaceFirst("\\.json$", "");

        Result r = TdnRunner.run("validate", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.out().lines()).isNotEmpty().allMatch(l -> PROBLEM_LINE.matcher(l).matches(), "problem line format");
        assertThat(r.out()).contains(file + ":").contains("[" + rule + "]");
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void problemPointsAtTheLineAndColumnOfTheBadValue() throws IOException {
        Path f = write("pain.json", RecordText.edited(Examples.COMPLETED, t -> t.put("painAfter", 12)));
        int line = lineOf(f, "\"painAfter\"");
        int column = Files.readAllLines(f).get(line - 1).indexOf("12") + 1;

        Result r = TdnRunner.run("validate", f.toString());

        assertThat(r.out().strip())
                .isEqualTo(f + ":" + line + ":" + column + ": $.painAfter: must be at most 10 [out-of-range]");
    }

    @Test
    void missingFileExits66AndStillChecksTheOthers() {
        Result r = TdnRunner.run("validate", Examples.COMPLETED.toString(), dir.resolve("nope.json").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(r.err()).contains("nope.json: no such file or directory").contains("1 valid");
    }

    @Test
    void missingInputOutranksInvalidData() {
        Result r = TdnRunner.run("validate", Examples.INVALID.resolve("wrong-type.json").toString(),
                dir.resolve("nope.json").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(r.out()).contains("[wrong-type]");
    }

    @Test
    void directoriesAreSearchedRecursively() throws IOException {
        Files.createDirectories(dir.resolve("room-2/2026-11"));
        Files.copy(Examples.COMPLETED, dir.resolve("room-2/2026-11/a.json"));
        Files.copy(Examples.INVALID.resolve("id-uuid.json"), dir.resolve("b.json"));
        Files.writeString(dir.resolve("notes.txt"), "not a record");

        Result r = TdnRunner.run("validate", dir.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.err()).contains("2 records checked: 1 valid, 1 invalid");
        assertThat(r.out()).contains("b.json:3:9: $.id:");
    }

    @Test
    void stdinTakesOnePrettyPrintedRecord() {
        Result r = TdnRunner.runWithInput(Examples.read(Examples.ABORTED), "validate", "-");

        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCode.OK);
    }

    @Test
    void stdinTakesNdjsonAndReportsTheLineOfEachBadRecord() {
        String good = RecordText.compact(Examples.COMPLETED, t -> { });
        String bad = RecordText.compact(Examples.COMPLETED, t -> t.put("status", "finished"));
        String torn = good.substring(0, good.length() / 2);

        Result r = TdnRunner.runWithInput(good + "\n" + bad + "\n\n" + good + "\n" + torn, "validate", "-");

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.out()).contains("<stdin>:2:").contains("$.status: must be one of").contains("<stdin>:5:")
                .contains("[malformed-json]");
        assertThat(r.err()).contains("4 records checked: 2 valid, 2 invalid");
    }

    @Test
    void ndjsonFilesHoldOneRecordPerLine() throws IOException {
        String good = RecordText.compact(Examples.NOT_DONE, t -> { });
        Path f = write("batch.ndjson", good + "\r\n" + good + "\r\n");

        Result r = TdnRunner.run("validate", f.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).contains("2 records checked: 2 valid");
    }

    @Test
    void jsonReportListsEveryProblemForScripts() {
        Result r = TdnRunner.run("validate", "--json", Examples.COMPLETED.toString(),
                Examples.INVALID.resolve("billing-agrees.json").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        JsonNode report = JsonMapper.shared().readTree(r.out());
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.at("/summary/records").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/invalid").asInt()).isEqualTo(1);
        JsonNode p = report.at("/problems/0");
        assertThat(p.get("file").asString()).endsWith("billing-agrees.json");
        assertThat(p.get("rule").asString()).isEqualTo("billing-agrees");
        assertThat(p.get("path").asString()).isEqualTo("$.billing.cpt");
        assertThat(p.get("line").asInt()).isPositive();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aTwoGigabyteFileIsRefusedWithoutReadingIt() throws IOException {
        Path f = dir.resolve("huge.json");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(2L * 1024 * 1024 * 1024);
        }

        Result r = TdnRunner.run("validate", f.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.out().strip()).isEqualTo(f + ":1:1: $: record is larger than 16 MiB [too-large]");
    }

    @Test
    void aNestingBombTenThousandDeepIsRefused() throws IOException {
        Path f = write("bomb.json", "[".repeat(10_000) + "]".repeat(10_000));

        Result r = TdnRunner.run("validate", f.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.out()).contains("[too-deep]").contains("nested deeper than 64 levels");
        assertThat(r.out().length()).isLessThan(300);
    }

    @Test
    void aHugeStringIsRefused() throws IOException {
        Path f = write("long.json", RecordText.edited(Examples.COMPLETED, t -> t.put("notes", "x".repeat(1_200_000))));

        Result r = TdnRunner.run("validate", f.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.out()).contains("[string-too-long]");
    }

    @Test
    void notesLongerThanTheSchemaAllowsAreRefused() throws IOException {
        Path f = write("notes.json", RecordText.edited(Examples.COMPLETED, t -> t.put("notes", "x".repeat(10_001))));

        Result r = TdnRunner.run("validate", f.toString());

        assertThat(r.out()).contains("$.notes: must be at most 10000 characters long [bad-length]");
    }

    @Test
    void aNumberBeyondAnyRangeIsOutOfRange() throws IOException {
        Path f = write("inf.json", Examples.read(Examples.COMPLETED).replaceFirst("\"lengthMm\": 30.0", "\"lengthMm\": 1e400"));

        Result r = TdnRunner.run("validate", f.toString());

        assertThat(r.out()).contains("$.points[0].needle.lengthMm: number is too large [out-of-range]");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsAWrongType() {
        Result r = TdnRunner.runWithInput("[]\n", "validate", "-");

        assertThat(r.out().strip()).isEqualTo("<stdin>:1:1: $: must be an object, not an array [wrong-type]");
    }

    @Test
    void invalidUtf8IsNotUtf8AndPlacedAtTheBadByte() throws IOException {
        byte[] bytes = Examples.read(Examples.COMPLETED).replace("A. Rivera", "A. Rivera\u00e9")
                .getBytes(StandardCharsets.UTF_8);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Rivera") + 6;
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;
        Path f = dir.resolve("latin.json");
        Files.write(f, bytes);

        Result r = TdnRunner.run("validate", f.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.out()).contains("latin.json:" + line(bytes, at) + ":").contains("[not-utf8]").contains("UTF-8");
    }

    private static int line(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
    }

    @Test
    void noArgumentsIsAUsageError() {
        Result r = TdnRunner.run("validate");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("missing required parameter").contains("See 'tdn validate --help'");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static int lineOf(Path f, String needle) throws IOException {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in " + f);
    }
}
