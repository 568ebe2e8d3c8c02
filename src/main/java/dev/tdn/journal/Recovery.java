package dev.tdn.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.tdn.json.Document;
import dev.tdn.json.LineReader;
import dev.tdn.json.Problem;
import dev.tdn.record.RecordFile;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordValidator;
import dev.tdn.record.SessionId;
import dev.tdn.record.SessionRecord;
import dev.tdn.session.Outcome;
import dev.tdn.session.Session;
import dev.tdn.session.Ticker;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * Rebuilds the record of an interrupted session by replaying its journal through the engine at
 * the journaled instants. A torn last line (the power went mid-write) is expected and skipped:
 * it was never acknowledged. Anything after a damaged line is not trusted, but it is not lost
 * either: such a journal is {@linkplain Replayed#wholeJournalUsed() not used whole}, and its
 * caller keeps it.
 */
public final class Recovery {

    /**
     * What replay made of one journal. {@code note} says what was skipped, or is null.
     * {@code wholeJournalUsed} is false when a whole line was left out of the record (damaged, or
     * an input the engine refused): the journal then holds more than the record and must be kept.
     * {@code problems} is what {@code tdn import} would refuse the record for: empty for a record
     * that may be written.
     */
    public record Replayed(Path journal, SessionRecord record, int inputs, String note, boolean wholeJournalUsed,
            List<Problem> problems) {
    }

    /**
     * A journal with no session in it: no readable header. {@code why} is a word for a file name
     * ({@code empty}, {@code no-header}); the message says it in a sentence, never with content.
     */
    public static final class UnreadableJournal extends Exception {
        private final String why;

        public UnreadableJournal(String why, String message) {
            super(message);
            this.why = why;
        }

        public String why() {
            return why;
        }
    }

    private static final ObjectReader HEADER = RecordJson.mapper().readerFor(JournalHeader.class);
    private static final ObjectReader ENTRY = RecordJson.mapper().readerFor(JournalEntry.class);
    private static final int MAX_LINE = 1024 * 1024;

    private Recovery() {
    }

    /** The journals left in {@code dir}, oldest name first. */
    public static List<Path> journals(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            // a journal whose session is running now is not interrupted: it is left alone
            return s.filter(p -> p.getFileName().toString().endsWith(".ndjson")).filter(p -> !Journal.inUse(p))
                    .sorted().toList();
        }
    }

    public static Replayed replay(Path journal) throws IOException, UnreadableJournal {
        return reopen(journal, new ReplayTicker()).replayed();
    }

    /**
     * A journal replayed into an engine whose clock, once replay is done, goes on from the last
     * journaled instant ({@code tdn session --resume}). {@code lastInstant} and {@code lastSeq}
     * are the journal's last accepted input.
     */
    public record Reopened(Replayed replayed, Session session, JournalHeader header, long lastInstant, int lastSeq,
            boolean tornTail) {
    }

    public static Reopened reopen(Path journal, ReplayTicker ticker) throws IOException, UnreadableJournal {
        try (InputStream in = Files.newInputStream(journal)) {
            LineReader lines = new LineReader(in, MAX_LINE);
            LineReader.Line first = lines.next();
            if (first == null) {
                // killed between creating the file and writing its header, or a full disk
                throw new UnreadableJournal("empty", "empty (0 bytes): the session had not begun");
            }
            JournalHeader header;
            try {
                header = first.tooLong() ? null : HEADER.readValue(first.bytes());
            } catch (JacksonException e) {
                header = null;
            }
            if (header == null) {
                throw new UnreadableJournal("no-header", "the header line is cut off or damaged: no session can be read from it");
            }
            String missing = header.missing();
            if (missing != null) {
                throw new UnreadableJournal("no-header", "the header line has no " + missing
                        + ": it is damaged, and no session can be read from it");
            }
            // the id names the record file (and a resumed journal): checked before it names anything
            String badId = SessionId.problem(header.id());
            if (badId != null) {
                throw new UnreadableJournal("no-header", "the header line's session id " + badId
                        + ": it is damaged, and no session can be read from it");
            }
            Session session = Session.resume(header.setup(), header.startedAt(), ticker);
            List<JournalEntry> entries = new ArrayList<>();
            String note = null;
            boolean whole = true;
            boolean torn = false;
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                JournalEntry entry = parse(line);
                if (entry == null) {
                    // a write cut short never got its newline; a whole line that does not read is damage
                    if (lines.next() == null && !endsWithNewline(journal)) {
                        note = "the last line was torn (cut off mid-write) and was skipped";
                        torn = true;
                    } else {
                        note = "line " + line.number() + " is damaged; it and the lines after it were skipped";
                        whole = false;
                    }
                    break;
                }
                entries.add(entry);
            }
            int applied = 0;
            long last = 0;
            int lastSeq = 0;
            for (JournalEntry entry : entries) {
                ticker.at = entry.elapsedNanos();
                if (!(session.apply(entry.input()) instanceof Outcome.Accepted)) {
                    note = "input " + entry.seq() + " did not replay; the record stops before it";
                    whole = false;
                    break;
                }
                applied++;
                last = entry.elapsedNanos();
                lastSeq = entry.seq();
            }
            SessionRecord record = session.record();
            return new Reopened(new Replayed(journal, record, applied, note, whole, importProblems(record)), session, header, last,
                    lastSeq, torn);
        }
    }

    /** Loaded once, on the first replay: building the schema costs more than a replay. */
    private static final class Checks {
        static final RecordValidator RECORDS = RecordValidator.load();
    }

    /**
     * What {@code tdn import} would find wrong with {@code record}, checked exactly as it checks
     * a record file. A journal that reads but was damaged (an id too long, a hash that is not one,
     * a date out of range) replays into a record import refuses; recovery must not write that
     * record as if it were good, so it says what is wrong here and its caller keeps the journal.
     */
    static List<Problem> importProblems(SessionRecord record) {
        byte[] bytes;
        try {
            bytes = RecordFile.bytes(record);
        } catch (JacksonException | DateTimeException e) {
            return List.of(new Problem(RecordFile.fileName(record), 1, 1, "$", "schema",
                    "the rebuilt record cannot be written as JSON"));
        }
        return Checks.RECORDS.check(new Document(RecordFile.fileName(record), 1, bytes)).problems();
    }

    private static boolean endsWithNewline(Path journal) throws IOException {
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    private static JournalEntry parse(LineReader.Line line) {
        if (line.tooLong()) {
            return null;
        }
        try {
            JournalEntry entry = ENTRY.readValue(line.bytes());
            // a line reading "null" is a null entry: damage like any line that does not read
            return entry == null || entry.input() == null ? null : entry;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * Time as the journal says it was: replay takes no time and reads no clock. A resumed
     * session's clock then {@linkplain #goOn goes on} from a later instant, at the real pace.
     */
    public static class ReplayTicker implements Ticker {
        long at;
        private Ticker live;
        private long liveFrom;
        private long liveOrigin;

        @Override
        public long nanos() {
            return live == null ? at : liveFrom + (live.nanos() - liveOrigin);
        }

        /** From now on: {@code from} nanoseconds since the session began, running on {@code clock}. */
        public void goOn(long from, Ticker clock) {
            liveFrom = from;
            liveOrigin = clock.nanos();
            live = clock;
        }
    }
}
