package dev.tdn.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.json.Document;
import dev.tdn.json.Problem;

/** What surrounds the JSON: encodings, special files, endless streams, names the locale cannot spell. */
class HostileInputsTest {

    @TempDir
    Path dir;

    @Test
    void aRecordInUtf16OrUtf32IsRejectedAsNotUtf8() throws IOException {
        String record = Examples.read(Examples.COMPLETED);
        for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE")) {
            Path f = dir.resolve(charset + ".json");
            Files.write(f, record.getBytes(Charset.forName(charset)));

            TdnRunner.Result r = TdnRunner.run("validate", f.toString());

            assertThat(r.exitCode()).as(charset).isEqualTo(ExitCode.DATA_ERR);
            assertThat(r.out()).as(charset).contains(":1:1: $: the text is UTF-").contains("[not-utf8]");
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheDocument() {
        byte[] plain = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] marked = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};

        assertThat(new Document("f", 1, marked).bytes()).isEqualTo(plain);
        assertThat(TdnRunner.runWithInput(prefixed(Examples.read(Examples.COMPLETED)), "validate", "-").exitCode())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void endlessStandardInputStopsAtTheFirstLineOverTheLimit() {
        List<String> seen = read(new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        });

        assertThat(seen).containsExactly("rejected <stdin>:1 too-large");
    }

    @Test
    void garbageLinesStopTheInputAfterAHundredInARow() {
        // the first line makes the stream NDJSON; the rest is a log, or worse
        String stream = "{}\n" + "not json at all\n".repeat(10_000);

        List<String> seen = read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));

        assertThat(seen).hasSize(1 + RecordInputs.MAX_NOT_OBJECTS + 1);
        assertThat(seen.get(seen.size() - 1)).isEqualTo("rejected <stdin>:102 not-ndjson");
    }

    @Test
    void emptyStandardInputIsEmptyInputLikeAnEmptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.json"));

        TdnRunner.Result stdin = TdnRunner.runWithInput(new byte[0], "validate", "-");
        TdnRunner.Result file = TdnRunner.run("validate", empty.toString());

        assertThat(stdin.exitCode()).isEqualTo(file.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(stdin.out()).contains("[empty-input]");
        assertThat(file.out()).contains("[empty-input]");
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("room.json");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");

        TdnRunner.Result r = TdnRunner.run("validate", fifo.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(r.err()).contains("room.json: not a regular file");
    }

    @Test
    @Timeout(20)
    void aFifoNamedAsAProtocolIsRefusedBeforeTheSessionWaitsOnIt() throws Exception {
        Path fifo = dir.resolve("room-protocol.json");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");

        TdnRunner.Result validate = TdnRunner.run("protocol", "validate", fifo.toString());
        TdnRunner.Result show = TdnRunner.run("protocol", "show", fifo.toString());
        TdnRunner.Result session = TdnRunner.runWithInput(new byte[0], "session", "--training",
                "--protocol", fifo.toString());

        for (TdnRunner.Result r : List.of(validate, show, session)) {
            assertThat(r.exitCode()).isEqualTo(ExitCode.NO_INPUT);
            assertThat(r.err()).contains("room-protocol.json: not a regular file");
        }
    }

    @Test
    void aFileWhoseNameIsNotUtf8IsFoundWhenNamed() throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(good, Examples.read(Examples.COMPLETED));
        // Java cannot make such a name itself: the shell can
        assumeTrue(new ProcessBuilder("sh", "-c", "cp good.json \"$(printf '\\377')\".json").directory(dir.toFile())
                .start().waitFor() == 0, "sh");

        TdnRunner.Result r = TdnRunner.run("validate", dir + "/\uFFFD.json");

        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void anUnknownKeyIsPlacedButNeverQuoted() throws IOException {
        Path f = dir.resolve("keyed.json");
        Files.writeString(f, Examples.read(Examples.COMPLETED).replaceFirst("\\{", "{\"MRN-7731-SECRET\": 1,"));

        TdnRunner.Result r = TdnRunner.run("validate", f.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.out()).contains("$.<unknown>: unknown field").doesNotContain("MRN-7731");
    }

    private static byte[] prefixed(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    private static List<String> read(InputStream stdin) {
        List<String> seen = new ArrayList<>();
        RecordInputs.read(List.of("-"), stdin, new RecordInputs.Visitor() {
            @Override
            public void document(Document document) {
                seen.add("document " + document.source() + ":" + document.firstLine());
            }

            @Override
            public void rejected(Problem problem) {
                seen.add("rejected " + problem.source() + ":" + problem.line() + " " + problem.rule());
            }

            @Override
            public void missing(String source, String reason) {
                seen.add("missing " + source);
            }

            @Override
            public void failed(String source, String reason) {
                seen.add("failed " + source);
            }
        });
        return seen;
    }
}
