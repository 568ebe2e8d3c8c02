package dev.tdn.store;

import java.util.List;
import java.util.Optional;

/**
 * The clinic's collection of session records, on SQLite or PostgreSQL behind the same SQL. A
 * store is opened for one {@link AuditAction}: each read below appends an audit entry naming what
 * it reads before handing any of it out, and each batch's entry commits with its sessions.
 */
public interface SessionStore extends AutoCloseable {

    /**
     * Starts a write transaction; records put into it land together on {@link Batch#commit()}.
     * {@code overwrite} says which stored sessions a record may be put over.
     */
    Batch batch(Overwrite overwrite) throws StoreException;

    /** An import's transaction: {@code replace} as {@code tdn import --replace}. */
    default Batch batch(boolean replace) throws StoreException {
        return batch(replace ? Overwrite.OTHER_CONTENT : Overwrite.NOTHING);
    }

    /** Newest first. */
    List<StoredSession> list(SessionQuery query) throws StoreException;

    /**
     * Hands each matching record, oldest first, to {@code reader} while reading the next: an
     * export of the whole store holds one record in memory, not all of them. Each record is
     * checked against the hash taken when it was imported; one that no longer matches (or no
     * longer reads as a record) is not handed over, and the reading goes on: one damaged session
     * must not keep the others out of an export. The damaged ones come back, in reading order.
     * A reader's {@link java.io.IOException} stops the reading and comes out as it was.
     */
    List<DamagedSession> eachRecord(SessionQuery query, RecordReader reader) throws StoreException, java.io.IOException;

    /** As {@link #eachRecord}, each record handed over with its bytes exactly as imported. */
    List<DamagedSession> eachStored(SessionQuery query, StoredReader reader) throws StoreException, java.io.IOException;

    /**
     * Runs each of {@code counts} over the matching sessions, in one read: the answers are of the
     * same sessions, and a session imported meanwhile is in all of them or none. Like
     * {@link #eachRecord}, it leaves out each session whose record no longer hashes to what was
     * imported, and gives those back in reading order; no record is parsed.
     */
    List<DamagedSession> count(SessionQuery query, List<Count> counts) throws StoreException;

    /**
     * As {@link #eachRecord}, each record handed over as the one line tdn writes it on (compact,
     * UTF-8, no newline): from its stored bytes when they are that line but for whitespace, as
     * every record tdn wrote is, else parsed and written again.
     */
    List<DamagedSession> eachLine(SessionQuery query, LineReader reader) throws StoreException, java.io.IOException;

    /** Checks every stored record, training ones too, as {@link #eachRecord} does, without handing any over. */
    StoreCheck check() throws StoreException;

    /**
     * The pseudonyms of every patient and clinician of the sessions {@code query} selects, each
     * drawn at random and kept the first time it is asked for, in one write transaction.
     */
    Pseudonyms pseudonyms(SessionQuery query) throws StoreException;

    /** The ids that start with {@code prefix}, at most {@code max} of them. */
    List<String> idsStartingWith(String prefix, int max) throws StoreException;

    /**
     * The record exactly as it was imported; a {@link DamagedInStore} when its bytes no longer
     * match what was imported.
     */
    Optional<byte[]> recordBytes(String id) throws StoreException;

    /** The audit trail, newest first; reading it leaves an entry too, since it names patients. */
    List<AuditEntry> audit(AuditQuery query) throws StoreException;

    /** Checks every entry's number, link and hash, after appending this check's own entry. */
    AuditCheck verifyAudit() throws StoreException;

    @Override
    void close() throws StoreException;

    /** What {@link #eachRecord} hands each record to. */
    @FunctionalInterface
    interface RecordReader {
        void read(dev.tdn.record.SessionRecord record) throws java.io.IOException;
    }

    /** What {@link #eachStored} hands each record and its bytes to; it may write to another store. */
    @FunctionalInterface
    interface StoredReader {
        void read(dev.tdn.record.SessionRecord record, byte[] bytes) throws java.io.IOException, StoreException;
    }

    /** What {@link #eachLine} hands each record's line to. */
    @FunctionalInterface
    interface LineReader {
        void read(byte[] line) throws java.io.IOException;
    }

    /** A write transaction. Closing it without commit rolls it back (a dry run does just that). */
    interface Batch extends AutoCloseable {
        Placement put(StoreEntry entry) throws StoreException;

        void commit() throws StoreException;

        @Override
        void close() throws StoreException;
    }
}
