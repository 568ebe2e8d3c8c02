package dev.tdn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code audit} table, the same on both stores: appended to, never changed (the database's own
 * triggers refuse an update or a delete), each entry chained to the one before by its hash. The
 * entry number is counted here, not by a sequence: a sequence leaves gaps when a transaction rolls
 * back, and a gap must mean an entry was removed.
 */
final class AuditTrail {

    /** UTC to the millisecond, fixed width, so comparing the text compares the times. */
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final String COLUMNS = "seq, at_utc, os_user, clinician_id, command, details, previous_sha256, sha256";

    private final Connection db;

    AuditTrail(Connection db) {
        this.db = db;
    }

    static String at(Instant t) {
        return AT.format(t);
    }

    /**
     * Appends one entry inside the caller's write transaction, which must already hold what
     * keeps two appenders from reading the same last entry.
     */
    void append(AuditAction action, Touched touched) throws SQLException {
        long seq = 1;
        String previous = AuditEntry.FIRST_PREVIOUS;
        try (PreparedStatement last = db.prepareStatement("SELECT seq, sha256 FROM audit ORDER BY seq DESC LIMIT 1");
                ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                previous = rs.getString(2);
            }
        }
        String at = at(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String details = AuditEntry.details(action, touched);
        try (PreparedStatement add = db.prepareStatement("INSERT INTO audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            add.setLong(1, seq);
            add.setString(2, at);
            add.setString(3, action.osUser());
            add.setString(4, action.clinician());
            add.setString(5, action.command());
            add.setString(6, details);
            add.setString(7, previous);
            add.setString(8, AuditEntry.hash(seq, at, action.osUser(), action.clinician(), action.command(), details,
                    previous));
            add.executeUpdate();
        }
    }

    /** Newest first. The patient is looked for in each entry's details, the rest by SQL. */
    List<AuditEntry> entries(AuditQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (q.clinicianId() != null) {
            sql.append(" AND clinician_id = ?");
            args.add(q.clinicianId());
        }
        if (q.command() != null) {
            sql.append(" AND (command = ? OR command LIKE ?)");
            args.add(q.command());
            // "store" also finds "store check" and "store repair"
            args.add(q.command().replace("%", "").replace("_", "") + " %");
        }
        if (q.since() != null) {
            sql.append(" AND at_utc >= ?");
            args.add(at(q.since()));
        }
        if (q.until() != null) {
            sql.append(" AND at_utc < ?");
            args.add(at(q.until()));
        }
        sql.append(" ORDER BY seq DESC");
        if (q.limit() > 0 && q.patientId() == null) {
            sql.append(" LIMIT ").append(q.limit());
        }
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                p.setString(i + 1, args.get(i));
            }
            p.setFetchSize(500);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next() && (q.limit() == 0 || out.size() < q.limit())) {
                    AuditEntry e = entry(rs);
                    if (q.patientId() == null || e.concerns(q.patientId())) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    /** Walks the whole trail in order, checking every number, link and hash. */
    AuditCheck verify() throws SQLException {
        List<AuditCheck.Break> breaks = new ArrayList<>();
        int checked = 0;
        long expected = 1;
        String previousHash = AuditEntry.FIRST_PREVIOUS;
        try (PreparedStatement p = db.prepareStatement("SELECT " + COLUMNS + " FROM audit ORDER BY seq")) {
            p.setFetchSize(500);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    AuditEntry e = entry(rs);
                    checked++;
                    if (e.seq() > expected) {
                        breaks.add(new AuditCheck.Break(expected, e.seq() == expected + 1
                                ? "entry " + expected + " is missing"
                                : "entries " + expected + " to " + (e.seq() - 1) + " are missing"));
                    }
                    if (!e.previousHash().equals(previousHash)) {
                        breaks.add(new AuditCheck.Break(e.seq(), "entry " + e.seq()
                                + " does not follow the entry before it (that one was changed or removed)"));
                    }
                    if (!e.hash().equals(e.expectedHash())) {
                        breaks.add(new AuditCheck.Break(e.seq(), "entry " + e.seq()
                                + " was changed after it was written (its hash does not match its fields)"));
                    }
                    expected = e.seq() + 1;
                    previousHash = e.hash();
                }
            }
        }
        return new AuditCheck(checked, expected - 1, checked == 0 ? null : previousHash, breaks);
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
