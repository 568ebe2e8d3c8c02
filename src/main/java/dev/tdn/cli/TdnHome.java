package dev.tdn.cli;

import java.util.HashMap;
import java.util.Map;

import dev.tdn.Places;

/**
 * Where this run of tdn keeps things. The JVM property {@code tdn.home} does what the
 * {@code TDN_HOME} variable does, and wins over it: tests that run tdn in-process cannot set
 * environment variables, and neither can a launcher that embeds tdn.
 */
public final class TdnHome {

    static final String PROPERTY = "tdn.home";

    private TdnHome() {
    }

    public static Places places() {
        String home = System.getProperty(PROPERTY);
        if (home != null && !home.isBlank()) {
            // the rest of the environment as it is: Places alone decides what it makes of it
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("TDN_HOME", home);
            return Places.from(env);
        }
        return Places.fromEnvironment();
    }
}
