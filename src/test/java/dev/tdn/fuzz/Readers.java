package dev.tdn.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.tdn.Config;
import dev.tdn.journal.Journal;
import dev.tdn.journal.Recovery;
import dev.tdn.json.Document;
import dev.tdn.json.Problem;
import dev.tdn.protocol.CheckedProtocol;
import dev.tdn.protocol.ProtocolCatalog;
import dev.tdn.protocol.ProtocolValidator;
import dev.tdn.record.CheckedRecord;
import dev.tdn.record.RecordFile;
import dev.tdn.record.RecordInputs;
import dev.tdn.record.RecordValidator;
import dev.tdn.record.SessionRecord;

/**
 * The readers under test, each called the way its command calls it: the record validator of
 * {@code tdn validate} and {@code tdn import}, the NDJSON splitting they share, the journal
 * replay of {@code tdn recover} (and {@code session --resume}), the protocol checks of
 * {@code tdn protocol validate} and {@code Config.load}. A target returns the messages it would
 * print, to be searched for patient data, and throws {@link Found.Broken} when its result breaks
 * a promise the next step relies on. One instance per thread: the journal and config targets
 * write their input to files in a scratch folder of their own.
 */
public final class Readers implements AutoCloseable {

    public static final String RECORD = "record";
    public static final String NDJSON = "ndjson";
    public static final String JOURNAL = "journal";
    public static final String PROTOCOL = "protocol";
    public static final String CONFIG = "config";
    public static final List<String> TARGETS = List.of(RECORD, NDJSON, JOURNAL, PROTOCOL, CONFIG);

    private final RecordValidator records = RecordValidator.load();
    private final ProtocolCatalog protocols;
    private final Path scratch;
    private final Path journalDir;
    private final Path sessionsDir;
    private int journals;

    public Readers() {
        try {
            scratch = Files.createTempDirectory("tdn-fuzz");
            journalDir = Files.createDirectories(scratch.resolve("journal"));
            sessionsDir = Files.createDirectories(scratch.resolve("sessions"));
            protocols = new ProtocolCatalog(Files.createDirectories(scratch.resolve("protocols")), ProtocolValidator.load());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code input} through {@code target}; the messages it gives back. */
    public List<String> run(String target, byte[] input) throws Exception {
        return switch (target) {
            case RECORD -> record(input);
            case NDJSON -> ndjson(input);
            case JOURNAL -> journal(input);
            case PROTOCOL -> protocol(input);
            case CONFIG -> config(input);
            default -> throw new IllegalArgumentException(target);
        };
    }

    private List<String> record(byte[] input) {
        return formatted(records.check(new Document("fuzz.json", 1, input)).problems());
    }

    /** What {@code tdn validate -} and {@code tdn import -} read: NDJSON or one record, each line checked. */
    private List<String> ndjson(byte[] input) {
        List<String> messages = new ArrayList<>();
        RecordInputs.read(List.of(RecordInputs.STDIN), new ByteArrayInputStream(input), new RecordInputs.Visitor() {
            @Override
            public void document(Document document) {
                messages.addAll(formatted(records.check(document).problems()));
            }

            @Override
            public void rejected(Problem problem) {
                messages.add(problem.format());
            }

            @Override
            public void missing(String source, String reason) {
                messages.add(source + ": " + reason);
            }

            @Override
            public void failed(String source, String reason) {
                throw new Found.Broken("read-failure", "an in-memory stream failed to read: " + reason);
            }
        });
        return messages;
    }

    /**
     * Replay as {@code tdn recover} does it. A record that comes out must be one {@code tdn recover}
     * can file under its own name in the sessions folder and {@code tdn import} will take: else
     * recovery would write an unimportable record, or a file somewhere else.
     */
    private List<String> journal(byte[] input) throws Exception {
        Path file = Journal.fileFor(journalDir, "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44");
        Files.write(file, input);
        Recovery.Replayed replayed = Recovery.replay(file);
        SessionRecord record = replayed.record();
        if (!replayed.problems().isEmpty()) {
            // recovery will set the journal aside, not write the record: that is the documented refusal
            return formatted(replayed.problems());
        }
        if (replayed.note() != null) {
            // the note is printed, so it is searched for patient data; the record was still written
            String[] echo = Found.echo(List.of(replayed.note()), input, Seeds.load().personal);
            if (echo != null) {
                throw new Found.Broken(echo[0], echo[1]);
            }
        }
        String name;
        try {
            name = RecordFile.fileName(record);
            Path target = sessionsDir.resolve(name);
            if (!sessionsDir.equals(target.getParent())) {
                throw new Found.Broken("file-outside-folder", "the record's file name leaves the sessions folder");
            }
        } catch (InvalidPathException e) {
            throw new Found.Broken("bad-file-name", "the record's file name is not a valid path");
        }
        // a record recovery writes must be one import takes; every 8th is checked again here, apart from
        // replay's own check (the same validator: checking each twice would only halve the inputs run)
        if (++journals % 8 == 0) {
            CheckedRecord checked = records.check(new Document(name, 1, RecordFile.bytes(record)));
            if (!checked.valid()) {
                throw new Found.Broken("unimportable-record", "recovery would write a record import rejects: "
                        + checked.problems().stream().map(Problem::rule).distinct().toList());
            }
        }
        return List.of();
    }

    private List<String> protocol(byte[] input) {
        CheckedProtocol checked = protocols.check(new Document("fuzz-protocol.json", 1, input));
        return formatted(checked.problems());
    }

    private List<String> config(byte[] input) throws Exception {
        Path file = scratch.resolve("config.json");
        Files.write(file, input);
        Config.load(file);
        return List.of();
    }

    private static List<String> formatted(List<Problem> problems) {
        List<String> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            out.add(p.format());
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> s = Files.walk(scratch)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
