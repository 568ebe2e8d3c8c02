package dev.tdn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty tdn home for each test, as TDN_HOME gives a user: config, protocols, records,
 * journals and the store all under one temporary folder, removed afterwards. tdn runs in-process
 * in these tests, where an environment variable cannot be set; the {@code tdn.home} property
 * stands in for it.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * final TemporaryHome home = new TemporaryHome();
 * </pre>
 */
public final class TemporaryHome implements BeforeEachCallback, AfterEachCallback {

    private Path path;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        path = Files.createTempDirectory("tdn-home");
        use(path);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        System.clearProperty(TdnHome.PROPERTY);
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }

    /** Points tdn at another home from here on, as a second clinic would be. */
    public void use(Path home) {
        System.setProperty(TdnHome.PROPERTY, home.toString());
    }

    public Path path() {
        return path;
    }

    public Path resolve(String other) {
        return path.resolve(other);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
