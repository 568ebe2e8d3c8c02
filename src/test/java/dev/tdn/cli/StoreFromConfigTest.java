package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;

/**
 * A machine's store named once, in config.json's {@code store}, as a room names the clinic's
 * server: every command then uses it; --store (and TDN_STORE, its default) still wins; and a
 * config that cannot be read is an error rather than a silent fall back to another store.
 */
class StoreFromConfigTest {

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    private Path configured(String json) throws Exception {
        Path config = home.path().resolve("config.json");
        Files.writeString(config, json);
        return config;
    }

    @Test
    void importAndListUseTheStoreTheConfigNames() throws Exception {
        Path clinic = home.path().resolve("clinic.db");
        configured("{\"store\": \"jdbc:sqlite:" + clinic + "\"}");

        Result imported = TdnRunner.run("import", Examples.COMPLETED.toString());
        Result listed = TdnRunner.run("list", "--json");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(clinic).exists();
        assertThat(home.path().resolve("tdn.db")).doesNotExist();
        assertThat(listed.out()).contains("3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44");
    }

    @Test
    void theStoreOptionWinsOverTheConfig() throws Exception {
        Path other = home.path().resolve("other.db");
        configured("{\"store\": \"jdbc:sqlite:" + home.path().resolve("clinic.db") + "\"}");

        Result imported = TdnRunner.run("--store", "jdbc:sqlite:" + other, "import", Examples.COMPLETED.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(other).exists();
        assertThat(home.path().resolve("clinic.db")).doesNotExist();
    }

    @Test
    void aBrokenConfigIsAnErrorWhenItWouldNameTheStore() throws Exception {
        Path config = configured("{\"clinician\": {\"id\": \"pt-1\"}, \"store\": [");
        TdnRunner.run("--store", "jdbc:sqlite:" + home.path().resolve("tdn.db"), "import", Examples.COMPLETED.toString());

        Result listed = TdnRunner.run("list");
        Result given = TdnRunner.run("--store", "jdbc:sqlite:" + home.path().resolve("tdn.db"), "list");

        assertThat(listed.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(listed.err()).contains(config + ":1:").contains("malformed-json");
        assertThat(listed.out()).isEmpty();
        assertThat(given.exitCode()).as(given.err()).isZero();
        assertThat(given.out()).contains("3f1c2a9e");
    }

    @Test
    void aStoreThatIsNotAJdbcUrlIsRefusedWhereItIsWritten() throws Exception {
        Path config = configured("{\"store\": \"/var/lib/tdn/clinic.db\"}");

        Result listed = TdnRunner.run("list");

        assertThat(listed.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(listed.err()).contains(config + ":1:").contains("$.store")
                .contains("jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB");
    }
}
