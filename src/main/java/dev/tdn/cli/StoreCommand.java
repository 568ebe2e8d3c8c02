package dev.tdn.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tdn.ExitCode;
import dev.tdn.Printable;
import dev.tdn.record.RecordValidator;
import dev.tdn.store.DamagedSession;
import dev.tdn.store.ImportReport;
import dev.tdn.store.Importer;
import dev.tdn.store.Overwrite;
import dev.tdn.store.SessionStore;
import dev.tdn.store.StoreAddress;
import dev.tdn.store.StoreCheck;
import dev.tdn.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "store",
        mixinStandardHelpOptions = true,
        description = {
            "Look after the clinic store itself.",
            "Every stored record keeps the hash of its bytes taken at import. A record whose bytes no longer"
                    + " match (edited in the store, or damaged on disk) is a damaged session: export, report and"
                    + " show leave it out, name its id and exit 74. check lists them; repair puts each back from"
                    + " its record file."},
        subcommands = {StoreCommand.Migrate.class, StoreCommand.Copy.class, StoreCommand.Check.class,
            StoreCommand.Repair.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn store migrate",
            "  tdn store copy --to 'jdbc:postgresql://db.clinic.example/tdn?user=tdn_room'",
            "  tdn store check",
            "  tdn store repair ~/.local/share/tdn/sessions/",
            "",
            "Exit codes: see each subcommand."})
