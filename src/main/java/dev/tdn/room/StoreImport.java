package dev.tdn.room;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import dev.tdn.ExitCode;
import dev.tdn.Printable;
import dev.tdn.record.RecordValidator;
import dev.tdn.store.ImportReport;
import dev.tdn.store.Importer;
import dev.tdn.store.SessionStore;
import dev.tdn.store.AuditAction;
import dev.tdn.store.StoreAddress;
import dev.tdn.store.StoreException;

/**
 * A record just written goes into the clinic store the way {@code tdn import FILE} would take it:
 * the same checks, and training records stay out. The record file is already safe, so a store
 * that fails costs nothing but a later import: it warns, says how, and does not fail the command.
 */
public final class StoreImport {

    private final String storeUrl;
    private final AuditAction auditAs;
    private final String command;
    private final PrintWriter out;
    private final PrintWriter err;
    private RecordValidator validator;

    /** {@code storeUrl} null means --no-import: nothing is imported and nothing said. */
    public StoreImport(String storeUrl, AuditAction auditAs, String command, PrintWriter out, PrintWriter err) {
        this.storeUrl = storeUrl;
        this.auditAs = auditAs;
        this.command = command;
        this.out = out;
        this.err = err;
    }

    /** Imports {@code file}, the record {@code training} says whether it was made on a scaled clock. */
    public void record(Path file, boolean training) {
        if (storeUrl == null) {
            return;
        }
        if (training) {
            out.println("Training session: not imported into the clinic store (tdn import --allow-training would).");
            return;
        }
        String failure;
        try (SessionStore store = StoreAddress.parse(storeUrl).open(auditAs)) {
            if (validator == null) {
                validator = RecordValidator.load();
            }
            ImportReport report = Importer.run(List.of(file.toString()), InputStream.nullInputStream(), validator,
                    store, new Importer.Options(false, false, false, 1), n -> { });
            failure = report.exitCode() == ExitCode.OK ? null
                    : report.storeFailure() != null ? report.storeFailure() : "the store refused it";
        } catch (StoreException e) {
            failure = e.getMessage();
        }
        if (failure == null) {
            out.println("Imported into the clinic store.");
        } else {
            err.println(command + ": " + Printable.line("the record is safe in " + file + " but was not imported (" + failure
                    + "); import it later with: tdn import " + file));
        }
    }
}
