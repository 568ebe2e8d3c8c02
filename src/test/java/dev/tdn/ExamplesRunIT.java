package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.store.PostgresServer;
import picocli.CommandLine;

/**
 * Every example a newcomer is shown, run as written: the tdn lines of the README's shell blocks
 * and the Examples of every command's --help, in a fresh home, in bash, against the packaged
 * jar. None may end as a usage error or an internal error; each ends 0 unless it is listed here
 * with the exit code it documents. Only what a test machine cannot have is changed: /srv/ is a
 * folder of the test's, the made-up {@code export-from-emr} prints NDJSON records, and the
 * clinic's server {@code db.clinic.example} is a real PostgreSQL server of the test's, speaking
 * TLS with a certificate its CA signed, set up as examples/postgres says (roles.sql, the owner's
 * migration, grants.sql), each role's password in the fresh home's ~/.pgpass and the CA in
 * ~/.postgresql/root.crt, as a clinic gives them to a room.
 */
class ExamplesRunIT {

    private static final Path REPO = Path.of(System.getProperty("tdn.repo", "."));

    /** Examples that end in an exit code of their own, and why. */
    private static final Map<String, Integer> DOCUMENTED_EXITS = Map.of(
            // after a crash there is something to resume; in a fresh home there is not
            "tdn session --resume", ExitCode.NO_INPUT,
            "tdn recover 3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44", ExitCode.NO_INPUT,
            // the copy still says "name": "standard" until it is edited, which the example's text asks for
            "tdn protocol validate clinic.json", ExitCode.DATA_ERR,
            // the folder holds examples/invalid too: each breaks a rule on purpose
            "tdn validate examples/invalid", ExitCode.DATA_ERR);

    @TempDir
    static Path root;

    static Path home;
    static Path work;
    static Map<String, String> env;
    /** The clinic's server, or null where PostgreSQL is not installed (CI installs it). */
    static PostgresServer clinic;

    @BeforeAll
    static void aFreshAccountWithTheExamplesAtHand() throws Exception {
        home = Files.createDirectories(root.resolve("home"));
        work = Files.createDirectories(root.resolve("work"));
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path tdn = bin.resolve("tdn");
        Files.writeString(tdn, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
                + Path.of(System.getProperty("tdn.jar", "target/tdn.jar")).toAbsolutePath() + "' \"$@\"\n");
        tdn.toFile().setExecutable(true);
        env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        env.put("NO_COLOR", "1");
        env.put("LANG", "C.UTF-8");
        // the examples as the README shows them, from the repository's folder
        Files.createSymbolicLink(work.resolve("examples"), REPO.resolve("examples").toAbsolutePath());
        for (Path record : Examples.files(Examples.SESSIONS)) {
            Files.copy(record, work.resolve(record.getFileName()));
        }
        Files.createDirectories(work.resolve("records"));
        Files.createDirectories(work.resolve("room-3"));
        Files.copy(Examples.COMPLETED, work.resolve("room-3").resolve(Examples.COMPLETED.getFileName()));
        Path rooms = Files.createDirectories(root.resolve("srv/rooms/room-1/sessions"));
        Files.copy(Examples.ABORTED, rooms.resolve(Examples.ABORTED.getFileName()));
        Files.createDirectories(home.resolve("drafts"));
        Files.copy(Examples.ROOT.resolve("protocols/clinic-longer-compression.json"),
                home.resolve("drafts/clinic-longer-compression.json"));
        // a store with sessions in it, and a clinic's own protocol called clinic, also as a draft
        assertThat(bash("tdn import examples/sessions/ && tdn export --format ndjson > batch.ndjson", "").code()).isZero();
        Path protocols = Files.createDirectories(home.resolve(".config/tdn/protocols"));
        String clinic = bash("tdn protocol show --json", "").out()
                .replaceFirst("\"name\": \"standard\"", "\"name\": \"clinic\"");
        Files.writeString(protocols.resolve("clinic.json"), clinic);
        Files.writeString(Files.createDirectories(work.resolve("drafts")).resolve("clinic.json"), clinic);
        // a room's own SQLite store beside the default one, to copy from
        assertThat(bash("tdn --store jdbc:sqlite:room-2.db import examples/sessions/", "").code()).isZero();
        if (PostgresServer.binaries().isPresent()) {
            theClinicsServerSetUpAsExamplesPostgresSays();
        }
    }

    private static final String CLINIC_HOST = "db.clinic.example";
    private static final List<String> ROLES = List.of("tdn_owner", "tdn_room", "tdn_report");

