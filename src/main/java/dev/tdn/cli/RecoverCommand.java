package dev.tdn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tdn.ExitCode;
import dev.tdn.Places;
import dev.tdn.Printable;
import dev.tdn.TdnException;
import dev.tdn.journal.Journal;
import dev.tdn.journal.LeftoverRecord;
import dev.tdn.journal.Recovery;
import dev.tdn.journal.SetAside;
import dev.tdn.room.SessionSummary;
import dev.tdn.room.StoreImport;
import dev.tdn.record.RecordFile;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordValidator;
import dev.tdn.record.SessionRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "recover",
        mixinStandardHelpOptions = true,
        description = {
            "Finish sessions that were interrupted (tdn killed, terminal closed, power lost).",
            "Each journal left behind is replayed into a record with status 'recovered' (or the"
                    + " session's own status if it had finished), written like any other record and"
                    + " imported into the clinic store as a finished session's is; only then is the"
                    + " journal removed. Needles never recorded as removed are named.",
            "Nothing blocks recovery and nothing is thrown away: a journal with no session in it (empty,"
                    + " or its first line cut off), or one that holds more than its record (a damaged line,"
                    + " an input that does not replay, a record tdn import would refuse), is moved to the"
                    + " journal folder's set-aside/ under its own name and a word saying why, and recovery goes on"
                    + " with the others.",
            "A record file left half-renamed (.NAME.json.UUID.tmp in the records folder) is completed if"
                    + " it is a whole, valid record, removed if its record exists, else set aside."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn recover",
            "  tdn recover 3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44",
            "  tdn recover --no-import --out /srv/records"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:nothing is left to do: every journal recovered or set aside (or there were none);"
                    + " a store that could not take a record is only a warning, the record file is safe",
            "66:no journal has the given id",
            "74:a record could not be written, or a file not moved; the journal is left in place"})