public final class StoreCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: migrate, copy, check or repair");
    }

    @Command(name = "migrate",
            mixinStandardHelpOptions = true,
            description = {
                "Bring the store's schema to this tdn's version, creating the store if it is missing. A command that"
                        + " writes (an import, a session's end) does the same on first use; a command that only reads"
                        + " never does, and says a store is older than this tdn until it is migrated. On PostgreSQL, run"
                        + " it as the role that owns the tables (examples/postgres).",
                "Each version's change is one transaction: a failure leaves the store at the version it was."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:the store is at this tdn's version (it was already, or it is now)",
                "74:the store cannot be reached or changed, or it was made by a newer tdn (left untouched)"},
            footerHeading = "%nExamples:%n",
            footer = {
                "  tdn store migrate",
                "  tdn --store 'jdbc:postgresql://db.clinic.example/tdn?user=tdn_owner' store migrate"})
    static final class Migrate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        StoreCommand parent;

        @Override
        public Integer call() throws dev.tdn.TdnException {
            StoreAddress address = StoreAddress.parse(parent.root.storeUrl());
            StoreAddress.Migration done = address.migrate();
            PrintWriter out = spec.commandLine().getOut();
            if (done.from() == done.to()) {
                out.println("The store " + Printable.line(address.shown()) + " is at schema version " + done.to()
                        + " already.");
            } else if (done.from() == 0) {
                out.println("Created the store " + Printable.line(address.shown()) + " at schema version "
                        + done.to() + ".");
            } else {
                out.println("The store " + Printable.line(address.shown()) + " was at schema version "
                        + done.from() + "; it is now at " + done.to() + ".");
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "copy",
            mixinStandardHelpOptions = true,
            description = {
                "Copy every session of this store (--store, usually a room's SQLite file) into another store (--to,"
                        + " usually the clinic's PostgreSQL): each record byte for byte, training ones too, through the"
                        + " destination's import checks, in batches of 500. Nothing in this store changes.",
                "Safe to run again and to resume: a session already there is counted, not copied twice, and an"
                        + " interrupted copy keeps every batch it committed. A session whose id is taken there by"
                        + " other content is a conflict: named by id, left as it is, and the rest copied. A damaged"
                        + " session here is named and not copied (tdn store repair first).",
                "--json prints {copied, alreadyPresent, conflicts: [id], damagedThere: [id], damagedHere: [id],"
                        + " exitCode}."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:every session copied or already there",
                "65:some sessions conflict with other content there (each named); the rest were copied",
                "66:there is no store to copy from",
                "74:a store failed (what was committed stays), or a session here or there is damaged"},
            footerHeading = "%nExamples:%n",
            footer = {
                "  tdn store copy --to 'jdbc:postgresql://db.clinic.example/tdn?user=tdn_room&sslmode=verify-full'",
                "  tdn --store jdbc:sqlite:room-2.db store copy --to jdbc:sqlite:clinic.db --json"})
    static final class Copy implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        StoreCommand parent;

        @Option(names = "--to", required = true, paramLabel = "URL",
                description = "The store to copy into: jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB, never"
                        + " with a password.")
        String to;

        @Mixin
        JsonOutput json;

        record Json(int copied, int alreadyPresent, List<String> conflicts, List<String> damagedThere,
                List<String> damagedHere, int exitCode) {
        }

        @Override
        public Integer call() throws dev.tdn.TdnException, java.io.IOException {
            StoreAddress from = StoreAddress.parse(parent.root.storeUrl());
            StoreAddress into = StoreAddress.parse(to);
            if (from.shown().equals(into.shown())) {
                throw new ParameterException(spec.commandLine(), "--to names the store being copied from");
            }
            dev.tdn.store.AuditAction as = AuditedAs.command(spec, parent.root);
            dev.tdn.store.StoreCopy.Copied done;
            try (SessionStore source = from.openExisting(as); SessionStore destination = into.open(as)) {
                done = dev.tdn.store.StoreCopy.run(source, destination, dev.tdn.store.StoreCopy.BATCH_SIZE);
            }
            int exit = !done.damagedHere().isEmpty() || !done.damagedThere().isEmpty() ? ExitCode.IO_ERR
                    : !done.conflicts().isEmpty() ? ExitCode.DATA_ERR : ExitCode.OK;
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (json.on()) {
                json.print(out, new Json(done.copied(), done.alreadyPresent(), done.conflicts(), done.damagedThere(),
                        done.damagedHere().stream().map(DamagedSession::id).toList(), exit));
            } else {
                done.conflicts().forEach(id -> err.println("tdn store copy: session " + Printable.line(id)
                        + " is in " + Printable.line(into.shown()) + " with other content: not copied [conflict]"));
                done.damagedThere().forEach(id -> err.println("tdn store copy: session " + Printable.line(id)
                        + " is damaged in " + Printable.line(into.shown()) + ": not copied; see tdn store check there"));
                done.damagedHere().forEach(d -> err.println("tdn store copy: session " + d.id()
                        + " is damaged here: not copied; tdn store repair puts it back from " + d.recordFile()));
                err.println(done.copied() + " copied, " + done.alreadyPresent() + " already present, "
                        + done.conflicts().size() + " conflict(s), "
                        + (done.damagedHere().size() + done.damagedThere().size()) + " damaged");
            }
            out.flush();
            err.flush();
            return exit;
        }
    }

    @Command(name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Check every stored record, training ones too, against the hash of its bytes taken at import, and"
                        + " that it still reads as a record. Each damaged session is listed by its id, its row in"
                        + " the store and the name of its record file; nothing of its content is shown.",
                "--json prints {checked, damaged: [{id, row, recordFile}], exitCode}."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:every stored record is intact",
                "66:there is no store (nothing imported yet, or a mistyped --store)",
                "74:a stored session is damaged (each is listed), or the store cannot be read"},
            footerHeading = "%nExamples:%n",
            footer = {
                "  tdn store check",
                "  tdn store check --json"})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        StoreCommand parent;

        @Mixin
        JsonOutput json;

        /** A damaged session as --json gives it. */
        record DamagedJson(String id, long row, String recordFile) {
        }

        /** The check as --json gives it. */
        record Json(int checked, List<DamagedJson> damaged, int exitCode) {
        }

        @Override
        public Integer call() throws dev.tdn.TdnException {
            StoreCheck check;
            try (SessionStore store = StoreAddress.parse(parent.root.storeUrl()).openExisting(AuditedAs.command(spec, parent.root))) {
                check = store.check();
            }
            int exit = check.damaged().isEmpty() ? ExitCode.OK : ExitCode.IO_ERR;
            PrintWriter out = spec.commandLine().getOut();
            if (json.on()) {
                json.print(out, new Json(check.checked(), check.damaged().stream()
                        .map(d -> new DamagedJson(d.id(), d.row(), d.recordFile())).toList(), exit));
            } else {
                out.println(check.checked() + " stored session(s) checked: "
                        + (check.damaged().isEmpty() ? "none damaged" : check.damaged().size() + " damaged"));
                for (DamagedSession d : check.damaged()) {
                    out.println("damaged  " + d.id() + "  row " + d.row() + "  record file " + d.recordFile());
                }
                if (!check.damaged().isEmpty()) {
                    spec.commandLine().getErr().println("tdn store check: put each damaged session back from its"
                            + " record file: tdn store repair FILE|DIR (a folder, such as the sessions folder, is searched)");
                }
            }
            out.flush();
            spec.commandLine().getErr().flush();
            return exit;
        }
    }

    @Command(name = "repair",
            mixinStandardHelpOptions = true,
            description = {
                "Put damaged sessions back from their record files. The inputs are read as tdn import reads them"
                        + " (.json, .ndjson, folders searched, - for standard input) and checked as tdn validate"
                        + " checks them. A valid record whose stored session is damaged replaces it; all of them in"
                        + " one transaction, so a failure changes nothing. A record whose stored session is intact"
                        + " is left alone (--force replaces one with other content), and one that is not in the"
                        + " store is not added (tdn import adds it). Training records need --allow-training.",
                "--json prints {repaired, alreadyIntact, replaced, leftAlone, notStored, rejected, notWritten,"
                        + " problems: [{file, line, column, path, rule, message}], missing, unreadable: [{file, reason}],"
                        + " storeFailure (if any), stillDamaged (unless the store failed), exitCode}."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:every record was put back, already intact, left alone or not in the store",
                "65:some records were rejected (invalid or training); nothing else changed for them",
                "66:an input is missing or unreadable, or there is no store",
                "74:the store or an input failed; nothing was repaired"},
            footerHeading = "%nExamples:%n",
            footer = {
                "  tdn store repair examples/sessions/",
                "  tdn store repair --json examples/sessions/ > repair-report.json"})
    static final class Repair implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        StoreCommand parent;

        @Parameters(arity = "1..*", paramLabel = "FILE",
                description = "Records (.json), NDJSON (.ndjson), directories (searched), or - for standard input.")
        List<String> inputs;

        @Option(names = "--force", description = "Also replace an intact stored session that has other content.")
        boolean force;

        @Option(names = "--allow-training", description = "Repair from training records (made on a scaled clock).")
        boolean allowTraining;

        @Mixin
        JsonOutput json;

        /** The repair as --json gives it. */
        record Json(int repaired, int alreadyIntact, int replaced, int leftAlone, int notStored, int rejected,
                int notWritten, List<JsonOutput.ProblemJson> problems, List<JsonOutput.InputJson> missing,
                List<JsonOutput.InputJson> unreadable,
                @JsonInclude(JsonInclude.Include.NON_NULL) String storeFailure,
                @JsonInclude(JsonInclude.Include.NON_NULL) Integer stillDamaged, int exitCode) {
            static Json of(ImportReport r, Integer stillDamaged) {
                return new Json(r.repaired(), r.alreadyPresent(), r.replaced(), r.leftAlone(), r.notStored(),
                        r.rejectedRecords(), r.notWritten(), JsonOutput.ProblemJson.of(r.problems()),
                        inputs(r.missing()), inputs(r.unreadable()), r.storeFailure(), stillDamaged, r.exitCode());
            }

            private static List<JsonOutput.InputJson> inputs(List<ImportReport.InputFailure> failures) {
                return failures.stream().map(f -> new JsonOutput.InputJson(f.source(), f.reason())).toList();
            }
        }

        @Override
        public Integer call() throws dev.tdn.TdnException {
            ImportReport report;
            // unknown (null) when the store failed: the report of what failed matters more than a count
            Integer stillDamaged = null;
            try (SessionStore store = StoreAddress.parse(parent.root.storeUrl()).openExisting(AuditedAs.command(spec, parent.root))) {
                // one transaction for the whole repair: it lands whole or not at all
                report = Importer.run(inputs, parent.root.stdin(), RecordValidator.load(), store,
                        new Importer.Options(force ? Overwrite.DAMAGED_OR_OTHER_CONTENT : Overwrite.DAMAGED,
                                allowTraining, false, Integer.MAX_VALUE), n -> { });
                if (report.storeFailure() == null) {
                    stillDamaged = store.check().damaged().size();
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (json.on()) {
                json.print(out, Json.of(report, stillDamaged));
            } else {
                report.problems().forEach(p -> out.println(p.format()));
                report.missing().forEach(m -> err.println("tdn store repair: " + m.source() + ": " + m.reason()));
                report.unreadable().forEach(m -> err.println("tdn store repair: " + m.source() + ": " + m.reason()));
                if (report.storeFailure() != null) {
                    err.println("tdn store repair: " + report.storeFailure() + "; nothing was repaired");
                }
                if (report.leftAlone() > 0) {
                    err.println("tdn store repair: " + report.leftAlone() + " record(s) left alone: the stored session"
                            + " is intact with other content (--force replaces it)");
                }
                if (report.notStored() > 0) {
                    err.println("tdn store repair: " + report.notStored() + " record(s) not in the store, not added"
                            + " (tdn import adds them)");
                }
                err.println(report.repaired() + " repaired, " + report.alreadyPresent() + " already intact, "
                        + report.replaced() + " replaced, " + report.leftAlone() + " left alone, " + report.notStored()
                        + " not in the store, " + report.rejectedRecords() + " rejected");
                if (stillDamaged != null && stillDamaged > 0) {
                    err.println("tdn store repair: " + stillDamaged + " damaged session(s) still in the store;"
                            + " see 'tdn store check'");
                }
            }
            out.flush();
            err.flush();
            return report.exitCode();
        }
    }
}
