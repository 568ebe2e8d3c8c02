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
}
