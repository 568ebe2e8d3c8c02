package dev.tdn.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started once per test JVM on a temporary folder:
 * Debian's server binaries, 127.0.0.1 and a Unix socket only, a superuser {@code tdn_test} with
 * a password (so the tests log in as a clinic does, never trusted). initdb refuses to run as
 * root, and CI runs as root: then the server runs as the {@code postgres} account (runuser).
 * No Docker daemon is here, so Testcontainers cannot be used.
 */
public final class PostgresServer {

    public static final String SUPERUSER = "tdn_test";

    private static PostgresServer running;

    private final Path dir;
    private final Path bin;
    private final int port;
    private final String password;
    private final String settings;

    private PostgresServer(Path dir, Path bin, int port, String password, String settings) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.password = password;
        this.settings = settings;
    }

    /** The server's binaries, or empty when PostgreSQL is not installed (CI installs it). */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The one server of this JVM, started on first use and stopped when the JVM ends. */
    public static synchronized PostgresServer shared() throws IOException, InterruptedException {
        if (running == null) {
            Path bin = binaries().orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries are missing"));
            running = start(bin, false);
            PostgresServer server = running;
            // as a clinic gives tdn its password: a 0600 password file, here for this JVM's connections
            System.setProperty("org.postgresql.pgpassfile", server.passfile().toString());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "tdn-test-postgres-stop"));
        }
        return running;
    }

    /**
     * A server of the caller's own, stopped when the JVM ends, that also speaks TLS as a clinic's
     * does: its certificate, for {@code localhost} and {@code 127.0.0.1}, signed by a CA made here
     * ({@link #certificateAuthority()}), so that {@code sslmode=verify-full} is checked for real.
     */
    public static PostgresServer startWithTls() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries are missing"));
        PostgresServer server = start(bin, true);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "tdn-test-postgres-tls-stop"));
        return server;
    }

    private static PostgresServer start(Path bin, boolean tls) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tdn-pg");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        String password = "pw-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n");
        String settings = "-c listen_addresses=127.0.0.1 -c max_connections=60";
        if (tls) {
            certificates(dir);
            settings += " -c ssl=on -c ssl_cert_file=" + dir.resolve("server.crt") + " -c ssl_key_file="
                    + dir.resolve("server.key");
        }
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir);
        }
        int port = freePort();
        PostgresServer server = new PostgresServer(dir, bin, port, password, settings);
        Path data = dir.resolve("data");
        server.asServerAccount(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        Files.delete(pwfile);
        server.restart();
        return server;
    }

    /** A CA and the server's key and certificate signed by it, with openssl (Debian's postgresql depends on it). */
    private static void certificates(Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                "/CN=tdn test clinic CA", "-keyout", "ca.key", "-out", "ca.crt"), dir);
        run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout",
                "server.key", "-out", "server.csr"), dir);
        run(List.of("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "2", "-extfile", "server.ext", "-out", "server.crt"), dir);
        // the server refuses a key that others can read
        Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
    }

    /** The CA that signed a TLS server's certificate ({@link #startWithTls()}), as a clinic hands it to its rooms. */
    public Path certificateAuthority() {
        return dir.resolve("ca.crt");
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The superuser's password; tests hand it to tdn the clinic's way (a .pgpass file), never on a command line. */
    public String password() {
        return password;
    }

    /** The folder holding the server's Unix socket. */
    public Path socketDir() {
        return dir;
    }

    /** A URL with no credentials in it, as a clinic writes in config.json; the user is given as a parameter. */
    public String url(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database + "?user=" + SUPERUSER;
    }

    /** A libpq password file for the superuser, mode 0600, for PGPASSFILE. */
    public Path passfile() throws IOException {
        Path file = dir.resolve("pgpass");
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, host() + ":" + port + ":*:" + SUPERUSER + ":" + password + "\n");
        }
        return file;
    }

    /** Runs SQL as the superuser through psql on the socket; returns psql's standard output. */
    public String psql(String database, String sql) throws IOException, InterruptedException {
        return psqlAs(SUPERUSER, password, database, "-c", sql);
    }

    /**
     * Runs psql as {@code user} (its password through the environment, as psql's own tests do),
     * with {@code args} such as {@code -c SQL} or {@code -f FILE}; a refusal is an IOException
     * holding psql's message.
     */
    public String psqlAs(String user, String userPassword, String database, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-h", dir.toString(), "-p", String.valueOf(port), "-U", user,
                "-d", database));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", userPassword);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("psql failed: " + out);
        }
        return out;
    }

    /** Lets tdn log in as {@code role} too: its line added to the password file tdn is given. */
    public synchronized void addLogin(String role, String rolePassword) throws IOException {
        Files.writeString(passfile(), host() + ":" + port + ":*:" + role + ":" + rolePassword + "\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** A new, empty database for one test class; names are unique within the server. */
    public String freshDatabase(String prefix) throws IOException, InterruptedException {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        psql("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /** Stops the server as a crashed or unplugged one would look to a room: immediately. */
    public synchronized void stop() throws IOException, InterruptedException {
        asServerAccount(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                "-w", "stop");
    }

    /** Starts it again after {@link #stop()}, on the same port. */
    public synchronized void restart() throws IOException, InterruptedException {
        asServerAccount(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir + " " + settings,
                "start");
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (IOException | InterruptedException e) {
            // the JVM is ending; the temporary folder goes with the machine
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // as above
        }
    }

    private void asServerAccount(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        run(line, dir);
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(4, command.size()))) + " failed: " + out);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
