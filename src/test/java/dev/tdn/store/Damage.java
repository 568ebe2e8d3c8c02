package dev.tdn.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Damages a stored session the way a person with the file, or a failing disk, would: its stored
 * bytes change with plain JDBC, and the hash taken at import stays as it was.
 */
public final class Damage {

    private Damage() {
    }

    /** The record of the session whose id starts with {@code idPrefix} becomes {@code text}. */
    public static void replaceRecord(Path db, String idPrefix, String text) throws SQLException {
        update(db, "UPDATE sessions SET record = ? WHERE id LIKE ? || '%'", text, idPrefix);
    }

    /** The stored record still reads as a record, but its patient id was edited to {@code patientId}. */
    public static void editPatient(Path db, String idPrefix, String patientId) throws SQLException {
        update(db, "UPDATE sessions SET record = json_set(record, '$.patient.id', ?) WHERE id LIKE ? || '%'",
                patientId, idPrefix);
    }

    private static void update(Path db, String sql, String value, String idPrefix) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, value);
            p.setString(2, idPrefix);
            if (p.executeUpdate() != 1) {
                throw new IllegalArgumentException("no single stored session starts with " + idPrefix);
            }
        }
    }
}
