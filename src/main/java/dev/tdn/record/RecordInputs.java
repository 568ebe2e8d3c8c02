package dev.tdn.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import dev.tdn.InputFile;

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

    /**
     * Lines in a row of an NDJSON input that are not even JSON objects before the rest of it is
     * taken for something else (a binary file, a log) and not read: each would only add one more
     * error, and {@code /dev/urandom} would never end.
     */
    public static final int MAX_NOT_OBJECTS = 100;

    /** Blank lines an input may hold: enough for any real file, and an end to {@code yes ''}. */
    public static final int MAX_BLANK_LINES = 1_000_000;

    private RecordInputs() {
    }

    public static void read(List<String> args, InputStream stdin, Visitor visitor) {
        for (String arg : args) {
            if (STDIN.equals(arg)) {
                readStream(STDIN_NAME, stdin, true, visitor);
                continue;
            }
            Optional<Path> named = InputFile.path(arg);
            if (named.isEmpty()) {
                visitor.missing(arg, "this name cannot be read under the current locale; use a UTF-8 locale"
                        + " (such as LANG=C.UTF-8)");
                continue;
            }
            Path path = named.get();
            if (Files.isDirectory(path)) {
                readDirectory(path, visitor);
            } else {
                String refusal = InputFile.refusal(path);
                if (refusal != null) {
                    visitor.missing(arg, refusal);
                } else {
                    readFile(path, arg, visitor);
                }
            }
        }
    }

    /**
     * Every record file under {@code dir}, in name order. An entry that cannot be read (a folder
     * without permission, a file that vanished) is named as it is met and the walk goes on: one
     * room's broken folder must not keep the others' records out. Links to folders are not
     * followed (a loop would never end); links to files are read.
     */
    private static void readDirectory(Path dir, Visitor visitor) {
        List<Path> files = new ArrayList<>();
        List<String[]> failures = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isRecordFile(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    failures.add(new String[] {file.toString(), reason(e)});
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    if (e != null) {
                        failures.add(new String[] {d.toString(), reason(e)});
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            visitor.failed(dir.toString(), "cannot list the directory (" + e.getClass().getSimpleName() + ")");
            return;
        }
        for (String[] f : failures) {
            visitor.failed(f[0], f[1]);
        }
        files.sort(null);
        for (Path f : files) {
            String refusal = InputFile.refusal(f);
            if (refusal == null) {
                readFile(f, f.toString(), visitor);
            } else {
                // in a walk, an entry that is there but cannot be read is a read failure (74), not a missing input
                visitor.failed(f.toString(), refusal);
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot be read: permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "vanished while the folder was read";
        }
        if (e instanceof java.nio.file.FileSystemLoopException) {
            return "a link loop; not followed";
        }
        return "cannot be read (" + e.getClass().getSimpleName() + ")";
    }

    private static boolean isRecordFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".ndjson");
    }

    private static void readFile(Path path, String source, Visitor visitor) {
        try {
            if (path.getFileName().toString().endsWith(".ndjson")) {
                try (InputStream in = Files.newInputStream(path)) {
                    readStream(source, in, false, visitor);
                }
                return;
            }
            if (Files.size(path) > MAX) {
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
            int seen = 0;
            int notObjects = 0;
            int blank = 0;
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (!line.tooLong() && isBlank(line.bytes()) && ++blank > MAX_BLANK_LINES) {
                    visitor.rejected(new Problem(source, line.number(), 1, "$", "not-ndjson", "more than "
                            + MAX_BLANK_LINES + " blank lines; the rest of this input was not read"));
                    return;
                }
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
                        // the rest of such a line may never end (/dev/zero): nothing after it is read
                        visitor.rejected(new Problem(source, line.number(), 1, "$", "too-large", "line is longer than "
                                + MAX / (1024 * 1024) + " MiB; the rest of this input was not read"));
                        return;
                    }
                    if (isBlank(line.bytes())) {
                        continue;
                    }
                    seen++;
                    notObjects = looksLikeWholeObject(line.bytes()) ? 0 : notObjects + 1;
                    if (notObjects > MAX_NOT_OBJECTS) {
                        visitor.rejected(new Problem(source, line.number(), 1, "$", "not-ndjson", "more than "
                                + MAX_NOT_OBJECTS + " lines in a row are not JSON objects; the rest of this input was"
                                + " not read"));
                        return;
                    }
                    visitor.document(new Document(source, line.number(), line.bytes()));
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
            } else if (seen == 0) {
                // as for an empty .json file: an input that holds no record is a mistake, not a pass
                visitor.rejected(new Problem(source, 1, 1, "$", "empty-input", "no JSON value found"));
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