    private static void theClinicsServerSetUpAsExamplesPostgresSays() throws Exception {
        clinic = PostgresServer.startWithTls();
        clinic.psql("postgres", "CREATE DATABASE tdn");
        Path postgres = REPO.resolve("examples/postgres");
        clinic.psqlAs(PostgresServer.SUPERUSER, clinic.password(), "tdn", "-f", postgres.resolve("roles.sql").toString());
        Map<String, String> passwords = new LinkedHashMap<>();
        StringBuilder pgpass = new StringBuilder();
        for (String role : ROLES) {
            String password = "pw-" + role + "-" + Long.toHexString(System.nanoTime());
            passwords.put(role, password);
            clinic.psql("tdn", "ALTER ROLE " + role + " PASSWORD '" + password + "'");
            pgpass.append(clinic.host()).append(':').append(clinic.port()).append(":tdn:").append(role).append(':')
                    .append(password).append('\n');
        }
        Path pgpassFile = home.resolve(".pgpass");
        Files.writeString(pgpassFile, pgpass);
        Files.setPosixFilePermissions(pgpassFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.copy(clinic.certificateAuthority(),
                Files.createDirectories(home.resolve(".postgresql")).resolve("root.crt"));
        Run migrate = bash("tdn --store 'jdbc:postgresql://" + CLINIC_HOST
                + "/tdn?user=tdn_owner&sslmode=verify-full' store migrate", "");
        assertThat(migrate.code()).as(migrate.err()).isZero();
        clinic.psqlAs("tdn_owner", passwords.get("tdn_owner"), "tdn", "-f", postgres.resolve("grants.sql").toString());
    }

    record Run(int code, String out, String err) {
    }

    static Run bash(String line, String stdin) throws IOException, InterruptedException {
        String prelude = "set -o pipefail; export-from-emr() { tdn export --format ndjson; }; ";
        String here = line.replace("/srv/", root.resolve("srv") + "/");
        if (clinic != null) {
            here = here.replace(CLINIC_HOST, clinic.host() + ":" + clinic.port());
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", prelude + here);
        pb.directory(work.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, "", "did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The shell lines of the README's code blocks that run tdn, as written (the jar called tdn, as installed). */
    static List<String> readmeLines() throws IOException {
        List<String> lines = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(REPO.resolve("README.md")));
        while (block.find()) {
            for (String line : block.group(1).split("\\n")) {
                String command = line.replace("java -jar target/tdn.jar", "tdn").strip();
                if (command.matches("(.*\\| )?tdn .*")) {
                    lines.add(command);
                }
            }
        }
        return lines;
    }

    /** Each command's Examples, without the words that explain them. */
    static List<String> helpLines() {
        List<String> lines = new ArrayList<>();
        collect(Tdn.commandLine(System.in), lines);
        return lines;
    }

    private static void collect(CommandLine command, List<String> lines) {
        String[] footers = command.getCommandSpec().usageMessage().footer();
        for (int i = 0; i < footers.length; i++) {
            String footer = footers[i];
            String line = footer.strip();
            // an example continued on the next lines, shell-style
            while (line.endsWith("\\") && i + 1 < footers.length) {
                line = line.substring(0, line.length() - 1).strip() + " " + footers[++i].strip();
            }
            if (footer.startsWith("  ") && line.matches("(mkdir .*&& )?(\\S+=\\S+ )?tdn .*|.*\\| tdn .*|source <\\(tdn .*")) {
                // what follows two spaces is the example's explanation: "tdn timer 45   a 45-second target"
                lines.add(line.replaceFirst("\\s{2,}[^#].*$", "").replace("%%", "%"));
            }
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, lines));
    }

    /** Enter, twice: a timer stops on it; a session asks its first question and then reads the end of input. */
    private static final String STDIN = "\n\n";

    private static List<String> failures(List<String> lines) throws Exception {
        List<String> failures = new ArrayList<>();
        for (String line : lines) {
            if (line.contains(CLINIC_HOST) && clinic == null) {
                // no PostgreSQL server here (CI installs one): the lines that need the clinic's are left out
                continue;
            }
            if (line.contains("config init") && !line.contains("--force")) {
                // as the one trying it has none yet: init never replaces a config file unasked
                Files.deleteIfExists(home.resolve(".config/tdn/config.json"));
            }
            Run r = bash(line, line.contains("config init") ? "pt-0042\nA. Rivera\nPT, DPT\n\n\n\n\n\n" : STDIN);
            int expected = DOCUMENTED_EXITS.getOrDefault(line.replaceFirst("\\s+\\(.*$", ""), ExitCode.OK);
            boolean usageOrBug = r.code() == ExitCode.USAGE || r.code() == ExitCode.INTERNAL
                    || r.err().contains("internal error") || r.err().contains("Usage:");
            if (r.code() != expected || usageOrBug) {
                failures.add(line + "\n    exit " + r.code() + " (expected " + expected + "): "
                        + r.err().lines().limit(3).toList());
            }
        }
        return failures;
    }

    @Test
    void theReadmesExamplesRunAsWritten() throws Exception {
        List<String> lines = readmeLines();

        assertThat(lines).as("the README shows tdn lines").hasSizeGreaterThan(15)
                .contains("tdn session --training");
        assertThat(failures(lines)).isEmpty();
    }

    @Test
    void everyHelpExampleRunsAsWritten() throws Exception {
        List<String> lines = helpLines();

        assertThat(lines).as("every command's help has examples").hasSizeGreaterThan(30);
        assertThat(failures(lines)).isEmpty();
    }
}
