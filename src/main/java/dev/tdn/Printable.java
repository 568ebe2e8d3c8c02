package dev.tdn;

/**
 * Text from a record, a protocol or config made safe to put on a terminal. Such text comes from
 * files tdn did not write itself (an imported record, a clinic's protocol): an escape sequence in
 * it would be obeyed by the terminal, which could clear the screen, retitle the window, or hide
 * and rewrite what the clinician reads; a bidi override would make the text read differently from
 * what it holds (the "Trojan Source" trick). Each such character is shown as U+FFFD instead, so
 * the reader sees that something is there without the terminal acting on it. Machine-readable
 * output (--json, exports) is not passed through here: it keeps the exact text.
 */
public final class Printable {

    private static final char REPLACEMENT = '\uFFFD';

    private Printable() {
    }

    /**
     * For a one-line field: a line break in it would forge a line of output, so it is replaced too.
     * Each unsafe char becomes one U+FFFD, so the length is kept; text with nothing to replace is
     * returned itself.
     */
    public static String line(String text) {
        return neutralise(text, false);
    }

    /** For free text that may run over lines, such as notes: keeps line breaks, as LF. */
    public static String lines(String text) {
        return neutralise(text, true);
    }

    private static String neutralise(String text, boolean keepNewlines) {
        if (text == null || clean(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (keepNewlines && c == '\n') {
                sb.append(c);
            } else if (keepNewlines && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                // CR LF is one line break; a lone CR returns the cursor over what was written
                continue;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else if (unsafe(c)) {
                sb.append(REPLACEMENT);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A writer for machine-readable output (an export, --json) that is going to a terminal rather
     * than a file or a pipe: JSON escapes C0 controls but not C1 or bidi characters, and CSV escapes
     * nothing, so a record's text would reach the terminal as it is. Line breaks are kept; the
     * bytes written to a file or a pipe are never changed.
     */
    public static java.io.Writer onTerminal(java.io.Writer out) {
        return new java.io.FilterWriter(out) {
            // a high surrogate at the end of one write may be paired by the next
            private char pending;

            @Override
            public void write(int c) throws java.io.IOException {
                write(new char[] {(char) c}, 0, 1);
            }

            @Override
            public void write(String str, int off, int len) throws java.io.IOException {
                write(str.toCharArray(), off, len);
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws java.io.IOException {
                StringBuilder text = new StringBuilder(len + 1);
                if (pending != 0) {
                    text.append(pending);
                    pending = 0;
                }
                text.append(cbuf, off, len);
                if (text.length() > 0 && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
                    pending = text.charAt(text.length() - 1);
                    text.setLength(text.length() - 1);
                }
                out.write(neutralise(text.toString(), true));
            }

            @Override
            public void flush() throws java.io.IOException {
                out.flush();
            }

            @Override
            public void close() throws java.io.IOException {
                if (pending != 0) {
                    out.write(REPLACEMENT);
                    pending = 0;
                }
                out.close();
            }
        };
    }

    private static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (unsafe(c)) {
                return false;
            }
        }
        return true;
    }

    /** A char that is unsafe on its own; a surrogate reaching here is not part of a pair. */
    private static boolean unsafe(char c) {
        return c < 0x20 || c == 0x7f // C0 controls and DEL: ESC starts every sequence, BEL ends OSC
                || (c >= 0x80 && c <= 0x9f) // C1 controls: U+009B is CSI on terminals that read 8-bit controls
                || (c >= 0x202a && c <= 0x202e) // bidi embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069) // bidi isolates
                || Character.isSurrogate(c); // a lone surrogate cannot be encoded; the encoder would guess
    }
}
