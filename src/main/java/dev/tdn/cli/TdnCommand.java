package dev.tdn.cli;

import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "tdn",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Treatment-room companion for Trigger Point Dry Needling: guided, timed sessions and"
                + " durable session records that clinics import, report on and export.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "  0:ok",
            "  1:internal error (a bug in tdn; TDN_DEBUG=1 shows details)",
            "  2:usage error: wrong options or arguments",
            " 65:invalid data: a record, protocol or config file failed validation",
            " 66:input not found, not readable, or not a regular file (a FIFO or device)",
            " 74:I/O or store error, or standard output could not be written",
            "130:interrupted by the user"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn session --training            a first session: practice, kept out of the store",
            "  tdn config init                   your clinician id, name and needle, once",
            "  tdn session -p MRN-12345 -m 'upper trapezius:left'",
            "  tdn import /srv/rooms",
            "  tdn list --patient MRN-12345 --since -30d",
            "  tdn export --format fhir --since 2026-11-01 -o november.fhir.json",
            "  tdn report adherence --since 2026-11-01",
            "  tdn help session",
            "  man tdn-session"})
public final class TdnCommand implements Runnable {

    /**
     * The subcommands, in the order help lists them. They are added when the command line is
     * built rather than named in the annotation, so that a command that needs only itself can
     * skip reading the others' annotations (see {@link #invoked(String[])}).
     */
    public static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            Map.entry("session", SessionCommand.class), Map.entry("timer", TimerCommand.class),
            Map.entry("recover", RecoverCommand.class), Map.entry("validate", ValidateCommand.class),
            Map.entry("import", ImportCommand.class), Map.entry("list", ListCommand.class),
            Map.entry("show", ShowCommand.class), Map.entry("note", NoteCommand.class),
            Map.entry("export", ExportCommand.class),
            Map.entry("report", ReportCommand.class), Map.entry("protocol", ProtocolCommand.class),
            Map.entry("audit", AuditCommand.class), Map.entry("store", StoreCommand.class), Map.entry("config", ConfigCommand.class), Map.entry("completion", CompletionCommand.class),
            Map.entry("help", CommandLine.HelpCommand.class));

    /** Commands that read the whole command tree, so it must be built for them. */
    private static final Set<String> NEED_THE_WHOLE_TREE = Set.of("completion", "help");

    @Spec
    CommandSpec spec;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colour on the screen (also when NO_COLOR is set); symbols and words still tell the zones apart.")
    boolean noColor;

    @Option(names = "--store", scope = ScopeType.INHERIT, paramLabel = "URL", defaultValue = "${env:TDN_STORE}",
            description = "The clinic store: jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB, never with a password"
                    + " (default: TDN_STORE, else config.json's store, else tdn.db in the data folder).")
    String store;

    private final InputStream stdin;
    private final ConfigDefaults configDefaults = new ConfigDefaults();

    public TdnCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** The defaults config.json gives the commands' options, for picocli to fill in as it parses. */
    public CommandLine.IDefaultValueProvider configDefaults() {
        return configDefaults;
    }

    /** The config file, for a command that needs more of it than its options' defaults. */
    dev.tdn.Config config() throws dev.tdn.TdnException {
        return configDefaults.config();
    }

    InputStream stdin() {
        return stdin;
    }

    /**
     * The store's JDBC URL: --store, else TDN_STORE, else config.json's store, else the data
     * folder's tdn.db. A config file that cannot be read is an error here (65) unless the store
     * was given another way: guessing the default store past it could list, or import into, the
     * wrong clinic's sessions.
     */
    String storeUrl() throws dev.tdn.TdnException {
        if (store != null && !store.isBlank()) {
            return store;
        }
        dev.tdn.Config config = config();
        if (config != null && config.store() != null) {
            return config.store();
        }
        return "jdbc:sqlite:" + TdnHome.places().database();
    }

    boolean colour() {
        return dev.tdn.console.Consoles.colour(noColor, System.getenv());
    }

    /**
     * The subcommand {@code args} invoke when nothing before it needs the whole tree (root help
     * lists every subcommand; a mistyped name is matched against all of them), else null.
     */
    public static String invoked(String[] args) {
        int i = 0;
        // skip the global options before it; --store takes the next argument as its value
        while (i < args.length) {
            if (args[i].equals("--store")) {
                i += 2;
            } else if (args[i].equals("--no-color") || args[i].startsWith("--store=")) {
                i++;
            } else {
                break;
            }
        }
        if (i < args.length && SUBCOMMANDS.containsKey(args[i]) && !NEED_THE_WHOLE_TREE.contains(args[i])) {
            return args[i];
        }
        return null;
    }

    /**
     * The names are spelled out rather than read from each class's {@code @Command}: reading one
     * class's annotations parses them all, a cost on every start (CommandTreeTest checks that
     * each name is its command's).
     */
    @SafeVarargs
    private static Map<String, Class<?>> subcommands(Map.Entry<String, Class<?>>... commands) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> c : commands) {
            byName.put(c.getKey(), c.getValue());
        }
        return Collections.unmodifiableMap(byName);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "which command? " + String.join(", ",
                spec.subcommands().keySet()) + " (a first session: tdn session --training)");
    }
}
