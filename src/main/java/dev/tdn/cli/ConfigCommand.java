package dev.tdn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

import dev.tdn.console.TypedLines;
import dev.tdn.Config;
import dev.tdn.ExitCode;
import dev.tdn.Printable;
import dev.tdn.Places;
import dev.tdn.PrivateFiles;
import dev.tdn.TdnException;
import dev.tdn.export.IdentifierSystems;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ProtocolCatalog;
import dev.tdn.protocol.ProtocolException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "config",
        mixinStandardHelpOptions = true,
        description = {
            "Create or print the config file, config.json: your clinician id, name and credentials, the"
                    + " protocol and needle you usually use, and the FHIR identifier systems of the clinic's ids.",
            "The file is",
            "  $TDN_HOME/config.json if TDN_HOME is set,",
            "  else $XDG_CONFIG_HOME/tdn/config.json (by default ~/.config/tdn/config.json)."},
        subcommands = {ConfigCommand.Init.class, ConfigCommand.Show.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn config init",
            "  tdn config init --yes --clinician-id pt-0042 --credentials 'PT, DPT'",
            "  tdn config show",
            "",
            "Exit codes: see each subcommand."})
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: init or show");
    }

    @Command(name = "init",
            mixinStandardHelpOptions = true,
            description = {
                "Write the config file from your answers: one plain question per line, Enter keeping the"
                        + " default shown in [brackets]. Only the clinician id is required.",
                "Answers may be piped in, one per line, and every one may be given as an option instead:"
                        + " what an option gives is not asked. With --yes nothing is asked and what is not"
                        + " given takes its default, for scripted installs.",
                "The file is written whole or not at all, readable by you alone (0600, in a 0700 folder"
                        + " when tdn creates it). An existing config file is never replaced without --force."},
            footerHeading = "%nExamples:%n",
            footer = {
                "  tdn config init",
                "  printf 'pt-0042\\nA. Rivera\\n' | tdn config init     (the rest: defaults)",
                "  tdn config init --yes --clinician-id pt-0042 --name 'A. Rivera' \\",
                "      --credentials 'PT, DPT' --needle-length 40 --needle-gauge 0.30 \\",
                "      --patient-system urn:oid:2.16.840.1.113883.19.5",
                "  TDN_HOME=/srv/room-2 tdn config init --yes --force --clinician-id pt-0042"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:the config file is written",
                " 2:usage error: a wrong option value; no clinician id (with --yes, or input ended before one);"
                        + " a config file already there and no --force; the NPI system with a clinician id that is not an NPI",
                "65:the protocol is not valid",
                "66:the protocol was not found",
                "74:the config file could not be written"})
    static final class Init implements Callable<Integer> {

        /** The record schema's bounds: a config outside them would make records that fail validation. */
        static final int MAX_ID = 64;
        static final int MAX_NAME = 200;
        static final int MAX_CREDENTIALS = 100;
        static final double MAX_LENGTH_MM = 200;
        static final double MAX_GAUGE_MM = 2;

        @Spec
        CommandSpec spec;

        @ParentCommand
        ConfigCommand parent;

        @Option(names = "--clinician-id", paramLabel = "ID",
                description = "Your clinician id, as the clinic's systems know you (required; asked if left out).")
        String clinicianId;

        @Option(names = "--name", paramLabel = "NAME", description = "Your name, as records show it.")
        String name;

        @Option(names = "--credentials", paramLabel = "TEXT",
                description = "Your professional credentials, such as \"PT, DPT\".")
        String credentials;

        @Option(names = "--protocol", paramLabel = "NAME|FILE", completionCandidates = ProtocolCatalog.Names.class,
                description = "The protocol sessions follow by default (default: standard); it must load.")
        String protocol;

        @Option(names = "--needle-length", paramLabel = "MM",
                description = "The needle length you usually use, in mm (default: the protocol's).")
        String needleLength;

        @Option(names = "--needle-gauge", paramLabel = "MM",
                description = "The needle's diameter in mm, such as 0.25 (default: the protocol's).")
        String needleGauge;

        @Option(names = "--patient-system", paramLabel = "URI",
                description = "FHIR Identifier.system of the clinic's patient ids, such as urn:oid:2.16.840.1.113883.19.5.")
        String patientSystem;

        @Option(names = "--clinician-system", paramLabel = "URI",
                description = "FHIR Identifier.system of clinician ids, such as http://hl7.org/fhir/sid/us-npi.")
        String clinicianSystem;

        @Option(names = {"-y", "--yes"},
                description = "Ask nothing: what is not given takes its default; --clinician-id is then required.")
        boolean yes;

        @Option(names = "--force", description = "Replace an existing config file.")
        boolean force;

        @Override
        public Integer call() throws TdnException {
            PrintWriter out = spec.commandLine().getOut();
            Places places = TdnHome.places();
            Path file = places.configFile();
            if (!force && (Files.exists(file, LinkOption.NOFOLLOW_LINKS))) {
                throw alreadyThere(file);
            }
            ProtocolCatalog catalog = ProtocolCatalog.from(places);
            // what options give is checked before anything is asked
            String id = given(clinicianId, "--clinician-id", Init::clinicianId);
            String who = given(name, "--name", text("a name", MAX_NAME));
            String creds = given(credentials, "--credentials", text("credentials", MAX_CREDENTIALS));
            Double length = given(needleLength, "--needle-length", millimetres("needle length", MAX_LENGTH_MM, "30"));
            Double gauge = given(needleGauge, "--needle-gauge", millimetres("needle gauge", MAX_GAUGE_MM, "0.25"));
            String patients = given(patientSystem, "--patient-system", Init::system);
            String clinicians = given(clinicianSystem, "--clinician-system", Init::system);
            Chosen chosen = protocol == null ? null : Chosen.load(catalog, protocol);
            if (yes && id == null) {
                throw new ParameterException(spec.commandLine(), "--yes asks nothing, so --clinician-id is required");
            }
            Questions ask = new Questions(yes ? null
                    : new TypedLines(parent.root.stdin()), out);
            if (id == null) {
                id = ask.required("Clinician id (as the clinic's systems know you):", Init::clinicianId);
                if (id == null) {
                    throw new TdnException(ExitCode.USAGE, "no clinician id given; nothing was written");
                }
            }
            if (name == null) {
                who = ask.optional("Your name, as records show it [none]:", null, text("a name", MAX_NAME));
            }
            if (credentials == null) {
                creds = ask.optional("Your credentials, such as PT, DPT [none]:", null,
                        text("credentials", MAX_CREDENTIALS));
            }
            if (chosen == null) {
                Chosen standard = Chosen.load(catalog, ProtocolCatalog.DEFAULT);
                chosen = ask.optional("Default protocol [" + ProtocolCatalog.DEFAULT + "]:", standard, answer -> {
                    try {
                        return Chosen.load(catalog, answer);
                    } catch (ProtocolException e) {
                        throw new IllegalArgumentException(e.getMessage());
                    }
                });
            }
            if (needleLength == null) {
                double d = chosen.protocol().needle().lengthMm();
                length = ask.optional("Needle length in mm [" + number(d) + "]:", d,
                        millimetres("needle length", MAX_LENGTH_MM, "30"));
            }
            if (needleGauge == null) {
                double d = chosen.protocol().needle().gaugeMm();
                gauge = ask.optional("Needle gauge (diameter) in mm [" + number(d) + "]:", d,
                        millimetres("needle gauge", MAX_GAUGE_MM, "0.25"));
            }
            if (patientSystem == null) {
                patients = ask.optional("FHIR patient identifier system, an absolute URI such as"
                        + " urn:oid:2.16.840.1.113883.19.5 [none]:", null, Init::system);
            }
            if (clinicianSystem == null) {
                clinicians = ask.optional("FHIR clinician identifier system, such as"
                        + " http://hl7.org/fhir/sid/us-npi [none]:", null, Init::system);
            }
            if (dev.tdn.export.Npi.SYSTEM.equals(clinicians) && !dev.tdn.export.Npi.valid(id)) {
                // every FHIR export would stop at the first session this clinician signs
                throw new TdnException(ExitCode.USAGE, "the clinician id is not an NPI (10 digits, the first 1 or 2,"
                        + " the last its check digit), yet the clinician system is the NPI's; nothing was written");
            }
            byte[] json = json(id, who, creds, chosen.stored(), length, gauge, patients, clinicians);
            try {
                if (force) {
                    PrivateFiles.replaceAtomically(file, o -> o.write(json));
                } else {
                    PrivateFiles.writeAtomically(file, json);
                }
            } catch (FileAlreadyExistsException e) {
                // made by someone else while the questions were answered
                throw alreadyThere(file);
            } catch (IOException e) {
                throw new TdnException(ExitCode.IO_ERR, file + ": cannot be written (" + e.getClass().getSimpleName()
                        + "); nothing was changed", e);
            }
            out.println(Printable.line("Wrote " + file + "; 'tdn session' now takes clinician " + id + " from it."));
            out.flush();
            return ExitCode.OK;
        }

        private static TdnException alreadyThere(Path file) {
            return new TdnException(ExitCode.USAGE, file + " already exists; nothing was changed."
                    + " 'tdn config show' prints it; --force replaces it.");
        }

        /** An option's value, checked as an answer would be; a bad one is a usage error. */
        private <T> T given(String value, String option, Function<String, T> parse) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
            }
        }

        static String clinicianId(String s) {
            if (s.isEmpty() || s.length() > MAX_ID || hasControl(s)) {
                throw new IllegalArgumentException("a clinician id is 1-" + MAX_ID + " printable characters");
            }
            return s;
        }

        /** Free text up to {@code max} characters; empty means none. */
        static Function<String, String> text(String what, int max) {
            return s -> {
                if (s.length() > max || hasControl(s)) {
                    throw new IllegalArgumentException(what + " is at most " + max + " printable characters");
                }
                return s.isEmpty() ? null : s;
            };
        }

        /** A size above 0 and at most {@code max}; a decimal comma is taken as a point. */
        static Function<String, Double> millimetres(String what, double max, String example) {
            return s -> {
                double mm;
                try {
                    mm = Double.parseDouble(s.replace(',', '.'));
                } catch (NumberFormatException e) {
                    mm = Double.NaN;
                }
                if (!(mm > 0 && mm <= max) || !s.matches("[0-9]*[.,]?[0-9]+")) {
                    throw new IllegalArgumentException("the " + what + " is a number of mm above 0 and at most "
                            + number(max) + ", such as " + example);
                }
                return mm;
            };
        }

        static String system(String s) {
            if (s.isEmpty()) {
                return null;
            }
            if (!IdentifierSystems.isSystem(s)) {
                throw new IllegalArgumentException("an identifier system is an absolute URI, such as"
                        + " urn:oid:2.16.840.1.113883.19.5 or http://hl7.org/fhir/sid/us-npi");
            }
            return s;
        }

        private static boolean hasControl(String s) {
            return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        }

        static String number(double mm) {
            return new BigDecimal(Double.toString(mm)).stripTrailingZeros().toPlainString();
        }

        /** 30, not 30.0: as a person would write it. */
        private static void size(ObjectNode node, String field, double mm) {
            if (mm == Math.rint(mm)) {
                node.put(field, (long) mm);
            } else {
                node.put(field, mm);
            }
        }

        /** The file as Config.load reads it; what was left empty is left out. */
        static byte[] json(String id, String name, String credentials, String protocol, double length, double gauge,
                String patientSystem, String clinicianSystem) {
            JsonMapper mapper = JsonMapper.shared();
            ObjectNode root = mapper.createObjectNode();
            ObjectNode clinician = root.putObject("clinician").put("id", id);
            if (name != null) {
                clinician.put("name", name);
            }
            if (credentials != null) {
                clinician.put("credentials", credentials);
            }
            root.put("protocol", protocol);
            ObjectNode needle = root.putObject("needle");
            size(needle, "lengthMm", length);
            size(needle, "gaugeMm", gauge);
            if (patientSystem != null || clinicianSystem != null) {
                ObjectNode fhir = root.putObject("fhir");
                if (patientSystem != null) {
                    fhir.put("patientSystem", patientSystem);
                }
                if (clinicianSystem != null) {
                    fhir.put("clinicianSystem", clinicianSystem);
                }
            }
            return (mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A protocol that loads, and how the config names it: a name as given, a file by its absolute path. */
    record Chosen(Protocol protocol, String stored) {
        static Chosen load(ProtocolCatalog catalog, String nameOrFile) throws ProtocolException {
            Protocol p = catalog.load(nameOrFile);
            boolean path = nameOrFile.contains("/") || nameOrFile.endsWith(".json");
            // a session may start in any folder: a relative path would lead elsewhere there
            return new Chosen(p, path ? Path.of(nameOrFile).toAbsolutePath().normalize().toString() : nameOrFile);
        }
    }

    /**
     * One plain line per question, the answer on the next, as a pipe or a person gives them. A
     * wrong answer says why and asks again; the end of input takes the defaults from there on.
     * With no input at all (--yes) nothing is asked.
     */
    static final class Questions {
        private final BufferedReader in;
        private final PrintWriter out;
        private boolean ended;

        Questions(BufferedReader in, PrintWriter out) {
            this.in = in;
            this.out = out;
            this.ended = in == null;
        }

        /** The answer, re-asked while blank or wrong; null if input ends first. */
        <T> T required(String question, Function<String, T> parse) {
            while (true) {
                String line = line(question);
                if (line == null) {
                    return null;
                }
                if (line.isEmpty()) {
                    out.println("An answer is required.");
                    continue;
                }
                try {
                    return parse.apply(line);
                } catch (IllegalArgumentException e) {
                    out.println("Not taken: " + Printable.line(e.getMessage()) + ".");
                }
            }
        }

        /** The answer, or {@code dflt} on Enter or once input has ended; re-asked while wrong. */
        <T> T optional(String question, T dflt, Function<String, T> parse) {
            while (true) {
                String line = line(question);
                if (line == null || line.isEmpty()) {
                    return dflt;
                }
                try {
                    return parse.apply(line);
                } catch (IllegalArgumentException e) {
                    out.println("Not taken: " + Printable.line(e.getMessage()) + ".");
                }
            }
        }

        private String line(String question) {
            if (ended) {
                return null;
            }
            out.println(question);
            out.flush();
            try {
                String line = in.readLine();
                if (line == null) {
                    ended = true;
                    return null;
                }
                return line.strip();
            } catch (IOException e) {
                ended = true;
                return null;
            }
        }
    }

    @Command(name = "show",
            mixinStandardHelpOptions = true,
            description = "Print where the config file is and what it says, and check that tdn can use it.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  tdn config show",
                "  TDN_HOME=/srv/room-2 tdn config show"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:printed, or there is no config file (then tdn uses no defaults)",
                "65:the config file is not valid (what is wrong is on stderr)",
                "74:the config file cannot be read"})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws TdnException {
            PrintWriter out = spec.commandLine().getOut();
            Path file = TdnHome.places().configFile();
            if (!Files.exists(file)) {
                out.println(Printable.line("No config file: " + file + " ('tdn config init' makes one)."));
                out.flush();
                return ExitCode.OK;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new TdnException(ExitCode.IO_ERR, file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
            }
            out.println(Printable.line("Config file: " + file));
            // shown as text, but it is a file anyone could have edited: what a terminal would obey
            // is made printable (a tab, JSON's whitespace, as spaces; in a string it is invalid anyway)
            String text = Printable.lines(new String(bytes, StandardCharsets.UTF_8).replace("\t", "    "));
            out.print(text);
            if (!text.endsWith("\n")) {
                out.println();
            }
            out.flush();
            // printed first, so what is wrong can be found in it
            Config.load(file);
            return ExitCode.OK;
        }
    }
}
