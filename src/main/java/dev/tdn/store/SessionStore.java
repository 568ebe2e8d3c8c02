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

    /** Newest first. */
    List<StoredSession> list(SessionQuery query) throws StoreException;

    /**
     * Hands each matching record, oldest first, to {@code reader} while reading the next: an
     * export of the whole store holds one record in memory, not all of them. Each record is
     * checked against the hash taken when it was imported; one that no longer matches stops the
     * reading with a {@link StoreException} naming only its id. A reader's
     * {@link java.io.IOException} stops the reading and comes out as it was.
     */
    void eachRecord(SessionQuery query, RecordReader reader) throws StoreException, java.io.IOException;

    /** The ids that start with {@code prefix}, at most {@code max} of them. */
    List<String> idsStartingWith(String prefix, int max) throws StoreException;

    /** The record exactly as it was imported. */
    Optional<byte[]> recordBytes(String id) throws StoreException;

    @Override
    void close() throws StoreException;

    /** What {@link #eachRecord} hands each record to. */
    @FunctionalInterface
    interface RecordReader {
        void read(dev.tdn.record.SessionRecord record) throws java.io.IOException;
    }

    /** A write transaction. Closing it without commit rolls it back (a dry run does just that). */
    interface Batch extends AutoCloseable {
        Placement put(StoreEntry entry) throws StoreException;

        void commit() throws StoreException;

        @Override
        void close() throws StoreException;
    }
}
