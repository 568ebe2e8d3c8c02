package dev.tdn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import dev.tdn.record.Compression;
import dev.tdn.record.Deviation;
import dev.tdn.record.Dwell;

/**
 * Writes a session's {@link SessionFacts} beside its row, in the caller's transaction: the
 * session columns, and the rows of the needled points, deviations and adverse events. Statements
 * are prepared once and sent in batches, since an import writes thousands of sessions.
 */
final class FactTables implements AutoCloseable {

    /** The session row's fact columns, set by {@link #sessionColumns}; listed in the row's INSERT. */
    static final String SESSION_COLUMNS = "started_month, points_needled, hands_sanitized, pain_before, pain_after";

    static final int SESSION_COLUMN_COUNT = 5;

    /** What an upsert of the session row takes from the new one. */
    static final String SESSION_UPDATES = "started_month = excluded.started_month,"
            + " points_needled = excluded.points_needled, hands_sanitized = excluded.hands_sanitized,"
            + " pain_before = excluded.pain_before, pain_after = excluded.pain_after";

    private final Connection db;
    private PreparedStatement points;
    private PreparedStatement deviations;
    private PreparedStatement events;
    private PreparedStatement[] forget;
    private int pending;

    FactTables(Connection db) {
        this.db = db;
    }

    /** Binds the fact columns from {@code first} on. */
    static void sessionColumns(PreparedStatement w, int first, SessionFacts f) throws SQLException {
        w.setString(first, f.startedMonth());
        w.setInt(first + 1, f.pointsNeedled());
        w.setInt(first + 2, f.handsSanitized() ? 1 : 0);
        integer(w, first + 3, f.painBefore());
        integer(w, first + 4, f.painAfter());
    }

    /** Adds the rows of a session that has none yet. */
    void add(String sessionId, SessionFacts f) throws SQLException {
        if (points == null) {
            points = db.prepareStatement("INSERT INTO needled_points (session_id, n, label, dwell_seconds, dwell_min,"
                    + " dwell_max, dwell_extended, compression_seconds, compression_min, compression_max,"
                    + " needles_inserted, needles_removed, bleeding, bandage)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            deviations = db.prepareStatement("INSERT INTO session_deviations (session_id, n, step, rule) VALUES (?, ?, ?, ?)");
            events = db.prepareStatement("INSERT INTO session_adverse_events (session_id, event) VALUES (?, ?)");
        }
        for (SessionFacts.NeedledPoint p : f.points()) {
            points.setString(1, sessionId);
            points.setInt(2, p.n());
            points.setString(3, p.label());
            Dwell d = p.dwell();
            decimal(points, 4, d == null ? null : d.seconds());
            decimal(points, 5, d == null ? null : d.minSeconds());
            decimal(points, 6, d == null ? null : d.maxSeconds());
            integer(points, 7, d == null ? null : d.extended() ? 1 : 0);
            Compression c = p.compression();
            decimal(points, 8, c == null ? null : c.seconds());
            decimal(points, 9, c == null ? null : c.minSeconds());
            decimal(points, 10, c == null ? null : c.maxSeconds());
            points.setInt(11, p.needlesInserted());
            points.setInt(12, p.needlesRemoved());
            integer(points, 13, p.bleeding() == null ? null : p.bleeding() ? 1 : 0);
            integer(points, 14, p.bandage() == null ? null : p.bandage() ? 1 : 0);
            points.addBatch();
        }
        int n = 0;
        for (Deviation d : f.deviations()) {
            deviations.setString(1, sessionId);
            deviations.setInt(2, n++);
            deviations.setString(3, d.step().json());
            deviations.setString(4, d.rule().json());
            deviations.addBatch();
        }
        for (String e : f.adverseEvents()) {
            events.setString(1, sessionId);
            events.setString(2, e);
            events.addBatch();
        }
        if (++pending >= 500) {
            flush();
        }
    }

    /** Replaces the rows of a session whose record is replaced or repaired. */
    void replace(String sessionId, SessionFacts f) throws SQLException {
        flush();
        if (forget == null) {
            forget = new PreparedStatement[] {
                db.prepareStatement("DELETE FROM needled_points WHERE session_id = ?"),
                db.prepareStatement("DELETE FROM session_deviations WHERE session_id = ?"),
                db.prepareStatement("DELETE FROM session_adverse_events WHERE session_id = ?")};
        }
        for (PreparedStatement p : forget) {
            p.setString(1, sessionId);
            p.executeUpdate();
        }
        add(sessionId, f);
    }

    /** Sends what is batched; before a commit, and before anything reads the tables. */
    void flush() throws SQLException {
        if (pending > 0) {
            points.executeBatch();
            deviations.executeBatch();
            events.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() {
        for (PreparedStatement p : new PreparedStatement[] {points, deviations, events}) {
            quietly(p);
        }
        if (forget != null) {
            for (PreparedStatement p : forget) {
                quietly(p);
            }
        }
    }

    private static void quietly(PreparedStatement p) {
        if (p != null) {
            try {
                p.close();
            } catch (SQLException e) {
                // closing a statement only frees memory; the transaction is settled by its owner
            }
        }
    }

    private static void integer(PreparedStatement w, int i, Integer v) throws SQLException {
        if (v == null) {
            w.setNull(i, Types.INTEGER);
        } else {
            w.setInt(i, v);
        }
    }

    private static void decimal(PreparedStatement w, int i, Double v) throws SQLException {
        if (v == null) {
            w.setNull(i, Types.DOUBLE);
        } else {
            w.setDouble(i, v);
        }
    }
}
