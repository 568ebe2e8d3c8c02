package dev.tdn;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A file named on the command line, as tdn reads it: whatever the locale, and only if it is a
 * regular file.
 *
 * <p>Java turns arguments and file names into text with the locale's encoding, and back. Under
 * {@code LANG=C} (cron's default) that is ASCII, so any other byte in a name becomes U+FFFD and
 * the name no longer leads back to its file; under UTF-8 the same happens to a name that is not
 * valid UTF-8. Java has no way to build a path from raw bytes, but a directory listing keeps each
 * entry's bytes, so a component that lost bytes is looked up among its folder's entries by how
 * it reads. The launcher also runs Java under C.UTF-8 when the locale is C or POSIX, so this
 * lookup is for names that are not UTF-8 at all.
 */
public final class InputFile {

    private static final char LOST = '\uFFFD';

    private InputFile() {
    }

    /** The path {@code arg} names, or empty when this locale cannot name it at all. */
    public static Optional<Path> path(String arg) {
        try {
            Path direct = Path.of(arg);
            if (arg.indexOf(LOST) < 0 || Files.exists(direct)) {
                return Optional.of(direct);
            }
        } catch (InvalidPathException e) {
            // a character the locale cannot encode: look it up by listing below
        }
        return lookUp(arg);
    }

    private static Optional<Path> lookUp(String arg) {
        Path at;
        try {
            at = arg.startsWith("/") ? Path.of("/") : Path.of("");
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        for (String name : arg.split("/+")) {
            if (name.isEmpty()) {
                continue;
            }
            Path next = direct(at, name);
            if (next == null || !Files.exists(next)) {
                next = listed(at, name);
            }
            if (next == null) {
                return Optional.empty();
            }
            at = next;
        }
        return Optional.of(at);
    }

    private static Path direct(Path dir, String name) {
        try {
            return dir.resolve(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * The one entry of {@code dir} whose name reads as {@code name}: both were decoded the same
     * way, so they read alike though the bytes are gone. None when several entries read alike.
     */
    private static Path listed(Path dir, String name) {
        Path found = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().equals(name)) {
                    if (found != null) {
                        return null;
                    }
                    // resolving a listed name keeps its bytes
                    found = dir.resolve(entry.getFileName());
                }
            }
        } catch (IOException | InvalidPathException | java.nio.file.DirectoryIteratorException e) {
            return null;
        }
        return found;
    }

    /**
     * Why {@code path} is not read as an input, or null when it is a regular file (a link to one
     * included). A FIFO or a device would block or never end; a directory is walked elsewhere.
     */
    public static String refusal(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (a.isRegularFile()) {
                return null;
            }
            if (a.isDirectory()) {
                return "is a directory, not a file";
            }
            return "not a regular file (a FIFO, device or socket); tdn reads only files and standard input";
        } catch (NoSuchFileException e) {
            return "no such file or directory";
        } catch (AccessDeniedException e) {
            return "permission denied";
        } catch (IOException e) {
            return "cannot be read (" + e.getClass().getSimpleName() + ")";
        }
    }
}
