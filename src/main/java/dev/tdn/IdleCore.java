package dev.tdn;

/**
 * Start-up work done on a thread of its own while the main thread reads the command line: on
 * two cores, picocli and the compiler keep one busy and the other was idle (src/bench/README.md).
 * The work is given as an instance of a class rather than a lambda: linking a lambda the start-up
 * archive has not seen costs more than the work saves.
 */
public final class IdleCore {

    private IdleCore() {
    }

    /** Runs {@code work} on a daemon thread called {@code name}: it never keeps tdn from exiting. */
    public static void run(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }
}
