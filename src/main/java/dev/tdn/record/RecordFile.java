package dev.tdn.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.tdn.PrivateFiles;

/** A session record on disk: {@code <startedAt date>_<id>.json}, pretty-printed UTF-8, written atomically. */
public final class RecordFile {

    private RecordFile() {
    }

    public static String fileName(SessionRecord record) {
        return record.startedAt().toLocalDate() + "_" + record.id() + ".json";
    }

    public static byte[] bytes(SessionRecord record) {
        return (RecordJson.mapper().writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the record into {@code dir} (created 0700) as a 0600 file; never replaces one. */
    public static Path write(Path dir, SessionRecord record) throws IOException {
        Path target = dir.resolve(fileName(record));
        PrivateFiles.writeAtomically(target, bytes(record));
        return target;
    }
}
