package dev.tdn.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Java migration that needs only the connection it runs on: Flyway runs it through its context,
 * and a new store's schema ({@link NewStoreSchema}) runs it on its own transaction's connection.
 */
interface ConnectionMigration extends JavaMigration {

    void migrate(Connection db) throws SQLException;

    @Override
    default void migrate(Context context) throws SQLException {
        migrate(context.getConnection());
    }
}
