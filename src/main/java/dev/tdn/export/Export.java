package dev.tdn.export;

import java.io.IOException;

import dev.tdn.record.SessionRecord;

/**
 * One export being written: records go in one at a time, oldest first, so an export of the
 * whole store never holds more than one record.
 */
public interface Export {

    void add(SessionRecord record) throws IOException;

    /** Closes what the format needs closed (a CSV's last row, a Bundle's brackets) and flushes. */
    void finish() throws IOException;

    /**
     * An export that writes each record as the line tdn writes it on, which the store can hand
     * over without parsing the record (see {@code SessionStore.eachLine}).
     */
    interface OfLines extends Export {
        void addLine(byte[] line) throws IOException;
    }
}
