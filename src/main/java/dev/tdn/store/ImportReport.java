package dev.tdn.store;

import java.util.ArrayList;
import java.util.List;

import dev.tdn.ExitCode;
import dev.tdn.json.Problem;

/** What one import did, for the summary line, the JSON report and the exit code. */
public final class ImportReport {

    public int imported;
    public int alreadyPresent;
    public int replaced;
    public final List<Problem> rejected = new ArrayList<>();
    public final List<String[]> missing = new ArrayList<>();
    public final List<String[]> unreadable = new ArrayList<>();
    public String storeFailure;

    /** Records that reached a decision (imported, present, replaced or rejected). */
    public int records() {
        return imported + alreadyPresent + replaced + rejectedRecords();
    }

    /** Rejected records; one record can have several problems. */
    public int rejectedRecords() {
        return (int) rejected.stream().map(p -> p.source() + ":" + p.line()).distinct().count();
    }

    /** The most serious outcome wins: the store failed, then a read failed, then an input was missing, then a rejection. */
    public int exitCode() {
        if (storeFailure != null || !unreadable.isEmpty()) {
            return ExitCode.IO_ERR;
        }
        if (!missing.isEmpty()) {
            return ExitCode.NO_INPUT;
        }
        return rejected.isEmpty() ? ExitCode.OK : ExitCode.DATA_ERR;
    }
}
