package dev.tdn.console;

import java.util.List;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * The typed line as one word. JLine's default parser splits at spaces and escapes them, so
 * "upper t" + Tab never reached "upper trapezius" and a completed name read "levator\ scapulae".
 * A muscle, a location or a note is one answer, spaces and all.
 */
final class WholeLine implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        return new Parsed(line, cursor);
    }

    private record Parsed(String line, int cursor) implements CompletingParsedLine {

        @Override
        public String word() {
            return line;
        }

        @Override
        public int wordCursor() {
            return cursor;
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(line);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return cursor;
        }

        @Override
        public int rawWordLength() {
            return line.length();
        }
    }
}
