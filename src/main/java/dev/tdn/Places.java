package dev.tdn;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where tdn keeps things (DESIGN 5). {@code TDN_HOME} puts everything under one folder, which is
 * what tests, training rooms and scripted installs want; otherwise the XDG base directories.
 */
public record Places(Path config, Path data) {

    public static Places fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static Places from(Map<String, String> env, Path userHome) {
        String home = env.get("TDN_HOME");
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home);
            return new Places(root, root);
        }
        Path config = xdg(env, "XDG_CONFIG_HOME", userHome.resolve(".config"));
        Path data = xdg(env, "XDG_DATA_HOME", userHome.resolve(".local/share"));
        return new Places(config.resolve("tdn"), data.resolve("tdn"));
    }

    /** The XDG spec says a relative value is invalid and must be ignored. */
    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        return value != null && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    /** A clinic's own protocol files, {@code NAME.json}. */
    public Path protocols() {
        return config.resolve("protocols");
    }

    /** Clinician and defaults. */
    public Path configFile() {
        return config.resolve("config.json");
    }

    /** Finished session records. */
    public Path sessions() {
        return data.resolve("sessions");
    }

    /** Journals of sessions in progress; one left behind means a session was interrupted. */
    public Path journal() {
        return data.resolve("journal");
    }

    /**
     * Journals and leftover record files that {@code tdn recover} could not use whole, kept rather
     * than deleted: they may hold answers no record has.
     */
    public Path setAside() {
        return journal().resolve("set-aside");
    }

    public Path database() {
        return data.resolve("tdn.db");
    }
}