public final class RecoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "Recover only this session.")
    String id;

    @Option(names = "--out", paramLabel = "DIR", description = "Write records here instead of the sessions folder.")
    Path out;

    @Option(names = "--no-import", description = "Do not import the records into the clinic store (they are written to their files either way).")
    boolean noImport;

    private PrintWriter stdout;
    private PrintWriter err;
    private SetAside setAside;
    private StoreImport store;
    private Places places;

    @Override
    public Integer call() throws IOException, TdnException {
        stdout = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        Places places = TdnHome.places();
        Path records = out != null ? out : places.sessions();
        this.places = places;
        setAside = new SetAside(places.setAside());
        store = new StoreImport(noImport ? null : root.storeUrl(), AuditedAs.command(spec, root), "tdn recover", stdout, err);
        List<Path> journals = Recovery.journals(places.journal());
        List<LeftoverRecord> leftovers = new java.util.ArrayList<>(LeftoverRecord.in(records));
        if (out == null) {
            leftovers.addAll(LeftoverRecord.in(places.training()));
        }
        if (id != null) {
            journals = journals.stream().filter(p -> p.getFileName().toString().equals(id + ".ndjson")).toList();
            leftovers = leftovers.stream().filter(l -> l.sessionId().equals(id)).toList();
            if (journals.isEmpty() && leftovers.isEmpty()) {
                throw new TdnException(ExitCode.NO_INPUT, "no interrupted session with id " + id + " in " + places.journal());
            }
        }
        if (journals.isEmpty() && leftovers.isEmpty()) {
            stdout.println("No interrupted sessions.");
            return ExitCode.OK;
        }
        int exit = ExitCode.OK;
        for (Path journal : journals) {
            exit = Math.max(exit, recover(journal));
        }
        // after the journals: a journal just recovered has written the record a leftover would have become
        RecordValidator validator = leftovers.isEmpty() ? null : RecordValidator.load();
        for (LeftoverRecord leftover : leftovers) {
            exit = Math.max(exit, settle(leftover, places.journal(), validator));
        }
        stdout.flush();
        err.flush();
        return exit;
    }

    private int recover(Path journal) {
        Recovery.Replayed replayed;
        try {
            replayed = Recovery.replay(journal);
        } catch (Recovery.UnreadableJournal e) {
            return setAside(journal, e.why(), e.getMessage() + "; there is no session to recover");
        } catch (IOException e) {
            err.println("tdn recover: " + Printable.line(journal + ": cannot be read (" + e.getClass().getSimpleName() + ")"));
            return ExitCode.IO_ERR;
        }
        SessionRecord record = replayed.record();
        if (!replayed.problems().isEmpty()) {
            // a journal that reads but was damaged: its record would be refused by import, so none is written
            return setAside(journal, "not-importable", "the record rebuilt from it would not pass tdn import's checks ("
                    + brokenRules(replayed.problems()) + "); no record was written");
        }
        // where the session would have filed it: a training record apart from the clinical ones
        Path records = out != null ? out : places.records(record.training());
        Path target = records.resolve(RecordFile.fileName(record));
        boolean differs = false;
        try {
            RecordFile.write(records, record);
        } catch (FileAlreadyExistsException e) {
            // the session wrote its record and stopped before removing the journal
            differs = !sameRecord(target, record);
        } catch (IOException e) {
            err.println("tdn recover: " + Printable.line(target + ": cannot be written (" + e.getClass().getSimpleName()
                    + "); the journal is left in place"));
            return ExitCode.IO_ERR;
        }
        if (!differs) {
            stdout.println(Printable.line("Recovered " + target + " (" + record.status().json() + ", " + replayed.inputs()
                    + " inputs replayed" + (replayed.note() == null ? "" : "; " + replayed.note()) + ")"));
        }
        int exit;
        if (differs) {
            // the record the session wrote stands; the journal may say more, so it is kept
            exit = setAside(journal, "differs", "its record " + target + " exists and differs from it; the record is kept");
        } else if (!replayed.wholeJournalUsed()) {
            exit = setAside(journal, "partly-used", replayed.note() + "; the record " + target + " holds the lines before");
        } else {
            try {
                Journal.retire(journal);
                exit = ExitCode.OK;
            } catch (IOException e) {
                err.println("tdn recover: " + Printable.line(journal + ": record written, but the journal could not be removed"));
                exit = ExitCode.IO_ERR;
            }
        }
        if (differs) {
            // the session's own record, written before the kill, never reached the store
            store.record(target, isTraining(target));
        } else {
            finished(record, target);
        }
        return exit;
    }

    /** What a session says as it ends, said for a record recover wrote: needles left in, then the import. */
    private void finished(SessionRecord record, Path file) {
        String needles = SessionSummary.needlesNotRemoved(record);
        if (needles != null) {
            stdout.println(Printable.line(needles) + " " + SessionSummary.REMOVE_THEM);
        }
        store.record(file, record.training());
    }

    private int settle(LeftoverRecord leftover, Path journalDir, RecordValidator validator) {
        LeftoverRecord.Settled settled;
        try {
            settled = leftover.settle(journalDir, validator, setAside);
        } catch (IOException e) {
            err.println("tdn recover: " + Printable.line(leftover.temp() + ": cannot be settled (" + e.getClass().getSimpleName()
                    + "); it is left in place"));
            return ExitCode.IO_ERR;
        }
        (settled.kind() == LeftoverRecord.Kind.SET_ASIDE ? err : stdout)
                .println("tdn recover: " + Printable.line(leftover.temp() + ": " + settled.message()));
        if (settled.kind() == LeftoverRecord.Kind.COMPLETED) {
            finished(settled.record(), settled.where());
        }
        return ExitCode.OK;
    }

    /** Moves {@code file} to the set-aside folder and says so in one line naming both files. */
    private int setAside(Path file, String why, String reason) {
        try {
            Path kept = setAside.keep(file, why);
            err.println("tdn recover: " + Printable.line(file + ": " + reason + "; set aside as " + kept));
            return ExitCode.OK;
        } catch (IOException e) {
            err.println("tdn recover: " + Printable.line(file + ": " + reason + "; it could not be set aside ("
                    + e.getClass().getSimpleName() + ") and is left in place"));
            return ExitCode.IO_ERR;
        }
    }

    /** The rules a record breaks and where, as "id-uuid at $.id": never the values, which may name a patient. */
    private static String brokenRules(List<dev.tdn.json.Problem> problems) {
        java.util.StringJoiner j = new java.util.StringJoiner(", ");
        problems.stream().limit(3).forEach(p -> j.add(p.rule() + " at " + p.path()));
        if (problems.size() > 3) {
            j.add("and " + (problems.size() - 3) + " more");
        }
        return j.toString();
    }

    /** Whether a record file says {@code "training": true}; a file that does not read is left to the import's checks. */
    private static boolean isTraining(Path file) {
        try {
            return RecordJson.mapper().readTree(file.toFile()).path("training").asBoolean(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean sameRecord(Path target, SessionRecord record) {
        try {
            return Arrays.equals(Files.readAllBytes(target), RecordFile.bytes(record));
        } catch (IOException e) {
            return false;
        }
    }
}
