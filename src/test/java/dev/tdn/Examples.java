package dev.tdn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's example records, which tests use as realistic input. */
public final class Examples {

    public static final Path ROOT = Path.of(System.getProperty("tdn.repo", ".")).resolve("examples");
    public static final Path SESSIONS = ROOT.resolve("sessions");
    public static final Path INVALID = ROOT.resolve("invalid");
    /** Completed, two points, the second with a weak twitch and an extended dwell window. */
    public static final Path COMPLETED = SESSIONS.resolve("2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json");
    public static final Path ABORTED = SESSIONS.resolve("2026-11-26_8b0e5f1c-2d4a-4c7e-a1b9-5e6f7a8b9c0d.json");
    public static final Path NOT_DONE = SESSIONS.resolve("2026-11-27_c4d5e6f7-0a1b-4c2d-8e3f-9a0b1c2d3e4f.json");

    private Examples() {
    }

    public static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
