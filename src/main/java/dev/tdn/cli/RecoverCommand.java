package dev.tdn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tdn.ExitCode;
import dev.tdn.Places;
import dev.tdn.journal.Journal;
import dev.tdn.journal.Recovery;
import dev.tdn.record.RecordFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "recover",
        mixinStandardHelpOptions = true,
        description = {
            "Finish sessions that were interrupted (tdn killed, terminal closed, power lost).",
            "Each journal left behind is replayed into a record with status 'recovered' (or the"
                    + " session's own status if it had finished), written like any other record;"
                    + " only then is the journal removed."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn recover",
            "  tdn recover 3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44",
            "",
            "Exit codes:",
            "  0   every journal recovered (or there were none)",
            "  65  a journal could not be read at all; it is left in place",
            "  66  no journal has the given id",
            "  74  a record could not be written; its journal is left in place"})
public final class RecoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "Recover only this session.")
    String id;

    @Option(names = "--out", paramLabel = "DIR", description = "Write records here instead of the sessions folder.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Places places = TdnHome.places();
        Path records = out != null ? out : places.sessions();
        List<Path> journals = Recovery.journals(places.journal());
        if (id != null) {
            journals = journals.stream().filter(p -> p.getFileName().toString().equals(id + ".ndjson")).toList();
            if (journals.isEmpty()) {
                err.println("tdn recover: no interrupted session with id " + id + " in " + places.journal());
                return ExitCode.NO_INPUT;
            }
        }
        if (journals.isEmpty()) {
            stdout.println("No interrupted sessions.");
            return ExitCode.OK;
        }
        int exit = ExitCode.OK;
        for (Path journal : journals) {
            exit = Math.max(exit, recover(journal, records, stdout, err));
        }
        return exit;
    }

    private int recover(Path journal, Path records, PrintWriter stdout, PrintWriter err) {
        Recovery.Replayed replayed;
        try {
            replayed = Recovery.replay(journal);
        } catch (Recovery.UnreadableJournal e) {
            err.println("tdn recover: " + journal + ": " + e.getMessage() + "; left in place");
            return ExitCode.DATA_ERR;
        } catch (IOException e) {
            err.println("tdn recover: " + journal + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return ExitCode.IO_ERR;
        }
        Path target = records.resolve(RecordFile.fileName(replayed.record()));
        try {
            RecordFile.write(records, replayed.record());
        } catch (FileAlreadyExistsException e) {
            // the session wrote its record and stopped before removing the journal
            if (!sameRecord(target, replayed)) {
                err.println("tdn recover: " + target + " exists and differs from its journal; both are left in place");
                return ExitCode.DATA_ERR;
            }
        } catch (IOException e) {
            err.println("tdn recover: " + target + ": cannot be written (" + e.getClass().getSimpleName()
                    + "); the journal is left in place");
            return ExitCode.IO_ERR;
        }
        try {
            Journal.retire(journal);
        } catch (IOException e) {
            err.println("tdn recover: " + journal + ": record written, but the journal could not be removed");
            return ExitCode.IO_ERR;
        }
        stdout.println("Recovered " + target + " (" + replayed.record().status().json() + ", "
                + replayed.inputs() + " inputs replayed" + (replayed.note() == null ? "" : "; " + replayed.note()) + ")");
        return ExitCode.OK;
    }

    private static boolean sameRecord(Path target, Recovery.Replayed replayed) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(target), RecordFile.bytes(replayed.record()));
        } catch (IOException e) {
            return false;
        }
    }
}
