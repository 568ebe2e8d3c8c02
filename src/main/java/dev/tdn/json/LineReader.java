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
            if (pos == limit) {
                if (eof || !fill()) {
                    if (!sawAnything) {
                        return null;
                    }
                    break;
                }
            }
            sawAnything = true;
            byte b = buffer[pos++];
            if (b == '\n') {
                break;
            }
            if (tooLong) {
                continue;
            }
            if (length == maxLineBytes) {
                tooLong = true;
                line = new byte[0];
                continue;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
            }
            line[length++] = b;
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
