package dev.tdn.store;

import java.util.ArrayList;
import java.util.List;

import dev.tdn.ExitCode;
import dev.tdn.json.Problem;

/** What one import did, for the summary line, the JSON report and the exit code. */
public final class ImportReport {

    /** An input that could not be used, and why; never any of its content. */
    public record InputFailure(String source, String reason) {
    }

    private int imported;
    private int alreadyPresent;
    private int replaced;
    private int repaired;
    private int leftAlone;
    private int notStored;
    // placed in the open transaction, not yet committed: a failed commit takes them back
    private int pendingImported;
    private int pendingPresent;
    private int pendingReplaced;
    private int pendingRepaired;
    private int pendingLeftAlone;
    private int pendingNotStored;
    private int notWritten;
    private int rejectedRecords;
    private final List<Problem> problems = new ArrayList<>();
    private final List<InputFailure> missing = new ArrayList<>();
    private final List<InputFailure> unreadable = new ArrayList<>();
    private String storeFailure;

    void placed(Placement placement) {
        switch (placement) {
            case IMPORTED -> pendingImported++;
            case ALREADY_PRESENT -> pendingPresent++;
            case REPLACED -> pendingReplaced++;
            case REPAIRED -> pendingRepaired++;
            case LEFT_ALONE -> pendingLeftAlone++;
            case NOT_STORED -> pendingNotStored++;
            case CONFLICT, DAMAGED_IN_STORE ->
                throw new IllegalArgumentException("a conflict or a damaged stored session is a rejection, with its problem");
        }
    }

    /** One record refused, with every problem found in it. */
    void rejected(List<Problem> problemsOfOneRecord) {
        rejectedRecords++;
        problems.addAll(problemsOfOneRecord);
    }

    /** The open transaction was committed (or, in a dry run, would have been): what it placed counts. */
    void committed() {
        imported += pendingImported;
        alreadyPresent += pendingPresent;
        replaced += pendingReplaced;
        repaired += pendingRepaired;
        leftAlone += pendingLeftAlone;
        notStored += pendingNotStored;
        clearPending();
    }

    private void clearPending() {
        pendingImported = 0;
        pendingPresent = 0;
        pendingReplaced = 0;
        pendingRepaired = 0;
        pendingLeftAlone = 0;
        pendingNotStored = 0;
    }

    /** The open transaction was rolled back: nothing it placed is in the store. */
    void rolledBack() {
        notWritten += pendingImported + pendingPresent + pendingReplaced + pendingRepaired + pendingLeftAlone
                + pendingNotStored;
        clearPending();
    }

    void missing(String source, String reason) {
        missing.add(new InputFailure(source, reason));
    }

    void unreadable(String source, String reason) {
        unreadable.add(new InputFailure(source, reason));
    }

    void storeFailed(String message) {
        storeFailure = message;
    }

    public int imported() {
        return imported;
    }

    public int alreadyPresent() {
        return alreadyPresent;
    }

    public int replaced() {
        return replaced;
    }

    /** Repair: damaged stored sessions replaced by their record. */
    public int repaired() {
        return repaired;
    }

    /** Repair: records whose stored session is intact with other content, left alone (no --force). */
    public int leftAlone() {
        return leftAlone;
    }

    /** Repair: records with no session in the store; repair adds none. */
    public int notStored() {
        return notStored;
    }

    /** Valid records that were not written because the store failed before their batch was committed. */
    public int notWritten() {
        return notWritten;
    }

    /** Rejected records; one record can have several problems. */
    public int rejectedRecords() {
        return rejectedRecords;
    }

    /** The problems of every rejected record, in input order. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public List<InputFailure> missing() {
        return List.copyOf(missing);
    }

    public List<InputFailure> unreadable() {
        return List.copyOf(unreadable);
    }

    /** Why the store stopped the import, or null when it did not. */
    public String storeFailure() {
        return storeFailure;
    }

    /** Records that reached a decision (imported, present, replaced, repaired, left alone, not stored or rejected). */
    public int records() {
        return imported + alreadyPresent + replaced + repaired + leftAlone + notStored + pendingImported
                + pendingPresent + pendingReplaced + pendingRepaired + pendingLeftAlone + pendingNotStored
                + rejectedRecords + notWritten;
    }

    /** The most serious outcome wins: the store failed, then a read failed, then an input was missing, then a rejection. */
    public int exitCode() {
        if (storeFailure != null || !unreadable.isEmpty()) {
            return ExitCode.IO_ERR;
        }
        if (!missing.isEmpty()) {
            return ExitCode.NO_INPUT;
        }
        return rejectedRecords == 0 ? ExitCode.OK : ExitCode.DATA_ERR;
    }
}
