package dev.tdn;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import picocli.CommandLine;

import dev.tdn.cli.AnnounceWaitingJournals;
import dev.tdn.cli.Failures;
import dev.tdn.cli.UsageErrors;
import dev.tdn.cli.TdnCommand;
import dev.tdn.json.SchemaCheck;
import dev.tdn.protocol.ProtocolValidator;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordValidator;
import dev.tdn.store.StoreAddress;

/** Entry point: builds the command line, with one way to end in failure ({@link Failures}, {@link UsageErrors}). */
public final class Tdn {

    private Tdn() {
    }

    public static void main(String[] args) {
        if (QuickAnswers.answer(args, System.out)) {
            // a PrintStream keeps its write errors to itself until asked
            if (System.out.checkError()) {
                System.err.println("tdn: cannot write to standard output; what it shows is incomplete");
                System.exit(ExitCode.IO_ERR);
            }
            System.exit(ExitCode.OK);
        }
        prepare(args);
        CommandLine cl = commandLine(System.in, args);
        // UTF-8 whatever the locale says: muscle names and clinicians' notes are not all ASCII,
        // and records are UTF-8 on disk
        // the file descriptor itself, not System.out: a PrintStream swallows write errors, and a
        // full disk or a closed pipe must not end as "exit 0" under a cut-short export
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        // whatever else went wrong, output that did not arrive is the failure a script must see
        if (out.checkError() && code != ExitCode.INTERRUPTED) {
            err.println("tdn: cannot write to standard output; what it shows is incomplete");
            code = ExitCode.IO_ERR;
        }
        err.flush();
        System.exit(code);
    }

    /** Commands that read the store at once, for which SQLite is readied while picocli parses. */
    private static final Set<String> STORE_COMMANDS = Set.of("list", "show", "note", "export", "report", "import");
    /** Commands that check records against the schema. */
    private static final Set<String> RECORD_CHECKS = Set.of("validate", "import");
    /**
     * Commands that write records through the record mapper. The others read and hash records
     * without it ({@code RecordTree}, {@code CompactRecord}), and on two cores building it beside
     * them only slowed them down.
     */
    private static final Set<String> RECORD_WRITES = Set.of("export");
    /** Commands that load a protocol, checking it against its schema. */
    private static final Set<String> PROTOCOL_CHECKS = Set.of("session", "protocol");

    /**
     * Readies what the invoked command needs on background threads while picocli parses: on two
     * cores, picocli and the compiler use one, and the other was idle (src/bench/README.md).
     */
    static void prepare(String[] args) {
        String invoked = TdnCommand.invoked(args);
        if (invoked == null) {
            return;
        }
        if (RECORD_CHECKS.contains(invoked)) {
            SchemaCheck.prepareInBackground(RecordValidator.SCHEMA);
        }
        if ("import".equals(invoked)) {
            // an import hashes what it stores; validate hashes nothing
            Fingerprint.prepareInBackground();
        }
        if (PROTOCOL_CHECKS.contains(invoked)) {
            SchemaCheck.prepareInBackground(ProtocolValidator.SCHEMA);
        }
        if (RECORD_WRITES.contains(invoked)) {
            java.util.List<String> given = java.util.Arrays.asList(args);
            if (given.contains("fhir") || given.contains("--format=fhir")) {
                // the mapper, and the Bundle's writers on it
                dev.tdn.export.FhirBundleExport.prepareInBackground();
            } else {
                RecordJson.prepareInBackground();
            }
        }
        if (STORE_COMMANDS.contains(invoked)) {
            StoreAddress.prepareInBackground();
        }
    }

    /** The whole command tree, as help, completion and the man pages show it. */
    public static CommandLine commandLine(InputStream stdin) {
        return commandLine(stdin, TdnCommand.SUBCOMMANDS.keySet());
    }

    /**
     * The tree {@code args} need: the root and the one subcommand they invoke, or everything.
     * Reading every command's annotations is most of a quick command's start-up.
     */
    public static CommandLine commandLine(InputStream stdin, String[] args) {
        String invoked = TdnCommand.invoked(args);
        return invoked == null ? commandLine(stdin) : commandLine(stdin, Set.of(invoked));
    }

    private static CommandLine commandLine(InputStream stdin, Set<String> subcommands) {
        TdnCommand root = new TdnCommand(stdin);
        CommandLine cl = new CommandLine(root);
        TdnCommand.SUBCOMMANDS.forEach((name, command) -> {
            if (subcommands.contains(name)) {
                cl.addSubcommand(name, command);
            }
        });
        // after the subcommands: picocli hands these down to the commands present when they are set
        cl.setDefaultValueProvider(root.configDefaults());
        cl.setExecutionExceptionHandler(new Failures());
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionStrategy(new AnnounceWaitingJournals());
        return cl;
    }

}
