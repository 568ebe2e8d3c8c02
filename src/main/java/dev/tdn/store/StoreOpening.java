package dev.tdn.store;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import dev.tdn.ExitCode;

/**
 * A store opened on a thread of its own from the moment an import starts, so that opening it
 * (SQLite's connection, the schema's version, the audit entry) and reading and checking the
 * first records overlap: on two cores, 10-20 ms of a one-record import, which is what the end
 * of every session runs (src/bench/README.md). Whatever opening it throws is thrown where the
 * store is asked for, as opening it there would have thrown.
 */
public final class StoreOpening implements Importer.Destination {

    private final FutureTask<SessionStore> task;

    private StoreOpening(Callable<SessionStore> open) {
        this.task = new FutureTask<>(open);
    }

    /** Starts opening: {@code open} may give null (a dry run without a store). */
    public static StoreOpening start(Callable<SessionStore> open) {
        StoreOpening opening = new StoreOpening(open);
        dev.tdn.IdleCore.run("tdn-store-open", opening.task);
        return opening;
    }

    @Override
    public SessionStore store() throws StoreException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(ExitCode.INTERRUPTED, "interrupted while opening the store", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException s) {
                throw s;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The store once opened, or null when opening failed or gave none: for closing it. */
    public SessionStore opened() {
        try {
            return store();
        } catch (StoreException | RuntimeException | Error e) {
            // said where the store was asked for; closing must not hide what went wrong there
            return null;
        }
    }
}
