package dev.tdn.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void splitsLinesAndDropsTheirEndings() throws IOException {
        assertThat(read("a\nbb\r\n\nccc", 100)).containsExactly("1:a", "2:bb", "3:", "4:ccc");
        assertThat(read("a\n", 100)).containsExactly("1:a");
        assertThat(read("", 100)).isEmpty();
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedAndCounted() throws IOException {
        String longLine = "x".repeat(101);
        assertThat(read("a\n" + longLine + "\nb", 100)).containsExactly("1:a", "2:<too long>", "3:b");
        assertThat(read("x".repeat(100) + "\nb", 100)).containsExactly("1:" + "x".repeat(100), "2:b");
    }

    @Test
    void linesSpanningManyReadsArriveWhole() throws IOException {
        // longer than the reader's buffer, and read back a few bytes at a time
        String big = "y".repeat(200_000);
        InputStream trickle = new ByteArrayInputStream((big + "\n" + big).getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 777));
            }
        };
        LineReader reader = new LineReader(trickle, 1_000_000);
        assertThat(new String(reader.next().bytes(), StandardCharsets.US_ASCII)).isEqualTo(big);
        assertThat(new String(reader.next().bytes(), StandardCharsets.US_ASCII)).isEqualTo(big);
        assertThat(reader.next()).isNull();
    }

    private static List<String> read(String text, int max) throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
        List<String> lines = new ArrayList<>();
        for (LineReader.Line l = reader.next(); l != null; l = reader.next()) {
            lines.add(l.number() + ":" + (l.tooLong() ? "<too long>" : new String(l.bytes(), StandardCharsets.UTF_8)));
        }
        return lines;
    }
}
