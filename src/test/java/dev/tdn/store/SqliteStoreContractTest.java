package dev.tdn.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The store contract on a SQLite file, as a room or a small clinic keeps it. */
class SqliteStoreContractTest extends StoreContract {

    @TempDir
    Path dir;

    private int stores;

    @Override
    String freshStore() {
        return "jdbc:sqlite:" + dir.resolve("tdn-" + ++stores + ".db");
    }

    @Override
    void damage(String url, String id, String text) throws Exception {
        Damage.replaceRecord(Path.of(url.substring("jdbc:sqlite:".length())), id, text);
    }
}
