package dev.tdn.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.tdn.journal.Journal;
import dev.tdn.journal.JournalHeader;
import dev.tdn.journal.JournaledSession;
import dev.tdn.json.Document;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ProtocolValidator;
import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.record.RecordJson;
import dev.tdn.record.Side;
import dev.tdn.record.Technique;
import dev.tdn.record.Twitch;
import dev.tdn.session.Input;
import dev.tdn.session.ManualTicker;
import dev.tdn.session.Session;
import dev.tdn.session.SessionSetup;
import tools.jackson.databind.JsonNode;

/**
 * The valid (and nearly valid) inputs mutations start from: the repository's example records,
 * near-miss records and protocols, the built-in protocol, a config, and journals written by real
 * sessions run through the engine and its journal here. Starting from valid inputs is what lets
 * a mutation reach past the parser into the schema and the rules.
 */
public final class Seeds {

    static final String PATIENT = "MRN-FUZZ-4471";
    static final String CLINICIAN = "pt-fuzz-0042";
    static final String CLINICIAN_NAME = "Rivera Fuzzname";

    public final List<byte[]> records;
    public final List<byte[]> ndjson;
    public final List<byte[]> journals;
    public final List<byte[]> protocols;
    public final List<byte[]> configs;
    /** Patient and clinician ids and names found in the seeds: none may appear in a message. */
    public final Set<String> personal;

    private Seeds(Path repo) throws IOException {
        Set<String> found = new LinkedHashSet<>(List.of(PATIENT, CLINICIAN, CLINICIAN_NAME));
        records = new ArrayList<>();
        for (Path p : files(repo.resolve("examples/sessions"))) {
            records.add(Files.readAllBytes(p));
        }
        List<byte[]> valid = List.copyOf(records);
        for (Path p : files(repo.resolve("examples/invalid"))) {
            records.add(Files.readAllBytes(p));
        }
        for (byte[] r : valid) {
            personal(r, found);
        }

        ndjson = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (byte[] r : valid) {
            String line = compact(r);
            ndjson.add((line + "\n").getBytes(StandardCharsets.UTF_8));
            all.append(line).append('\n');
        }
        // mostly short streams: a stream of three records costs three records' checks for one input
        ndjson.add(all.toString().getBytes(StandardCharsets.UTF_8));
        ndjson.add((compact(valid.get(1)) + "\n  \n" + compact(valid.get(0)) + "\r\n").getBytes(StandardCharsets.UTF_8));
        ndjson.add(("\n" + compact(valid.get(2))).getBytes(StandardCharsets.UTF_8));

        protocols = new ArrayList<>();
        try (InputStream in = Seeds.class.getResourceAsStream("/protocol/standard.json")) {
            protocols.add(in.readAllBytes());
        }
        for (Path p : files(repo.resolve("examples/protocols"))) {
            protocols.add(Files.readAllBytes(p));
        }
        for (Path p : files(repo.resolve("examples/invalid-protocols"))) {
            protocols.add(Files.readAllBytes(p));
        }

        configs = List.of(
                ("{ \"clinician\": { \"id\": \"" + CLINICIAN + "\", \"name\": \"" + CLINICIAN_NAME
                        + "\", \"credentials\": \"PT, DPT\" },\n  \"protocol\": \"standard\",\n"
                        + "  \"needle\": { \"lengthMm\": 30, \"gaugeMm\": 0.25 },\n"
                        + "  \"fhir\": { \"patientSystem\": \"urn:oid:2.16.840.1.113883.19.5\","
                        + " \"clinicianSystem\": \"http://hl7.org/fhir/sid/us-npi\" } }\n").getBytes(StandardCharsets.UTF_8),
                ("{\"clinician\":{\"id\":\"" + CLINICIAN + "\"}}").getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8),
                "{\"protocol\":\"clinic-longer-compression\",\"needle\":{\"lengthMm\":40,\"gaugeMm\":0.3}}"
                        .getBytes(StandardCharsets.UTF_8));

