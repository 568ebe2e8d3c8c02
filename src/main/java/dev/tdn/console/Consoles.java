package dev.tdn.console;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Predicate;

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
        return !plainRequested && live(false, env, interactive());
    }

    /** {@link #live(boolean, Map)} with the terminal question already answered. */
    static boolean live(boolean plainRequested, Map<String, String> env, boolean interactive) {
        if (plainRequested || !interactive) {
            return false;
        }
        String term = env.get("TERM");
        return term != null && !term.isBlank() && !term.equals("dumb");
    }

    /**
     * True when stdin and stdout are both a terminal: the one answer to "is a person at a
     * terminal", for the live screen and for progress lines alike. Up to Java 21,
     * {@code System.console()} is there only then; from Java 22 it may be there for a pipe too
     * (with JLine's console provider), and {@code Console.isTerminal()}, new in 22, tells.
     */
    public static boolean interactive() {
        return interactive(System.console(), IsTerminal.METHOD);
    }

    /**
     * The decision, with what the runtime has passed in: its console (null for none) and its
     * {@code isTerminal} check (null on a Java that has none).
     */
    static <C> boolean interactive(C console, Predicate<? super C> isTerminal) {
        if (console == null) {
            return false;
        }
        return isTerminal == null || isTerminal.test(console);
    }

    /** {@code Console.isTerminal()} where the runtime has it; looked up only by the commands that ask. */
    static final class IsTerminal {
        static final Predicate<Console> METHOD = find();

        private IsTerminal() {
        }

        /** Null before Java 22. tdn is built for 17, so the method is called by reflection. */
        static Predicate<Console> find() {
            if (Runtime.version().feature() < 22) {
                return null;
            }
            Method m;
            try {
                m = Console.class.getMethod("isTerminal");
            } catch (NoSuchMethodException e) {
                return null;
            }
            return console -> {
                try {
                    return (Boolean) m.invoke(console);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // unsure: plain lines work everywhere, a live screen in a pipe does not
                    return false;
                }
            };
        }
    }

    /** Colour unless {@code --no-color}, a non-empty {@code NO_COLOR} (no-color.org), or a dumb terminal. */
    public static boolean colour(boolean noColorRequested, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return !noColorRequested && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }
}
