package dev.tdn.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without ever holding more than one line, and never more than
 * {@code maxLineBytes} of it: an endless line in a hostile stream is reported, not buffered.
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
    private boolean inLongLine;

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next line without its line ending, or null at the end of the stream. A line longer than
     * the limit comes back as soon as it is known to be too long, before the rest of it is read:
     * a caller reading an endless stream (such as {@code /dev/zero}) can stop there. Asking for
     * the next line skips the rest of that one.
     */
    public Line next() throws IOException {
        if (inLongLine && !skipRestOfLine()) {
            return null;
        }
        byte[] line = new byte[256];
        int length = 0;
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
            if (length + n > maxLineBytes) {
                pos = newline;
                inLongLine = true;
                lineNumber++;
                return new Line(lineNumber, new byte[0], true);
            }
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(length + n, line.length * 2)));
            }
            System.arraycopy(buffer, pos, line, length, n);
            length += n;
            pos = newline;
            if (newline < limit) {
                pos++;
                break;
            }
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        lineNumber++;
        return new Line(lineNumber, Arrays.copyOf(line, length), false);
    }

    /** Reads past the newline that ends a too-long line; false when the stream ended first. */
    private boolean skipRestOfLine() throws IOException {
        while (true) {
            if (pos == limit && (eof || !fill())) {
                inLongLine = false;
                return false;
            }
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            if (pos < limit) {
                pos++;
                inLongLine = false;
                return true;
            }
        }
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
