package dev.tdn.store;

import java.util.List;
import java.util.Optional;

/**
 * The clinic's collection of session records. SQLite now; a shared PostgreSQL store will
 * implement the same interface with the same SQL where it can.
 */
public interface SessionStore extends AutoCloseable {

    /** Starts a write transaction; records put into it land together on {@link Batch#commit()}. */
    Batch batch(boolean replace) throws StoreException;

    List<StoredSession> list(SessionQuery query) throws StoreException;

    /** The ids that start with {@code prefix}, at most {@code max} of them. */
    List<String> idsStartingWith(String prefix, int max) throws StoreException;

    /** The record exactly as it was imported. */
    Optional<byte[]> recordBytes(String id) throws StoreException;

    @Override
    void close() throws StoreException;

    /** A write transaction. Closing it without commit rolls it back (a dry run does just that). */
    interface Batch extends AutoCloseable {
        Placement put(StoreEntry entry) throws StoreException;

        void commit() throws StoreException;

        @Override
        void close() throws StoreException;
    }
}
