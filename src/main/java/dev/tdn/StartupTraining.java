package dev.tdn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import org.sqlite.JDBC;
import org.sqlite.util.OSInfo;

import picocli.CommandLine;

import dev.tdn.store.StoreAddress;
import dev.tdn.store.StoreException;

/**
 * The run that {@code bin/tdn --create-cds-archive} records into the class-data-sharing archive:
 * the JVM archives every class this run loads, so it does what the quick commands do. It builds
 * the whole command tree and its help, then lists and shows a throw-away store, printing
 * nothing. (It imports nothing: the classes of validation made the archive three times larger,
 * and mapping a larger archive slows every command's start.)
 *
 * <p>First it copies SQLite's native library for this machine out of the jar into
 * {@code NATIVE_DIR}, where the launcher points sqlite-jdbc at it; otherwise sqlite-jdbc copies
 * it to a temporary file on every start, which was a third of {@code tdn list}'s start-up.
 *
 * <p>Usage (the launcher's, with the jar as the class path): {@code StartupTraining NATIVE_DIR}
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining NATIVE_DIR");
            System.exit(ExitCode.USAGE);
        }
        Path nativeDir = Path.of(args[0]);
        Path library = nativeLibrary(nativeDir);
        if (library != null) {
            System.setProperty("org.sqlite.lib.path", library.getParent().toString());
            System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
        }

        Path work = Files.createTempDirectory("tdn-training");
        try {
            // the store in the data folder, where a plain `tdn list` finds it
            System.setProperty("tdn.home", work.toString());
            String url = "jdbc:sqlite:" + work.resolve("tdn.db");
            QuickAnswers.answer(new String[] {"--version"}, new PrintStream(OutputStream.nullOutputStream()));
            run("--help");
            // list reads only a store that exists; an empty one is what it needs to load SQLite
            try {
                StoreAddress.parse(url).create();
            } catch (StoreException e) {
                throw new IOException(e.getMessage(), e);
            }
            run("list");
            run("show", "3f1c2a9e");
            // one row, so that reading a row's columns is archived too (the record is never parsed)
            try (Connection db = JDBC.createConnection(url, new Properties()); Statement insert = db.createStatement()) {
                insert.execute("INSERT INTO sessions (id, patient_id, clinician_id, started_at, started_utc, status,"
                        + " points, training, content_sha256, record, imported_at) VALUES"
                        + " ('3f1c2a9e-0000-4000-8000-000000000000', 'p', 'c', '2026-01-01T00:00:00Z',"
                        + " '2026-01-01T00:00:00.000000000Z', 'completed', 0, 0, '', '{}', '')");
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
            run("list");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(ExitCode.OK);
    }

    /** Copies the library for this platform into {@code dir}; null when the jar has none for it. */
    private static Path nativeLibrary(Path dir) throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = StartupTraining.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Path temp = Files.createTempFile(dir, name, ".part");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }

    private static void run(String... args) {
        Tdn.prepare(args);
        CommandLine cl = Tdn.commandLine(InputStream.nullInputStream(), args);
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        cl.setOut(nowhere);
        cl.setErr(nowhere);
        cl.execute(args);
    }
}
