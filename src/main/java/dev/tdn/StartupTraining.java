package dev.tdn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.sqlite.util.OSInfo;

import picocli.CommandLine;

import dev.tdn.store.StoreAddress;
import dev.tdn.store.StoreException;

/**
 * The run that {@code bin/tdn --create-cds-archive} records into the class-data-sharing archive:
 * the JVM archives every class this run loads, so it does what the commands a user types do. It
 * builds the whole command tree and its help, lists a throw-away store, then validates, imports,
 * shows, exports and reports one real record and lists the protocols, printing nothing. (It once
 * left validation out, to keep the archive small; measured in src/bench/README.md, a larger
 * archive did not slow the commands that need less of it.)
 *
 * <p>First it copies SQLite's native library for this machine out of the jar into
 * {@code NATIVE_DIR}, where the launcher points sqlite-jdbc at it; otherwise sqlite-jdbc copies
 * it to a temporary file on every start, which was a third of {@code tdn list}'s start-up.
 *
 * <p>Usage (the launcher's, with the jar as the class path): {@code StartupTraining NATIVE_DIR}
 */
public final class StartupTraining {

    /** A real session record (the README's first example), put in the jar for this run by the build. */
    private static final String TRAINING_RECORD = "/dev/tdn/training/2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json";

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
            // then what a user types for one record or one patient, on a real record: every class
            // those load is archived too (issue 16: validate, import and show each loaded 700-960
            // classes from the jar when the archive held only list's)
            Path record = work.resolve("record.json");
            try (InputStream in = StartupTraining.class.getResourceAsStream(TRAINING_RECORD)) {
                if (in == null) {
                    throw new IOException("the training record " + TRAINING_RECORD + " is missing from the jar");
                }
                Files.copy(in, record);
            }
            run("validate", record.toString());
            run("import", record.toString());
            run("show", "3f1c2a9e");
            run("show", "--json", "3f1c2a9e");
            run("note", "3f1c2a9e");
            run("note", "--format", "markdown", "3f1c2a9e");
            run("protocol", "list");
            run("protocol", "show");
            for (String format : new String[] {"ndjson", "csv", "fhir"}) {
                run("export", "--format", format, "--patient", "MRN-12345");
            }
            for (String report : new String[] {"adherence", "billing", "adverse-events"}) {
                run("report", report);
            }
            run("report", "progress", "--patient", "MRN-12345");
            run("audit");
            run("list");
            // a session to its first question: the protocol loaded and checked, the flow built; the
            // end of input there ends it, as it ends a scripted session
            run("session", "--training", "--plain", "-p", "MRN-1", "-c", "pt-1");
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
        int code = cl.execute(args);
        if (code != ExitCode.OK) {
            // a run that fails part-way archives only part of what its command loads: say so
            // rather than leave every later start slower than it should be
            throw new IllegalStateException("the start-up training run 'tdn " + args[0] + "' ended with exit code " + code);
        }
    }
}
