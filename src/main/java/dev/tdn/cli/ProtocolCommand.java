package dev.tdn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import dev.tdn.ExitCode;
import dev.tdn.Printable;
import dev.tdn.Places;
import dev.tdn.json.Document;
import dev.tdn.protocol.CheckedProtocol;
import dev.tdn.protocol.PrepItem;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ProtocolCatalog;
import dev.tdn.protocol.ProtocolException;
import dev.tdn.protocol.ProtocolSource;
import dev.tdn.protocol.ScreeningItem;
import dev.tdn.record.ScreeningAnswer;
import dev.tdn.record.Step;

@Command(name = "protocol",
        mixinStandardHelpOptions = true,
        description = {
            "List, show and check the protocols that guide a session: the wording of each step, the"
                    + " dwell and compression windows, the screening checklist and the site-prep checklist.",
            "Built in: standard. A clinic's own protocols are NAME.json files in its protocols folder;"
                    + " one named like a built-in replaces it. The folder is",
            "  $TDN_HOME/protocols if TDN_HOME is set,",
            "  else $XDG_CONFIG_HOME/tdn/protocols (by default ~/.config/tdn/protocols)."},
        subcommands = {
            ProtocolCommand.ListProtocols.class,
            ProtocolCommand.ShowProtocol.class,
            ProtocolCommand.ValidateProtocols.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn protocol list",
            "  tdn protocol show clinic",
            "",
            "A clinic's own protocol, from a copy of the standard one with \"name\": \"clinic\":",
            "  tdn protocol show --json > clinic.json",
            "  tdn protocol validate clinic.json",
            "  mv clinic.json ~/.config/tdn/protocols/",
            "",
            "Exit codes: see each subcommand."})
public final class ProtocolCommand implements Runnable {

