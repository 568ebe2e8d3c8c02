package dev.tdn.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the clinic store is, read from {@code --store}, {@code TDN_STORE} or config: the one door
 * through which every command reaches a store, so no command knows which kind it has. A URL
 * holding a password is refused before anything connects: it would be in {@code ps}, shell
 * history and config backups, and PostgreSQL has its own places for passwords.
 */
public sealed interface StoreAddress {

    /** A file on this machine: {@code jdbc:sqlite:PATH}. */
    record SqliteFile(Path file) implements StoreAddress {
        @Override
        public String shown() {
            return "jdbc:sqlite:" + file;
        }

        @Override
        public SessionStore open(AuditAction action) throws StoreException {
            return SqliteStore.open(file).auditedAs(action);
        }

        @Override
        public SessionStore openExisting(AuditAction action) throws StoreException {
            return SqliteStore.openExisting(file).auditedAs(action);
        }
    }

    /**
     * A shared server: {@code jdbc:postgresql://HOST[:PORT]/DB[?PARAMS]}. {@code url} is passed to
     * the driver as given (parameters such as {@code sslmode} included); {@code shown} is what
     * messages name, host, port and database only.
     */
    record PostgresServer(String url, String shown) implements StoreAddress {
        @Override
        public SessionStore open(AuditAction action) throws StoreException {
            return PostgresStore.open(this, true).auditedAs(action);
        }

        @Override
        public SessionStore openExisting(AuditAction action) throws StoreException {
            return PostgresStore.open(this, false).auditedAs(action);
        }
    }

    /**
     * Readies the embedded store's driver on a background thread while picocli parses, for
     * commands that read the store at once; a server store needs nothing readied.
     */
    static void prepareInBackground() {
        SqliteStore.prepareInBackground();
    }

    /** How messages name the store: never a query string, never a credential. */
    String shown();

    /**
     * The store, created (and its schema brought up to date) when missing: for commands that
     * write. Every read and write it does is audited as {@code action}.
     */
    SessionStore open(AuditAction action) throws StoreException;

    /**
     * The store as it is, for commands that only read: a missing store is {@link NoStore}, never a
     * new empty one, and nothing is migrated, so a read leaves the store as it found it (but for
     * the audit entries its reads append).
     */
    SessionStore openExisting(AuditAction action) throws StoreException;

    /** Creates the store, or brings its schema up to date, and reads nothing. */
    default void create() throws StoreException {
        open(null).close();
    }

    /** What {@link #migrate()} did: the version found (0 for a new store) and the version left. */
    record Migration(int from, int to) {
    }

    /**
     * Brings the schema to this tdn's version, creating the store when missing; a store made by
     * a newer tdn is refused untouched.
     */
    default Migration migrate() throws StoreException {
        try (SessionStore store = open(null)) {
            return new Migration(((JdbcStore) store).foundAt(), StoreSchema.LATEST);
        }
    }

    /** Reads a store URL; the message of a refusal never repeats the URL (it may hold a password). */
    static StoreAddress parse(String url) throws StoreException {
        if (url.startsWith("jdbc:sqlite:")) {
            String path = url.substring("jdbc:sqlite:".length());
            if (path.isEmpty() || path.startsWith("file:") || path.contains("?") || path.equals(":memory:")) {
                throw new StoreException("a SQLite store is jdbc:sqlite:PATH, a plain file path (no file: URI, no ?options)", null);
            }
            return new SqliteFile(Path.of(path));
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return postgres(url);
        }
        throw new StoreException("the store must be jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB", null);
    }

    private static StoreAddress postgres(String url) throws StoreException {
        URI uri;
        try {
            uri = new URI(url.substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            throw new StoreException("the PostgreSQL store URL is not jdbc:postgresql://HOST[:PORT]/DB[?PARAMS]", null);
        }
        if (uri.getRawUserInfo() != null) {
            throw new StoreException("the PostgreSQL store URL holds a user or password before"
                    + " the host; give the user with user= or PGUSER and the password in ~/.pgpass (PGPASSFILE)", null);
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        for (String param : query.split("&")) {
            String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            if (name.toLowerCase(Locale.ROOT).contains("password")) {
                throw new StoreException("the PostgreSQL store URL holds a password; put it in"
                        + " ~/.pgpass (or the file PGPASSFILE names, mode 0600) and leave it out of the URL", null);
            }
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new PostgresServer(url, "postgresql://" + host + port + path);
    }
}
