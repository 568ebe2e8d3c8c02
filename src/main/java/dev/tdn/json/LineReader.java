package dev.tdn.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without ever holding more than one line, and never more than
 * {@code maxLineBytes} of it: an endless line in a hostile stream is skipped, not buffered.
 */
public final class LineReader {

    public record Line(int number, byte[] bytes, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private int lineNumber;
    private boolean eof;

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its line ending, or null at the end of the stream. */
    public Line next() throws IOException {
        byte[] line = new byte[256];
        int length = 0;
        boolean tooLong = false;
        boolean sawAnything = false;
        while (true) {
            if (pos == limit && (eof || !fill())) {
                if (!sawAnything) {
                    return null;
                }
                break;
            }
            sawAnything = true;
            // copy up to the next newline at once: a record line is thousands of bytes
            int newline = pos;
            while (newline < limit && buffer[newline] != '\n') {
                newline++;
            }
            int n = newline - pos;
            if (!tooLong && length + n > maxLineBytes) {
                tooLong = true;
                line = new byte[0];
            }
            if (!tooLong) {
                if (length + n > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(length + n, line.length * 2)));
                }
                System.arraycopy(buffer, pos, line, length, n);
                length += n;
            }
            pos = newline;
            if (newline < limit) {
                pos++;
                break;
            }
        }
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        lineNumber++;
        return new Line(lineNumber, tooLong ? new byte[0] : Arrays.copyOf(line, length), tooLong);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
