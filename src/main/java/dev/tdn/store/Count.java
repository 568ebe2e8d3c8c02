package dev.tdn.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One of a report's counting queries, in the SQL both stores accept: {@code sql} reads the chosen
 * sessions as {@code chosen} (the {@code sessions} table's columns, for the sessions a query
 * matches whose records are intact) and their facts in {@code needled_points},
 * {@code session_deviations} and {@code session_adverse_events}, joined by {@code session_id}
 * (see the store's schema, version 4). Each row of the answer goes to {@code rows}.
 */
public record Count(String sql, Rows rows) {

    /** Takes one row of a count's answer. */
    @FunctionalInterface
    public interface Rows {
        void row(ResultSet rs) throws SQLException;
    }
}
