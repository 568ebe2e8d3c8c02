package dev.tdn.console;

/**
 * A step of the JVM's shutdown path that must not hold it up. The JVM halts only when every
 * shutdown hook has returned, so a hook that blocks (a terminal whose output is stopped, a
 * stderr pipe nobody reads) would keep a stopped tdn alive; the step runs on a daemon thread
 * and is waited for at most a bound, after which the halt ends it.
 */
final class ShutdownStep {

    private ShutdownStep() {
    }

    static void run(String name, Runnable step, long millis) {
        Thread t = new Thread(step, name);
        t.setDaemon(true);
        t.start();
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
