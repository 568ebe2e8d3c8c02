package dev.tdn.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tdn.json.Document;
import dev.tdn.protocol.NeedleDefaults;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ProtocolValidator;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;

/**
 * A journal's header line written by hand is byte for byte the line the record mapper writes,
 * for the built-in and the example protocols, with and without the optional parts, and with
 * text that needs escaping; and the mapper reads it back to the same header.
 */
class HeaderLineTest {

    @Test
    void theHeaderLineIsTheMappersForEveryProtocolAndSetup() throws Exception {
        List<Protocol> protocols = new ArrayList<>();
        ProtocolValidator validator = ProtocolValidator.load();
        List<Path> files = new ArrayList<>();
        files.add(Path.of("src/main/resources/protocol/standard.json"));
        try (var listed = Files.list(Path.of("examples/protocols"))) {
            listed.sorted().forEach(files::add);
        }
        for (Path f : files) {
            Protocol p = validator.check(new Document(f.toString(), 1, Files.readAllBytes(f)), null).protocol();
            assertThat(p).as(f.toString()).isNotNull();
            protocols.add(p);
        }
        List<JournalHeader> headers = new ArrayList<>();
        for (Protocol p : protocols) {
            headers.add(new JournalHeader(JournalHeader.FORMAT, "57b83571-81f4-4ecc-92e8-6113f50356c1",
                    OffsetDateTime.parse("2026-12-04T03:55:26.408253133Z"), true, new Clinician("trainee", null, null),
                    new Patient("practice"), new NeedleDefaults(30, 0.25, 10), "0.1.0", p, null));
            headers.add(new JournalHeader(JournalHeader.FORMAT, "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44",
                    OffsetDateTime.parse("2026-11-26T14:03:11-06:00"), false,
                    new Clinician("pt-0042", "A. Rivera \"Ré\" \\ \u0007\u2028", "PT, DPT"),
                    new Patient("MRN-12345/\u00e9\ud83d\ude00"), new NeedleDefaults(40.5, 0.3, 12.25), "0.1.0", p, 60.0));
        }
        headers.add(new JournalHeader(JournalHeader.FORMAT, null, null, false, null, null, null, null, null, 0.5));
        // a lone surrogate (a config.json can hold one): '?' once the line is bytes, as in every line
        headers.add(new JournalHeader(JournalHeader.FORMAT, "id", null, false, new Clinician("pt", "A\ud800B", null),
                new Patient("p\udc00"), null, null, protocols.get(0), null));

        for (JournalHeader h : headers) {
            String mapper = Journal.line().writeValueAsString(h);
            assertThat(HeaderLine.of(h)).isEqualTo(mapper);
            assertThat(HeaderLine.of(h).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(mapper.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(dev.tdn.record.RecordJson.mapper().readValue(HeaderLine.of(h), JournalHeader.class)).isEqualTo(h);
        }
    }
}
