package dev.tdn.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import dev.tdn.PrivateFiles;

/**
 * The folder ({@code journal/set-aside/}) for what {@code tdn recover} cannot use whole: a
 * journal with no session in it, one whose lines were not all used in its record, a record file
 * left half-made. Such a file may still hold answers, so it is kept, never deleted; moved out of
 * the journal folder it no longer stops recovery or counts as a session waiting.
 *
 * <p>A file keeps its own name, so its origin stays plain, followed by why it was set aside
 * ({@code 3f1c…44.ndjson.empty}). The suffix also keeps {@code tdn import} of a whole folder from
 * taking it for a record.
 */
public final class SetAside {

    private final Path dir;

    public SetAside(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Moves {@code file} here as {@code NAME.WHY} (or {@code NAME.WHY-2}, ...), 0600; returns where it went. */
    public Path keep(Path file, String why) throws IOException {
        String name = file.getFileName().toString();
        // a leftover temporary file is hidden (".name"); set aside it should be seen
        String base = (name.startsWith(".") ? name.substring(1) : name) + "." + why;
        for (int n = 1; ; n++) {
            Path target = dir.resolve(n == 1 ? base : base + "-" + n);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                PrivateFiles.move(file, target);
                return target;
            } catch (FileAlreadyExistsException raced) {
                // another recover set one aside under this name first: take the next
            }
        }
    }
}
