package dev.tdn.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import dev.tdn.ExitCode;
import dev.tdn.TdnException;
import dev.tdn.session.Input;
import dev.tdn.session.Outcome;
import dev.tdn.session.Ticker;

/**
 * An interrupted session taken up again from its journal ({@code tdn session --resume}): every
 * journaled input replayed at its instant, then the clock going on from the last one plus the
 * outage. The outage cannot be measured (the monotonic clock died with the process), so it is
 * estimated from the wall clock and recorded as such: a timer that ran across it says which part
 * of its duration was estimated.
 */
public final class Resumption {

    /** Why a session cannot be resumed, with the exit code that says so. */
    public static final class CannotResume extends TdnException {
        CannotResume(int exitCode, String message) {
            super(exitCode, message);
        }
    }

    private Resumption() {
    }

    /**
     * Opens the journal of session {@code id} (or the only one waiting, when {@code id} is
     * blank), replays it, and journals the resumption. {@code clock} (at the session's own pace,
     * scaled for a training session) drives it from now on; {@code wall} estimates the outage.
     */
    public static JournaledSession open(Path journalDir, String id, Ticker clock, Clock wall)
            throws IOException, CannotResume {
        Path file = find(journalDir, id);
        Recovery.ReplayTicker ticker = new Recovery.ReplayTicker();
        Recovery.Reopened reopened;
        try {
            reopened = Recovery.reopen(file, ticker);
        } catch (Recovery.UnreadableJournal e) {
            throw new CannotResume(ExitCode.DATA_ERR, file + ": " + e.getMessage() + "; run 'tdn recover'");
        }
        if (!reopened.replayed().wholeJournalUsed()) {
            throw new CannotResume(ExitCode.DATA_ERR, file + ": " + reopened.replayed().note()
                    + "; it cannot be resumed: run 'tdn recover' to write what it holds");
        }
        if (reopened.session().ended()) {
            throw new CannotResume(ExitCode.DATA_ERR, file + ": this session had ended; run 'tdn recover' to write its"
                    + " record");
        }
        long last = reopened.lastInstant();
        double scale = reopened.header().scale();
        // session time runs `scale` times faster than the wall clock in training
        OffsetDateTime lastAt = reopened.header().startedAt().plusNanos((long) (last / scale));
        Duration gap = Duration.between(lastAt, OffsetDateTime.now(wall));
        Long outage = gap.isNegative() ? null : (long) (gap.toNanos() * scale);
        ticker.goOn(last + (outage == null ? 0 : outage), scale == 1 ? clock : Ticker.scaled(clock, scale));
        JournaledSession run = new JournaledSession(reopened.session(),
                Journal.reopen(file, reopened.lastSeq(), reopened.tornTail()));
        if (!(run.accept(new Input.SessionResumed(outage)) instanceof Outcome.Accepted)) {
            throw new CannotResume(ExitCode.DATA_ERR, file + ": the session cannot be resumed; run 'tdn recover'");
        }
        return run;
    }

    private static Path find(Path journalDir, String id) throws IOException, CannotResume {
        List<Path> waiting = Recovery.journals(journalDir);
        if (id != null && !id.isBlank()) {
            Path file = Journal.fileFor(journalDir, id.strip());
            if (!waiting.contains(file)) {
                throw new CannotResume(ExitCode.NO_INPUT, "no interrupted session with id " + id.strip() + " in "
                        + journalDir);
            }
            return file;
        }
        if (waiting.isEmpty()) {
            throw new CannotResume(ExitCode.NO_INPUT, "no interrupted session waits in " + journalDir);
        }
        if (waiting.size() > 1) {
            StringBuilder ids = new StringBuilder();
            waiting.forEach(p -> ids.append(ids.length() == 0 ? "" : ", ")
                    .append(p.getFileName().toString().replace(".ndjson", "")));
            throw new CannotResume(ExitCode.USAGE, waiting.size() + " interrupted sessions wait; resume one with"
                    + " 'tdn session --resume ID' (" + ids + ")");
        }
        return waiting.get(0);
    }
}
