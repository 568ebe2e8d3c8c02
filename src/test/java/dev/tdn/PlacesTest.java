package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Where tdn keeps things, decided from the environment alone: HOME, XDG_* and TDN_HOME. */
class PlacesTest {

    /** What Java's user.home holds: the passwd entry's home, which HOME may disagree with. */
    private static final Path ACCOUNT = Path.of("/home/account");

    @Test
    void homeIsTheEnvironmentsNotThePasswdEntrys() {
        Places p = Places.from(Map.of("HOME", "/tmp/x"), ACCOUNT);

        assertThat(p.config()).isEqualTo(Path.of("/tmp/x/.config/tdn"));
        assertThat(p.data()).isEqualTo(Path.of("/tmp/x/.local/share/tdn"));
        assertThat(p.database()).isEqualTo(Path.of("/tmp/x/.local/share/tdn/tdn.db"));
        assertThat(p.sessions()).isEqualTo(Path.of("/tmp/x/.local/share/tdn/sessions"));
    }

    @Test
    void theAccountsHomeOnlyWhenHomeIsUnsetEmptyOrRelative() {
        for (Map<String, String> env : new Map[] {Map.of(), Map.of("HOME", ""), Map.of("HOME", "  "),
                Map.of("HOME", "relative/dir")}) {
            Places p = Places.from(env, ACCOUNT);

            assertThat(p.config()).as(env.toString()).isEqualTo(Path.of("/home/account/.config/tdn"));
            assertThat(p.data()).as(env.toString()).isEqualTo(Path.of("/home/account/.local/share/tdn"));
        }
    }

    @Test
    void xdgFoldersWinOverHome() {
        Places p = Places.from(Map.of("HOME", "/tmp/x", "XDG_CONFIG_HOME", "/etc/xdg-c", "XDG_DATA_HOME", "/srv/xdg-d"),
                ACCOUNT);

        assertThat(p.config()).isEqualTo(Path.of("/etc/xdg-c/tdn"));
        assertThat(p.data()).isEqualTo(Path.of("/srv/xdg-d/tdn"));
    }

    @Test
    void aRelativeXdgFolderIsIgnoredAsTheSpecSays() {
        Places p = Places.from(Map.of("HOME", "/tmp/x", "XDG_CONFIG_HOME", "conf", "XDG_DATA_HOME", ""), ACCOUNT);

        assertThat(p.config()).isEqualTo(Path.of("/tmp/x/.config/tdn"));
        assertThat(p.data()).isEqualTo(Path.of("/tmp/x/.local/share/tdn"));
    }

    @Test
    void tdnHomeWinsOverEverything() {
        Places p = Places.from(Map.of("TDN_HOME", "/opt/room", "HOME", "/tmp/x", "XDG_DATA_HOME", "/srv/d"), ACCOUNT);

        assertThat(p.config()).isEqualTo(Path.of("/opt/room"));
        assertThat(p.data()).isEqualTo(Path.of("/opt/room"));
    }
}