        journals = journals(builtIn(protocols.get(0)));
        personal = Set.copyOf(found);
    }

    private static Seeds loaded;

    /** The seeds of the repository this test runs in ({@code tdn.repo}, set by Maven; else the working folder). */
    public static synchronized Seeds load() {
        if (loaded == null) {
            try {
                loaded = new Seeds(Path.of(System.getProperty("tdn.repo", ".")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    public List<byte[]> of(String target) {
        return switch (target) {
            case Readers.RECORD -> records;
            case Readers.NDJSON -> ndjson;
            case Readers.JOURNAL -> journals;
            case Readers.PROTOCOL -> protocols;
            case Readers.CONFIG -> configs;
            default -> throw new IllegalArgumentException(target);
        };
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String compact(byte[] json) {
        return RecordJson.mapper().readTree(json).toString();
    }

    private static void personal(byte[] record, Set<String> into) {
        JsonNode tree = RecordJson.mapper().readTree(record);
        for (String path : List.of("/patient/id", "/clinician/id", "/clinician/name")) {
            String s = tree.at(path).asString("");
            if (s.length() >= 4) {
                into.add(s);
            }
        }
    }

    private static Protocol builtIn(byte[] json) {
        return ProtocolValidator.load().check(new Document("standard.json", 1, json), "standard").protocol();
    }

    /** Journals as real sessions leave them: killed mid-dwell, finished, stopped at screening, with undo and a pause. */
    private static List<byte[]> journals(Protocol protocol) throws IOException {
        Path dir = Files.createTempDirectory("tdn-fuzz-seeds");
        try {
            List<byte[]> out = new ArrayList<>();
            out.add(journal(dir, protocol, "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44", 0));
            out.add(journal(dir, protocol, "8b0e5f1c-2d4a-4c7e-a1b9-5e6f7a8b9c0d", 1));
            out.add(journal(dir, protocol, "c4d5e6f7-0a1b-4c2d-8e3f-9a0b1c2d3e4f", 2));
            out.add(journal(dir, protocol, "0a0b0c0d-1e1f-4a2b-9c3d-4e5f6a7b8c9d", 3));
            return out;
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static byte[] journal(Path dir, Protocol protocol, String id, int shape) throws IOException {
        SessionSetup setup = new SessionSetup(id, new Clinician(CLINICIAN, CLINICIAN_NAME, "PT"), new Patient(PATIENT),
                protocol, protocol.needle(), false, "0.1.0");
        ManualTicker ticker = new ManualTicker();
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T20:03:11.204Z"), ZoneOffset.ofHours(-6));
        Session session = Session.start(setup, clock, ticker);
        try (Journal journal = Journal.create(dir, JournalHeader.of(setup, session.startedAt()))) {
            JournaledSession run = new JournaledSession(session, journal);
            run.accept(new Input.Consent(true));
            run.accept(new Input.Scope(true));
            for (var item : protocol.screening()) {
                ticker.advanceSeconds(2);
                // shape 2: an absolute contraindication ends the session at screening
                boolean yes = shape == 2 && item.kind() == dev.tdn.record.ScreeningAnswer.Kind.ABSOLUTE;
                run.accept(new Input.ScreeningAnswered(item.id(), yes));
                if (yes) {
                    break;
                }
            }
            if (shape != 2) {
                run.accept(new Input.PainBefore(6));
                for (var item : protocol.sitePrep()) {
                    ticker.advanceSeconds(3);
                    run.accept(new Input.SitePrepChecked(item.id()));
                }
                int points = shape == 1 ? 2 : 1;
                for (int n = 0; n < points; n++) {
                    ticker.advanceSeconds(10);
                    run.accept(new Input.MuscleNamed(n == 0 ? "upper trapezius" : "infraspinatus"));
                    run.accept(new Input.SideGiven(n == 0 ? Side.LEFT : Side.RIGHT));
                    run.accept(new Input.LocationGiven(null));
                    run.accept(new Input.PainReproduced(true));
                    run.accept(new Input.PainReferred(n == 0));
                    ticker.advanceSeconds(5);
                    run.accept(new Input.NeedleInserted(Technique.DYNAMIC, 10, 1, false));
                    if (shape == 0) {
                        ticker.advanceSeconds(12);
                        run.accept(new Input.TwitchMarked(Twitch.WEAK));
                        break;
                    }
                    if (shape == 3) {
                        run.accept(new Input.Paused());
                        ticker.advanceSeconds(4);
                        run.accept(new Input.Resumed());
                        run.accept(new Input.DiscomfortSeen("grimacing"));
                    }
                    ticker.advanceSeconds(8);
                    run.accept(new Input.TwitchMarked(Twitch.STRONG));
                    ticker.advanceSeconds(32);
                    run.accept(new Input.NeedlesRemoved(1));
                    ticker.advanceSeconds(4);
                    run.accept(new Input.SiteCleansed());
                    run.accept(new Input.CompressionStarted());
                    ticker.advanceSeconds(40);
                    run.accept(new Input.CompressionEnded());
                    run.accept(new Input.BleedingSeen(n == 1));
                    if (n == 1) {
                        run.accept(new Input.BandageApplied(true));
                    }
                    run.accept(new Input.AnotherPoint(n + 1 < points));
                }
                if (shape != 0) {
                    ticker.advanceSeconds(10);
                    run.accept(new Input.HandsSanitized());
                    run.accept(new Input.PainAfter(3));
                    run.accept(new Input.AdverseEventsNoted(List.of(AdverseEvent.SORENESS)));
                    run.accept(new Input.AftercareGiven(true));
                    run.accept(new Input.NotesGiven("tolerated well"));
                }
            }
        }
        return Files.readAllBytes(Journal.fileFor(dir, id));
    }
}
