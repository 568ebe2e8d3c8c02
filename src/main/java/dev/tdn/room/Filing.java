package dev.tdn.room;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import dev.tdn.ExitCode;
import dev.tdn.Printable;
import dev.tdn.console.Wrap;
import dev.tdn.journal.JournaledSession;
import dev.tdn.record.RecordFile;
import dev.tdn.record.SessionRecord;

/**
 * Files a session's record once, whichever way the session ended (its last answer, an abort, a
 * Ctrl-C on another thread): the record written, summed up, imported into the clinic store, and
 * only then the journal retired, so a kill at any point leaves the journal to recover from.
 */
final class Filing {

    private final JournaledSession run;
    private final Path records;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean handout;
    private final String storeUrl;
    private final dev.tdn.store.AuditAction auditAs;
    private Integer result;
    /** The terminal's width after a live screen, to wrap the summary at; 0 in plain lines, never wrapped. */
    private int width;

    /** {@code storeUrl} null: the record is not imported. */
    Filing(JournaledSession run, Path records, PrintWriter out, PrintWriter err, boolean handout, String storeUrl,
            dev.tdn.store.AuditAction auditAs) {
        this.auditAs = auditAs;
        this.run = run;
        this.records = records;
        this.out = out;
        this.err = err;
        this.handout = handout;
        this.storeUrl = storeUrl;
    }

    void wrapAt(int columns) {
        width = columns;
    }

    private String wrapped(String text) {
        return width <= 0 ? text : Wrap.paragraphs(text, width - 1);
    }

    /** {@link ExitCode#OK}, or {@link ExitCode#IO_ERR} when the record could not be written (the journal keeps it). */
    synchronized int file() {
        if (result != null) {
            return result;
        }
        SessionRecord record = run.session().record();
        Path file;
        try {
            file = RecordFile.write(records, record);
        } catch (IOException e) {
            err.println("tdn session: " + Printable.line("the record could not be written to " + records + " ("
                    + e.getClass().getSimpleName() + "). Nothing is lost: the journal " + run.journal().file()
                    + " keeps the session; run 'tdn recover --out DIR' once the problem is fixed."));
            err.flush();
            return result = ExitCode.IO_ERR;
        }
        out.println();
        out.println(wrapped(SessionSummary.of(record)));
        // imported before the journal goes: a kill in between leaves the journal, and recover
        // then finds the record already written and imports it, so it never misses the store
        new StoreImport(storeUrl, auditAs.byClinician(record.clinician().id()), "tdn session", out, err).record(file, record.training());
        try {
            run.journal().retire();
        } catch (IOException e) {
            err.println("tdn session: " + Printable.line("record written; the journal " + run.journal().file()
                    + " could not be removed (remove it by hand; 'tdn recover' would find the record already there)"));
        }
        out.println("Record: " + Printable.line(file.toString()));
        if (handout) {
            out.println();
            out.println(SessionSummary.handout(run.session().setup().protocol()));
        }
        out.flush();
        return result = ExitCode.OK;
    }
}
