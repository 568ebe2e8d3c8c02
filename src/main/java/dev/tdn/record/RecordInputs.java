package dev.tdn.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.tdn.json.Document;
import dev.tdn.json.LineReader;
import dev.tdn.json.Problem;

/**
 * Turns command-line inputs into documents: a {@code .json} file is one record; a directory is
 * searched for {@code *.json} and {@code *.ndjson}; an {@code .ndjson} file holds one record per
 * line; {@code -} is standard input, either one record or NDJSON. Documents are handed over one
 * at a time, so memory does not grow with the size of a batch.
 */
public final class RecordInputs {

    public static final String STDIN = "-";
    public static final String STDIN_NAME = "<stdin>";

    /** What reading found, in input order. */
    public interface Visitor {
        void document(Document document);

        /** A document that cannot even be parsed as a candidate (too large). */
        void rejected(Problem problem);

        /** A named input does not exist or cannot be read. */
        void missing(String source, String reason);

        /** Reading failed part-way (disk error). */
        void failed(String source, String reason);
    }

    private static final int MAX = (int) RecordJson.MAX_DOCUMENT_BYTES;

    private RecordInputs() {
    }

    public static void read(List<String> args, InputStream stdin, Visitor visitor) {
        for (String arg : args) {
            if (STDIN.equals(arg)) {
                readStream(STDIN_NAME, stdin, true, visitor);
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                readDirectory(path, visitor);
            } else {
                readFile(path, arg, visitor);
            }
        }
    }

    private static void readDirectory(Path dir, Visitor visitor) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(RecordInputs::isRecordFile).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            visitor.failed(dir.toString(), "cannot list the directory");
            return;
        }
        for (Path f : files) {
            readFile(f, f.toString(), visitor);
        }
    }

    private static boolean isRecordFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".ndjson");
    }

    private static void readFile(Path path, String source, Visitor visitor) {
        if (!Files.exists(path)) {
            visitor.missing(source, "no such file or directory");
            return;
        }
        if (!Files.isReadable(path)) {
            visitor.missing(source, "permission denied");
            return;
        }
        try {
            if (path.getFileName().toString().endsWith(".ndjson")) {
                try (InputStream in = Files.newInputStream(path)) {
                    readStream(source, in, false, visitor);
                }
                return;
            }
            if (Files.isRegularFile(path) && Files.size(path) > MAX) {
                visitor.rejected(tooLarge(source, 1));
                return;
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes(MAX + 1);
                if (bytes.length > MAX) {
                    visitor.rejected(tooLarge(source, 1));
                } else {
                    visitor.document(new Document(source, 1, bytes));
                }
            }
        } catch (NoSuchFileException e) {
            visitor.missing(source, "no such file or directory");
        } catch (AccessDeniedException e) {
            visitor.missing(source, "permission denied");
        } catch (IOException e) {
            visitor.failed(source, "read error: " + e.getClass().getSimpleName());
        }
    }

    /**
     * NDJSON when the first non-blank line is a whole object on its own; otherwise the stream is
     * one (pretty-printed) record, as {@code tdn validate - < file.json} gives.
     */
    private static void readStream(String source, InputStream in, boolean mayBeSingle, Visitor visitor) {
        LineReader lines = new LineReader(in, MAX);
        try {
            Boolean ndjson = mayBeSingle ? null : Boolean.TRUE;
            ByteArrayOutputStream single = null;
            int singleStart = 1;
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (ndjson == null) {
                    if (!line.tooLong() && isBlank(line.bytes())) {
                        continue;
                    }
                    ndjson = line.tooLong() || looksLikeWholeObject(line.bytes());
                    if (!ndjson) {
                        single = new ByteArrayOutputStream();
                        singleStart = line.number();
                    }
                }
                if (ndjson) {
                    if (line.tooLong()) {
                        visitor.rejected(tooLarge(source, line.number()));
                    } else if (!isBlank(line.bytes())) {
                        visitor.document(new Document(source, line.number(), line.bytes()));
                    }
                } else {
                    if (line.tooLong() || single.size() + line.bytes().length + 1 > MAX) {
                        visitor.rejected(tooLarge(source, singleStart));
                        return;
                    }
                    single.write(line.bytes());
                    single.write('\n');
                }
            }
            if (single != null) {
                visitor.document(new Document(source, singleStart, single.toByteArray()));
            }
        } catch (IOException e) {
            visitor.failed(source, "read error: " + e.getClass().getSimpleName());
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeWholeObject(byte[] bytes) {
        int start = 0;
        int end = bytes.length - 1;
        while (start <= end && (bytes[start] == ' ' || bytes[start] == '\t' || (bytes[start] & 0xff) == 0xEF
                || (bytes[start] & 0xff) == 0xBB || (bytes[start] & 0xff) == 0xBF)) {
            start++;
        }
        while (end >= start && (bytes[end] == ' ' || bytes[end] == '\t')) {
            end--;
        }
        return start < end && bytes[start] == '{' && bytes[end] == '}';
    }

    private static Problem tooLarge(String source, int line) {
        return new Problem(source, line, 1, "$", "too-large",
                "record is larger than " + MAX / (1024 * 1024) + " MiB");
    }
}
