package dev.tdn.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Where the driver is told to find libpq's files: the home tdn itself uses, unless told otherwise. */
class PostgresSettingsTest {

    private static PGSimpleDataSource settings(String url, Map<String, String> env) throws StoreException {
        return PostgresStore.dataSource((StoreAddress.PostgresServer) StoreAddress.parse(url), env);
    }

    @Test
    void theCaCertificateIsLookedForInTheHomeTdnUses() throws Exception {
        PGSimpleDataSource source = settings("jdbc:postgresql://db.clinic.example/tdn?user=tdn_room&sslmode=verify-full",
                Map.of("HOME", "/srv/room-2"));

        assertThat(source.getProperty("sslrootcert")).isEqualTo("/srv/room-2/.postgresql/root.crt");
    }

    @Test
    void theUrlAndTheVariableWinOverTheHome() throws Exception {
        PGSimpleDataSource named = settings("jdbc:postgresql://db/tdn?user=r&sslrootcert=/etc/tdn/clinic-ca.pem",
                Map.of("HOME", "/srv/room-2", "PGSSLROOTCERT", "/etc/other.pem"));
        PGSimpleDataSource variable = settings("jdbc:postgresql://db/tdn?user=r",
                Map.of("HOME", "/srv/room-2", "PGSSLROOTCERT", "/etc/other.pem"));

        assertThat(named.getProperty("sslrootcert")).isEqualTo("/etc/tdn/clinic-ca.pem");
        assertThat(variable.getProperty("sslrootcert")).isEqualTo("/etc/other.pem");
    }
}
