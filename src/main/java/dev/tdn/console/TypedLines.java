package dev.tdn.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Answers typed (or piped) one per line, UTF-8. A line longer than {@link #MAX_CHARS} is no
 * answer anyone typed: it is taken as the end of the input, and nothing after it is read, so
 * {@code /dev/zero} or a binary file on standard input ends the session as a closed input does
 * (its answers kept in the journal) instead of filling the memory.
 */
public final class TypedLines extends BufferedReader {

    public static final int MAX_CHARS = 4096;

    private boolean ended;

    public TypedLines(InputStream in) {
        super(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    public String readLine() throws IOException {
        if (ended) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = read();
            if (c < 0) {
                if (line.length() == 0) {
                    ended = true;
                    return null;
                }
                return line.toString();
            }
            if (c == '\n') {
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return line.toString();
            }
            if (line.length() >= MAX_CHARS) {
                ended = true;
                return null;
            }
            line.append((char) c);
        }
    }
}
