package dev.tdn.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
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
    void asOwner(String url, String sql) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : sql.split(";\n")) {
                s.execute(statement);
            }
            c.commit();
        }
    }

    @Override
    String withoutAuditTriggers(String sql) {
        // the file's owner can drop the triggers; the transaction puts them back for the next test step
        return "DROP TRIGGER audit_is_append_only_update;\nDROP TRIGGER audit_is_append_only_delete;\n" + sql
                + ";\nCREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'x'); END"
                + ";\nCREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'x'); END";
    }

    @Override
    void refuseAuditEntries(String url) throws Exception {
        asOwner(url, "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'refused'); END");
    }

    @Override
    String dropAuditRefusal() {
        return "DROP TRIGGER refuse_audit";
    }

    @Override
    void damage(String url, String id, String text) throws Exception {
        Damage.replaceRecord(Path.of(url.substring("jdbc:sqlite:".length())), id, text);
    }

    /**
     * Six rooms' first commands on a store that does not exist yet, at the same moment, forty
     * times over: every one gets in. Turning the new file to WAL once failed one of them with
     * SQLITE_BUSY at once, about one new store in ten.
     */
    @Test
    void roomsOpeningANewStoreTogetherAllGetIn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> refused = new ArrayList<>();
        try {
            for (int round = 0; round < 40; round++) {
                String url = freshStore();
                List<Future<?>> rooms = new ArrayList<>();
                for (int room = 0; room < 6; room++) {
                    rooms.add(pool.submit(() -> {
                        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
                            store.list(all());
                        }
                        return null;
                    }));
                }
                for (Future<?> room : rooms) {
                    try {
                        room.get(60, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        refused.add(e.getCause().getMessage());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refused).isEmpty();
    }
}
