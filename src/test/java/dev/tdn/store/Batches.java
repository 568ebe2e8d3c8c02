package dev.tdn.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.tdn.Examples;
import dev.tdn.record.RecordText;
import tools.jackson.databind.json.JsonMapper;

/** Realistic batches for import tests: the example record under new ids and patients. */
public final class Batches {

    private Batches() {
    }

    /** Writes {@code count} valid records into {@code dir}, ids made from {@code seed} so batches can overlap. */
    public static void write(Path dir, int from, int count) throws Exception {
        Files.createDirectories(dir);
        for (int i = from; i < from + count; i++) {
            String id = UUID.nameUUIDFromBytes(("record-" + i).getBytes()).toString();
            int n = i;
            String text = RecordText.edited(Examples.COMPLETED, r -> {
                r.put("id", id);
                ((tools.jackson.databind.node.ObjectNode) r.get("patient")).put("id", "MRN-" + (1000 + n % 97));
            });
            Files.writeString(dir.resolve("2026-11-26_" + id + ".json"), text);
        }
    }

    /** One record as an NDJSON line. */
    public static String line(int i) throws Exception {
        String id = UUID.nameUUIDFromBytes(("record-" + i).getBytes()).toString();
        return RecordText.compact(Examples.COMPLETED, r -> r.put("id", id));
    }

    static JsonMapper json() {
        return JsonMapper.shared();
    }
}
