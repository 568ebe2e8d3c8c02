package dev.tdn.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import dev.tdn.json.Document;
import dev.tdn.record.CheckedRecord;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordValidator;
import dev.tdn.record.SessionRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Import throughput against its two halves measured in the same run: parsing and validating the
 * records alone, and plain SQLite inserts of the same rows with the same pragmas. Target (issue
 * 5): at least 5,000 records/s on 2 cores, within 3x of parse + insert.
 *
 * <p>{@code -Dbench.records=100000}; the records are realistic variations of the example session
 * (patients, clinicians, muscles, statuses), written as NDJSON first.
 */
public final class ImportThroughput {

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.records", 100_000);
        Path dir = Files.createTempDirectory("tdn-bench");
        Path ndjson = dir.resolve("records.ndjson");
        generate(n, ndjson);
        System.out.printf(Locale.ROOT, "%,d records, %,d bytes of NDJSON%n", n, Files.size(ndjson));

        RecordValidator validator = RecordValidator.load();

        long t0 = System.nanoTime();
        // lines stream from the file in every half, as in the import: holding 100,000 records
        // in memory would slow the halves with garbage collection the import never has
        Row[] records = new Row[n];
        try (BufferedReader lines = Files.newBufferedReader(ndjson)) {
            for (int i = 0; i < n; i++) {
                CheckedRecord c = validator.check(new Document("b", i + 1, lines.readLine().getBytes(StandardCharsets.UTF_8)));
                SessionRecord r = c.record();
                records[i] = new Row(r.id(), r.patient().id(), r.clinician().id(), r.startedAt().toString(),
                        r.status().json(), r.billing().cpt(), r.points().size());
            }
        }
        double parse = seconds(t0);

        long t1 = System.nanoTime();
        plainInserts(dir.resolve("plain.db"), records, ndjson);
        double insert = seconds(t1);

        long t2 = System.nanoTime();
        ImportReport report;
        try (SessionStore store = StoreAddress.parse("jdbc:sqlite:" + dir.resolve("tdn.db")).open()) {
            report = Importer.run(List.of(ndjson.toString()), InputStream.nullInputStream(), validator, store,
                    new Importer.Options(false, true, false, Importer.BATCH_SIZE), x -> { });
        }
        double full = seconds(t2);
        if (report.imported() != n) {
            throw new IllegalStateException("imported " + report.imported() + " of " + n);
        }

        System.out.printf(Locale.ROOT, "parse + validate alone      %6.2f s  %,8.0f records/s%n", parse, n / parse);
        System.out.printf(Locale.ROOT, "plain SQLite inserts        %6.2f s  %,8.0f records/s%n", insert, n / insert);
        System.out.printf(Locale.ROOT, "tdn import                  %6.2f s  %,8.0f records/s%n", full, n / full);
        System.out.printf(Locale.ROOT, "ratio import / (parse + insert): %.2fx (target <= 3x); throughput target"
                + " 5,000/s: %s%n", full / (parse + insert), n / full >= 5000 ? "MET" : "NOT MET");
    }

    private static void generate(int n, Path out) throws Exception {
        String[] muscles = {"upper trapezius", "levator scapulae", "infraspinatus", "gluteus medius", "quadratus lumborum"};
        ObjectNode template = (ObjectNode) RecordJson.mapper().readTree(Path.of("examples/sessions/"
                + "2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json").toFile());
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            for (int i = 0; i < n; i++) {
                ObjectNode r = template.deepCopy();
                r.put("id", new UUID(random.nextLong(), random.nextLong()).toString().replaceFirst("^(.{14}).", "$14")
                        .replaceFirst("^(.{19}).", "$1a"));
                ((ObjectNode) r.get("patient")).put("id", "MRN-" + (10000 + random.nextInt(5000)));
                ((ObjectNode) r.get("clinician")).put("id", "pt-00" + (10 + random.nextInt(40)));
                JsonNode points = r.get("points");
                ((ObjectNode) points.get(0)).put("muscle", muscles[random.nextInt(muscles.length)]);
                ((ObjectNode) points.get(1)).put("muscle", muscles[random.nextInt(muscles.length)]);
                String m0 = points.get(0).get("muscle").asString() + points.get(0).get("side").asString();
                String m1 = points.get(1).get("muscle").asString() + points.get(1).get("side").asString();
                ((ObjectNode) r.get("billing")).put("musclesTreated", m0.equals(m1) ? 1 : 2);
                ((ObjectNode) points.get(0)).put("n", 1);
                ((ObjectNode) r.get("events").get(21)).put("detail", points.get(0).get("muscle").asString());
                w.write(RecordJson.mapper().writer().without(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(r));
                w.newLine();
            }
        }
    }

    private record Row(String id, String patient, String clinician, String startedAt, String status, String cpt,
            int points) {
    }

    private static void plainInserts(Path db, Row[] records, Path ndjson) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                BufferedReader lines = Files.newBufferedReader(ndjson)) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("CREATE TABLE sessions (id TEXT PRIMARY KEY, patient_id TEXT, clinician_id TEXT, started_at TEXT,"
                    + " status TEXT, cpt TEXT, points INTEGER, record TEXT)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < records.length; i++) {
                    if (i % Importer.BATCH_SIZE == 0) {
                        s.execute("BEGIN IMMEDIATE");
                    }
                    Row r = records[i];
                    p.setString(1, r.id());
                    p.setString(2, r.patient());
                    p.setString(3, r.clinician());
                    p.setString(4, r.startedAt());
                    p.setString(5, r.status());
                    p.setString(6, r.cpt());
                    p.setInt(7, r.points());
                    p.setString(8, lines.readLine());
                    p.executeUpdate();
                    if (i % Importer.BATCH_SIZE == Importer.BATCH_SIZE - 1 || i == records.length - 1) {
                        s.execute("COMMIT");
                    }
                }
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
