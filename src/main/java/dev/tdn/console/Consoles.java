package dev.tdn.console;

import java.util.Map;

/**
 * Chooses between the live screen and plain lines before any terminal library is touched:
 * JLine must never be built in plain mode, where it would warn on stderr or emit escape codes
 * into a pipe.
 */
public final class Consoles {

    private Consoles() {
    }

    /** Live only when both stdin and stdout are a terminal that can draw, and plain was not asked for. */
    public static boolean live(boolean plainRequested, Map<String, String> env) {
        if (plainRequested || System.console() == null) {
            return false;
        }
        String term = env.get("TERM");
        return term != null && !term.isBlank() && !term.equals("dumb");
    }

    /** Colour unless {@code --no-color}, a non-empty {@code NO_COLOR} (no-color.org), or a dumb terminal. */
    public static boolean colour(boolean noColorRequested, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return !noColorRequested && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }
}
