package dev.tdn.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL server (started for the tests as the postgres account
 * on a temporary folder), each test in a database of its own. Skipped only where the server is
 * not installed; CI installs it.
 */
class PostgresStoreContractTest extends StoreContract {

    static PostgresServer server;

    @BeforeAll
    static void startTheServer() throws Exception {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL server binaries (Debian's postgresql)");
        server = PostgresServer.shared();
    }

    @Override
    String freshStore() throws Exception {
        return server.url(server.freshDatabase("contract"));
    }

    @Override
    void asOwner(String url, String sql) throws Exception {
        server.psql(database(url), "BEGIN;\n" + sql + ";\nCOMMIT");
    }

    @Override
    String withoutAuditTriggers(String sql) {
        return "ALTER TABLE audit DISABLE TRIGGER USER;\n" + sql + ";\nALTER TABLE audit ENABLE TRIGGER USER";
    }

    @Override
    void refuseAuditEntries(String url) throws Exception {
        asOwner(url, "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION"
                + " 'refused'; END; $$;\nCREATE TRIGGER refuse_audit BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION"
                + " refuse_audit()");
    }

    @Override
    String dropAuditRefusal() {
        return "DROP TRIGGER refuse_audit ON audit";
    }

    @org.junit.jupiter.api.Test
    void theTrailCannotBeTruncatedEither() throws Exception {
        String url = freshStore();
        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            store.list(all());
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> asOwner(url, "TRUNCATE audit"))
                .hasMessageContaining("append-only");
    }

    private static String database(String url) {
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    @Override
    void damage(String url, String id, String text) throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        // text and id come from the test itself; psql's -c takes no parameters
        server.psql(database, "UPDATE sessions SET record = convert_to('" + text.replace("'", "''")
                + "', 'UTF8') WHERE id = '" + id + "'");
    }
}
