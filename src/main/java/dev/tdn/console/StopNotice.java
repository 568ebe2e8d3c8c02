package dev.tdn.console;

/**
 * One line for stderr in case the JVM is stopped (SIGTERM, or SIGHUP when the terminal closes)
 * while something is unfinished, such as a session whose journal would then be left for
 * {@code tdn recover}. It is printed by a shutdown hook only after every live screen has given
 * the terminal back, so that it lands on the normal screen and stays there; and within a bound,
 * so that a stderr nobody reads cannot keep the JVM from halting. Withdrawn by {@link #close()}.
 */
public final class StopNotice implements AutoCloseable {

    private static final long PRINT_MILLIS = 500;

    private final Thread hook;

    private StopNotice(String line) {
        this.hook = new Thread(() -> {
            LiveScreen.giveBackAll();
            ShutdownStep.run("tdn-stop-notice-print", () -> {
                System.err.println(line);
                System.err.flush();
            }, PRINT_MILLIS);
        }, "tdn-stop-notice");
    }

    /** {@code line} must name no patient: stderr may be a log. */
    public static StopNotice during(String line) {
        StopNotice notice = new StopNotice(line);
        Runtime.getRuntime().addShutdownHook(notice.hook);
        return notice;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
