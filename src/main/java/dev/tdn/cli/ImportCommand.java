package dev.tdn.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tdn.Printable;
import dev.tdn.record.RecordValidator;
import dev.tdn.store.ImportReport;
import dev.tdn.store.Importer;
import dev.tdn.store.SessionStore;
import dev.tdn.store.AuditAction;
import dev.tdn.store.StoreAddress;
import dev.tdn.store.StoreException;
import dev.tdn.store.StoreOpening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import session records into the clinic store, as a script or cron job would.",
            "Every record is validated like 'tdn validate'. Valid records are committed even when others"
                    + " are rejected; a rejected record writes nothing. Importing the same record again is"
                    + " reported as already present; another record with the same id is a conflict unless"
                    + " --replace. A record whose stored session is damaged is refused (damaged-in-store): tdn store"
                    + " repair puts it back. Training records are refused unless --allow-training.",
            "--json prints {dryRun, imported, alreadyPresent, replaced, rejected, problems: [{file, line, column,"
                    + " path, rule, message}], missing, unreadable: [{file, reason}], storeFailure (if any), exitCode}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:every record imported or already present",
            "65:some records were rejected (invalid, conflicting, damaged in the store or training); the rest were imported",
            "66:an input is missing or unreadable",
            "74:the store or an input failed; records committed before the failure stay"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn import ~/.local/share/tdn/sessions/",
            "  tdn import --json /srv/rooms/*/sessions/ > import-report.json",
            "  cat batch.ndjson | tdn import -",
            "  tdn import --dry-run records/"})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Records (.json), NDJSON (.ndjson), directories (searched), or - for standard input.")
    List<String> inputs;

    @Option(names = "--dry-run", description = "Check everything and report, but write nothing.")
    boolean dryRun;

    @Option(names = "--replace", description = "Replace a stored record that has the same id but other content.")
    boolean replace;

    @Option(names = "--allow-training", description = "Import training records (made on a scaled clock).")
    boolean allowTraining;

    @Mixin
    JsonOutput json;

    /** The report as --json gives it. */
    record Json(boolean dryRun, int imported, int alreadyPresent, int replaced, int rejected, int notWritten,
            List<JsonOutput.ProblemJson> problems, List<JsonOutput.InputJson> missing,
            List<JsonOutput.InputJson> unreadable,
            @JsonInclude(JsonInclude.Include.NON_NULL) String storeFailure, int exitCode) {
        static Json of(ImportReport r, boolean dryRun) {
            return new Json(dryRun, r.imported(), r.alreadyPresent(), r.replaced(), r.rejectedRecords(), r.notWritten(),
                    JsonOutput.ProblemJson.of(r.problems()), inputs(r.missing()), inputs(r.unreadable()),
                    r.storeFailure(), r.exitCode());
        }

        private static List<JsonOutput.InputJson> inputs(List<ImportReport.InputFailure> failures) {
            return failures.stream().map(f -> new JsonOutput.InputJson(f.source(), f.reason())).toList();
        }
    }

    @Override
    public Integer call() throws dev.tdn.TdnException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String url = root.storeUrl();
        ImportReport report;
        // progress only for a person watching a terminal, the same decision as the live screen's
        boolean terminal = dev.tdn.console.Consoles.interactive();
        StoreAddress address = StoreAddress.parse(url);
        // a dry run against a store that does not exist must not create it, nor change its schema
        AuditAction as = AuditedAs.command(spec, root);
        StoreOpening opening = StoreOpening.start(() -> dryRun ? existingOrNone(address, as) : address.open(as));
        try {
            if (inputs.contains("-")) {
                // standard input may be a person typing: a store that will not open says so first
                opening.store();
            }
            report = Importer.run(inputs, root.stdin(), RecordValidator.load(), opening,
                    new Importer.Options(replace, allowTraining, dryRun, Importer.BATCH_SIZE), new Progress(err, terminal));
            // a store that would not open fails the import whether or not a record got that far
            opening.store();
        } catch (Importer.NotOpened e) {
            throw e.failure();
        } finally {
            closeQuietly(opening.opened());
        }
        if (report.records() >= 1000 && terminal) {
            err.println();
        }
        if (json.on()) {
            json.print(out, Json.of(report, dryRun));
        } else {
            report.problems().forEach(p -> out.println(p.format()));
            // a file's name is the clinic's, and may hold anything a file system allows
            report.missing().forEach(m -> err.println("tdn import: " + Printable.line(m.source() + ": " + m.reason())));
            report.unreadable().forEach(m -> err.println("tdn import: " + Printable.line(m.source() + ": " + m.reason())));
            if (report.storeFailure() != null) {
                err.println("tdn import: " + Printable.line(report.storeFailure()));
            }
            if (report.notWritten() > 0) {
                err.println("tdn import: " + report.notWritten() + " valid record(s) were not written: the store failed"
                        + " before their batch was committed; run the import again once it is fixed");
            }
            err.println((dryRun ? "dry run, nothing written: " : "") + report.imported() + " imported, "
                    + report.alreadyPresent() + " already present, " + report.replaced() + " replaced, "
                    + report.rejectedRecords() + " rejected");
        }
        out.flush();
        err.flush();
        return report.exitCode();
    }

    private static SessionStore existingOrNone(StoreAddress address, AuditAction as) throws StoreException {
        try {
            return address.openExisting(as);
        } catch (dev.tdn.store.NoStore none) {
            return null;
        }
    }

    private static void closeQuietly(SessionStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (StoreException ignored) {
                // nothing left to lose: every batch was committed or rolled back
            }
        }
    }

    /** A count on stderr every thousand records, only when a person is watching a terminal. */
    private static final class Progress implements java.util.function.IntConsumer {
        private final PrintWriter err;
        private final boolean terminal;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void accept(int records) {
            if (terminal && records >= 1000) {
                err.print("\rimporting: " + records + " records");
                err.flush();
            }
        }
    }
}