    private static final String SCHEMA_HINT =
            "The format is the JSON Schema schema/protocol-v1.json, in the tdn jar and source repository.";

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: list, show or validate");
    }

    ProtocolCatalog catalog() {
        return ProtocolCatalog.from(TdnHome.places());
    }

    @Command(name = "list",
            mixinStandardHelpOptions = true,
            description = "List the protocols known by name: the built-in ones and the clinic's own.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  tdn protocol list",
                "  TDN_HOME=/srv/clinic tdn protocol list"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:listed (a protocol that fails validation is listed as invalid)",
                "74:the protocols folder cannot be read"})
    static final class ListProtocols implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        ProtocolCommand parent;

        @Option(names = "--names", description = "Print only the names, one a line, for scripts and shell completion.")
        boolean names;

        @Override
        public Integer call() throws ProtocolException {
            PrintWriter out = spec.commandLine().getOut();
            if (names) {
                return printNames(out, TdnHome.places());
            }
            ProtocolCatalog catalog = parent.catalog();
            List<ProtocolSource> sources = catalog.list();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "VERSION", "TITLE", "SOURCE"});
            for (ProtocolSource source : sources) {
                rows.add(row(catalog, source));
            }
            Table.print(out, rows);
            out.flush();
            return ExitCode.OK;
        }

        /** {@code --names}: reads no protocol, so that completion stays quick (QuickAnswers answers it too). */
        private static int printNames(PrintWriter out, Places places) throws ProtocolException {
            ProtocolCatalog.names(places.protocols()).forEach(name -> out.println(Printable.line(name)));
            out.flush();
            return ExitCode.OK;
        }

        private static String[] row(ProtocolCatalog catalog, ProtocolSource source) {
            String version = "-";
            String title;
            try {
                CheckedProtocol checked = catalog.check(source);
                if (checked.valid()) {
                    version = Integer.toString(checked.protocol().version());
                    title = checked.protocol().title();
                } else {
                    title = "INVALID: see tdn protocol validate " + source.sourceName();
                }
            } catch (ProtocolException e) {
                title = "UNREADABLE: " + e.getMessage();
            }
            return new String[] {source.name(), version, title, source.describe()};
        }
    }

    @Command(name = "show",
            mixinStandardHelpOptions = true,
            description = {
                "Show a protocol as the clinician meets it: windows, needle, screening checklist, site prep,"
                        + " each step's instruction and the aftercare advice.",
                "The sha256 is what session records carry to prove which exact file guided them.",
                "--json prints the protocol file exactly as stored, to copy and adapt."},
            footerHeading = "%nExamples:%n",
            footer = {
                "  tdn protocol show",
                "  tdn protocol show clinic",
                "  tdn protocol show ./drafts/clinic.json",
                "  tdn protocol show --json > clinic.json"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:shown",
                "65:the protocol is not valid (its problems are printed)",
                "66:no such protocol or file",
                "74:reading the file failed"})
    static final class ShowProtocol implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        ProtocolCommand parent;

        @Parameters(arity = "0..1", paramLabel = "NAME|FILE", defaultValue = ProtocolCatalog.DEFAULT,
                completionCandidates = ProtocolCatalog.Names.class,
                description = "A protocol name from `tdn protocol list`, or a path to a protocol file"
                        + " (anything containing / or ending in .json). Default: ${DEFAULT-VALUE}.")
        String protocol;

        @Mixin
        JsonOutput json;

        @Override
        public Integer call() throws ProtocolException {
            PrintWriter out = spec.commandLine().getOut();
            ProtocolCatalog catalog = parent.catalog();
            ProtocolSource source = catalog.find(protocol);
            CheckedProtocol checked = catalog.check(source);
            Protocol p = checked.orThrow();
            if (json.on()) {
                // valid JSON is valid UTF-8, so decoding and printing gives back the file's bytes
                out.print(new String(checked.document().bytes(), StandardCharsets.UTF_8));
            } else {
                summary(out, p, source);
            }
            out.flush();
            return ExitCode.OK;
        }

        private static void summary(PrintWriter out, Protocol p, ProtocolSource source) {
            // a protocol file is the clinic's text: its title, labels and steps are made printable
            out.println(Printable.line(p.title()));
            Table.print(out, "  ", List.of(
                    new String[] {"protocol", p.name() + ", version " + p.version()},
                    new String[] {"source", source.describe()},
                    new String[] {"sha256", p.sha256()}));
            out.println();
            out.println("Needle: " + mm(p.needle().lengthMm()) + " long, " + mm(p.needle().gaugeMm())
                    + " gauge, inserted about " + mm(p.needle().depthMm()));
            out.println();
            out.println("Windows (ending outside one is a deviation and asks for a reason)");
            Table.print(out, "  ", List.of(
                    new String[] {"dwell", p.windows().dwell().describe()},
                    new String[] {"dwell after a weak twitch", p.windows().weakTwitchDwell().describe()},
                    new String[] {"compression", p.windows().compression().describe()}));
            screening(out, p, ScreeningAnswer.Kind.ABSOLUTE,
                    "Screening: absolute contraindications (a yes ends the session)");
            screening(out, p, ScreeningAnswer.Kind.PRECAUTION,
                    "Screening: precautions (a yes needs your confirmation and is recorded)");
            out.println();
            out.println("Site prep");
            List<String[]> prep = new ArrayList<>();
            for (PrepItem item : p.sitePrep()) {
                prep.add(new String[] {item.id(), item.label()});
            }
            Table.print(out, "  ", prep);
            out.println();
            out.println("Steps (2 to 7 repeat for each trigger point)");
            List<String[]> steps = new ArrayList<>();
            for (Step step : Step.values()) {
                steps.add(new String[] {Integer.toString(step.ordinal()), step.json(), p.instruction(step)});
            }
            Table.print(out, "  ", steps);
            out.println();
            out.println("Aftercare");
            p.aftercare().forEach(line -> out.println("  - " + Printable.line(line)));
        }

        private static void screening(PrintWriter out, Protocol p, ScreeningAnswer.Kind kind, String heading) {
            List<String[]> rows = new ArrayList<>();
            for (ScreeningItem item : p.screening()) {
                if (item.kind() == kind) {
                    rows.add(new String[] {item.id(), item.question()});
                }
            }
            out.println();
            out.println(heading);
            if (rows.isEmpty()) {
                out.println("  (none)");
            }
            Table.print(out, "  ", rows);
        }

        private static String mm(double value) {
            String s = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
            return s + " mm";
        }
    }

    @Command(name = "validate",
            mixinStandardHelpOptions = true,
            description = {
                "Check protocol files against the protocol schema and its rules, before a clinic uses them.",
                "Prints one line per problem: FILE:LINE:COL: $.json.path: what is wrong [rule].",
                "A file called NAME.json must hold the protocol named NAME.",
                SCHEMA_HINT},
            footerHeading = "%nExamples:%n",
            footer = {
                "  tdn protocol validate ~/.config/tdn/protocols/*.json",
                "  tdn protocol show --json | tdn protocol validate -"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:every protocol is valid",
                "65:a protocol is invalid",
                "66:a file is missing or unreadable",
                "74:reading a file failed part-way"})
    static final class ValidateProtocols implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        ProtocolCommand parent;

        @Parameters(arity = "1..*", paramLabel = "FILE",
                description = "A protocol file, or - for one on standard input.")
        List<String> files;

        @Option(names = {"-q", "--quiet"}, description = "Do not print the summary line.")
        boolean quiet;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ProtocolCatalog catalog = parent.catalog();
            int checked = 0;
            int invalid = 0;
            int worstFailure = ExitCode.OK;
            for (String file : files) {
                CheckedProtocol result;
                try {
                    result = "-".equals(file) ? catalog.check(stdin()) : catalog.check(catalog.file(file));
                } catch (ProtocolException e) {
                    // one file that cannot be used does not stop the others being checked
                    err.println("tdn protocol validate: " + Printable.line(e.getMessage()));
                    e.problems().forEach(p -> err.println(p.format()));
                    worstFailure = worse(worstFailure, e.exitCode());
                    continue;
                } catch (IOException e) {
                    err.println("tdn protocol validate: <stdin>: read error (" + e.getClass().getSimpleName() + ")");
                    worstFailure = worse(worstFailure, ExitCode.IO_ERR);
                    continue;
                }
                checked++;
                if (!result.valid()) {
                    invalid++;
                    result.problems().forEach(p -> out.println(p.format()));
                }
            }
            if (!quiet) {
                err.println(checked + (checked == 1 ? " protocol" : " protocols") + " checked: "
                        + (checked - invalid) + " valid, " + invalid + " invalid");
            }
            out.flush();
            err.flush();
            if (worstFailure != ExitCode.OK) {
                return worstFailure;
            }
            return invalid > 0 ? ExitCode.DATA_ERR : ExitCode.OK;
        }

        private Document stdin() throws IOException {
            return new Document("<stdin>", 1, parent.root.stdin().readNBytes(ProtocolCatalog.MAX_BYTES + 1));
        }

        /** A read failure (74) outranks a missing file (66), as in {@code tdn validate}. */
        private static int worse(int a, int b) {
            return Math.max(a, b);
        }
    }

    /**
     * Columns padded to their widest cell; the last column is left ragged. Every cell is made
     * printable first, so the padding counts what is shown.
     */
    static final class Table {

        private Table() {
        }

        static void print(PrintWriter out, List<String[]> rows) {
            print(out, "", rows);
        }

        static void print(PrintWriter out, String indent, List<String[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            rows = rows.stream().map(row -> java.util.Arrays.stream(row).map(Printable::line).toArray(String[]::new))
                    .toList();
            int columns = rows.get(0).length;
            int[] width = new int[columns];
            for (String[] row : rows) {
                for (int c = 0; c < columns - 1; c++) {
                    width[c] = Math.max(width[c], row[c].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder(indent);
                for (int c = 0; c < columns; c++) {
                    line.append(c < columns - 1 ? String.format("%-" + width[c] + "s  ", row[c]) : row[c]);
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }
}
