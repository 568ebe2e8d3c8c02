package dev.tdn.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.tdn.json.LineReader;
import dev.tdn.record.RecordJson;
import dev.tdn.record.SessionRecord;
import dev.tdn.session.Outcome;
import dev.tdn.session.Session;
import dev.tdn.session.Ticker;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * Rebuilds the record of an interrupted session by replaying its journal through the engine at
 * the journaled instants. A torn last line (the power went mid-write) is expected and skipped;
 * anything after a damaged line is not trusted.
 */
public final class Recovery {

    /** What replay made of one journal. {@code note} says what was skipped, or is null. */
    public record Replayed(Path journal, SessionRecord record, int inputs, String note) {
    }

    /** A journal that cannot be replayed at all (no readable header). */
    public static final class UnreadableJournal extends Exception {
        public UnreadableJournal(String message) {
            super(message);
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
            return s.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().toList();
        }
    }

    public static Replayed replay(Path journal) throws IOException, UnreadableJournal {
        try (InputStream in = Files.newInputStream(journal)) {
            LineReader lines = new LineReader(in, MAX_LINE);
            LineReader.Line first = lines.next();
            if (first == null || first.tooLong()) {
                throw new UnreadableJournal("no header line");
            }
            JournalHeader header;
            try {
                header = HEADER.readValue(first.bytes());
            } catch (JacksonException e) {
                throw new UnreadableJournal("the header line is damaged");
            }
            ReplayTicker ticker = new ReplayTicker();
            Session session = Session.resume(header.setup(), header.startedAt(), ticker);
            List<JournalEntry> entries = new ArrayList<>();
            String note = null;
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                JournalEntry entry = parse(line);
                if (entry == null) {
                    note = lines.next() == null ? "the last line was torn (cut off mid-write) and was skipped"
                            : "line " + line.number() + " is damaged; it and the lines after it were skipped";
                    break;
                }
                entries.add(entry);
            }
            int applied = 0;
            for (JournalEntry entry : entries) {
                ticker.at = entry.elapsedNanos();
                if (!(session.apply(entry.input()) instanceof Outcome.Accepted)) {
                    note = "input " + entry.seq() + " did not replay; the record stops before it";
                    break;
                }
                applied++;
            }
            return new Replayed(journal, session.record(), applied, note);
        }
    }

    private static JournalEntry parse(LineReader.Line line) {
        if (line.tooLong()) {
            return null;
        }
        try {
            JournalEntry entry = ENTRY.readValue(line.bytes());
            return entry.input() == null ? null : entry;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Time as the journal says it was: replay takes no time and reads no clock. */
    private static final class ReplayTicker implements Ticker {
        long at;

        @Override
        public long nanos() {
            return at;
        }
    }
}
