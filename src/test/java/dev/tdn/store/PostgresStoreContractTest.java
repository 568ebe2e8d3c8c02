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
    void damage(String url, String id, String text) throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        // text and id come from the test itself; psql's -c takes no parameters
        server.psql(database, "UPDATE sessions SET record = convert_to('" + text.replace("'", "''")
                + "', 'UTF8') WHERE id = '" + id + "'");
    }
}
