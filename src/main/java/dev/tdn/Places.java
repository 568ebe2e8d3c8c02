package dev.tdn;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where tdn keeps things (DESIGN 5). {@code TDN_HOME} puts everything under one folder, which is
 * what tests, training rooms and scripted installs want; otherwise the XDG base directories, under
 * the home folder that {@link #home} decides.
 */
public record Places(Path config, Path data) {

    public static Places fromEnvironment() {
        return from(System.getenv());
    }

    /** Places for this environment, the JVM's {@code user.home} being the home of last resort. */
    public static Places from(Map<String, String> env) {
        return from(env, Path.of(System.getProperty("user.home")));
    }

    /**
     * Places for {@code env}; {@code accountHome} (the passwd entry's home, which is what Java's
     * {@code user.home} holds) is used only when {@code env} has no usable {@code HOME}.
     */
    public static Places from(Map<String, String> env, Path accountHome) {
        String tdnHome = env.get("TDN_HOME");
        if (tdnHome != null && !tdnHome.isBlank()) {
            Path root = Path.of(tdnHome);
            return new Places(root, root);
        }
        Path home = home(env, accountHome);
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path data = xdg(env, "XDG_DATA_HOME", home.resolve(".local/share"));
        return new Places(config.resolve("tdn"), data.resolve("tdn"));
    }

    /**
     * The home folder: {@code $HOME} as the shell has it, as every other program on the machine
     * takes it, so that {@code HOME=/tmp/x tdn ...} stays in /tmp/x. Java's {@code user.home} comes
     * from the passwd entry instead and ignores {@code HOME}; it is used only when {@code HOME} is
     * unset, empty or relative (a relative one would put the records wherever tdn happens to run).
     */
    public static Path home(Map<String, String> env, Path accountHome) {
        String value = env.get("HOME");
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : accountHome;
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

    /**
     * Records of training sessions, apart from the clinical ones: a clinic's scripts import the
     * sessions folder, and practice must neither reach the store nor fail those imports.
     */
    public Path training() {
        return data.resolve("training");
    }

    /** Where a finished record goes unless told otherwise: training apart from clinical. */
    public Path records(boolean training) {
        return training ? training() : sessions();
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
