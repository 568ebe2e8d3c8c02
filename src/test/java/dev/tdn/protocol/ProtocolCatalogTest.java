package dev.tdn.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.Places;
import dev.tdn.json.Problem;

/** A clinic's protocols folder extends the built-ins, and replaces one by using its name. */
class ProtocolCatalogTest {

    @TempDir
    Path home;

    ProtocolCatalog catalog;
    Path folder;

    @BeforeEach
    void setUp() throws Exception {
        catalog = ProtocolCatalog.from(new Places(home, home));
        folder = catalog.clinicDir();
        Files.createDirectories(folder);
    }

    @Test
    void theProtocolsFolderIsTheOnePlacesNames() {
        assertThat(folder).isEqualTo(home.resolve("protocols"));
    }

    @Test
    void aClinicProtocolIsListedAndLoadedByName() throws Exception {
        Files.copy(Examples.ROOT.resolve("protocols/clinic-longer-compression.json"),
                folder.resolve("clinic-longer-compression.json"));

        Protocol p = catalog.load("clinic-longer-compression");

        assertThat(p.windows().compression()).isEqualTo(new Window(45, 90));
        assertThat(catalog.list()).extracting(ProtocolSource::name, ProtocolSource::origin).containsExactly(
                org.assertj.core.api.Assertions.tuple("clinic-longer-compression", ProtocolSource.Origin.CLINIC),
                org.assertj.core.api.Assertions.tuple("standard", ProtocolSource.Origin.BUILT_IN));
    }

    @Test
    void aClinicFileNamedLikeABuiltInReplacesIt() throws Exception {
        String builtIn = ProtocolValidatorTest.standardText();
        Files.writeString(folder.resolve("standard.json"), builtIn
                .replace("\"version\": 1", "\"version\": 2")
                .replace("\"compression\": { \"minSeconds\": 30, \"maxSeconds\": 60 }",
                        "\"compression\": { \"minSeconds\": 60, \"maxSeconds\": 120 }"));

        Protocol p = catalog.load("standard");

        assertThat(p.version()).isEqualTo(2);
        assertThat(p.windows().compression()).isEqualTo(new Window(60, 120));
        assertThat(catalog.list()).singleElement().satisfies(s -> {
            assertThat(s.origin()).isEqualTo(ProtocolSource.Origin.CLINIC);
            assertThat(s.overridesBuiltIn()).isTrue();
            assertThat(s.describe()).contains(folder.resolve("standard.json").toString()).contains("replaces the built-in");
        });
    }

    @Test
    void anInvalidClinicFileIsRefusedNotSilentlyReplacedByTheBuiltIn() throws Exception {
        Files.copy(Examples.ROOT.resolve("invalid-protocols/window-order.json"), folder.resolve("standard.json"));

        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> catalog.load("standard"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(e.getMessage()).contains(folder.resolve("standard.json").toString());
        // the example names itself window-order, so its name disagrees with standard.json too
        assertThat(e.problems()).extracting(Problem::rule).contains("window-order", "name-matches-file");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo(folder.resolve("standard.json").toString()));
    }

    @Test
    void anUnknownNameExits66AndListsTheKnownNames() throws Exception {
        Files.copy(Examples.ROOT.resolve("protocols/clinic-longer-compression.json"),
                folder.resolve("clinic-longer-compression.json"));

        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> catalog.load("clinc"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(e.getMessage()).contains("'clinc'").contains("Known: clinic-longer-compression, standard");
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void aNameThatIsNotAProtocolNameIsNotLookedUpAsAFile() throws Exception {
        Files.writeString(folder.resolve("Standard.json"), ProtocolValidatorTest.standardText());

        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> catalog.load("Standard"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(catalog.list()).extracting(ProtocolSource::name).containsExactly("standard");
    }

    @Test
    void aPathIsReadAsAFileAndAMissingOneExits66() {
        Path missing = home.resolve("drafts/clinic.json");

        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> catalog.load(missing.toString()));

        assertThat(e.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(e.getMessage()).isEqualTo(missing + ": no such file or directory");
    }

    @Test
    void aDirectoryIsNotAProtocolFile() {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> catalog.load(folder + "/"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(e.getMessage()).contains("is a directory");
    }

    @Test
    void withoutAProtocolsFolderOnlyTheBuiltInsAreKnown() throws Exception {
        Files.delete(folder);

        assertThat(catalog.list()).extracting(ProtocolSource::name).containsExactlyElementsOf(ProtocolCatalog.BUILT_IN);
        assertThat(catalog.load("standard").name()).isEqualTo("standard");
    }
}
