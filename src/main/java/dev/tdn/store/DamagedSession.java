package dev.tdn.store;

/**
 * A stored session whose bytes no longer match what was imported (edited, or damaged on disk),
 * or no longer read as a record. Named by its id only, never by anything in the record: the id
 * was checked on import (a UUID), and the record's content is exactly what cannot be trusted.
 *
 * @param id         the session id
 * @param row        the row in the store (SQLite's rowid), for the clinic's IT person
 * @param recordFile the name the session's record file has ({@code <startedAt date>_<id>.json}),
 *                   from which {@code tdn store repair} can put the session back
 */
public record DamagedSession(String id, long row, String recordFile) {

    /** The one sentence every command uses for it, without the command's name. */
    public String problem() {
        return "session " + id + " in the store is damaged: it no longer matches what was imported; see 'tdn store check'";
    }

    /** The record file's name as a session names it, from the stored start time; a pattern when that cannot be read. */
    static String recordFile(String id, String startedAt) {
        try {
            return java.time.OffsetDateTime.parse(startedAt).toLocalDate() + "_" + id + ".json";
        } catch (RuntimeException e) {
            return "*_" + id + ".json";
        }
    }
}
