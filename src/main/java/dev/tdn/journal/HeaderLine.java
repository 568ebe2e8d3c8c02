package dev.tdn.journal;

import static dev.tdn.json.NullableProperty.string;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

import dev.tdn.json.DateTimeText;
import dev.tdn.protocol.NeedleDefaults;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.PrepItem;
import dev.tdn.protocol.ScreeningItem;
import dev.tdn.protocol.Window;
import dev.tdn.record.RecordJson;
import dev.tdn.record.Step;

/**
 * A journal's header line, byte for byte what the record mapper writes for it, written with
 * Jackson's streaming generator by hand: the header is made before a session's first prompt,
 * and building the mapper and the header's serializers for it was 50 ms of the wait for that
 * prompt (src/bench/README.md). The entries that follow are written by the mapper, built on
 * another thread while the clinician reads the first question. Replay reads the header with
 * the mapper as before; {@code HeaderLineTest} holds the two byte-equal.
 */
final class HeaderLine {

    private HeaderLine() {
    }

    static String of(JournalHeader h) {
        // into characters, as the mapper's writeValueAsString does: the line becomes bytes where
        // every line does (Journal.writeLine), a lone surrogate as '?' like the entries' text
        java.io.StringWriter out = new java.io.StringWriter(4096);
        try (JsonGenerator g = RecordJson.factory().createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeNumberProperty("journal", h.journal());
            string(g, "id", h.id());
            string(g, "startedAt", h.startedAt() == null ? null : DateTimeText.format(h.startedAt()));
            g.writeBooleanProperty("training", h.training());
            g.writeName("clinician");
            if (h.clinician() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                string(g, "id", h.clinician().id());
                string(g, "name", h.clinician().name());
                string(g, "credentials", h.clinician().credentials());
                g.writeEndObject();
            }
            g.writeName("patient");
            if (h.patient() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                string(g, "id", h.patient().id());
                g.writeEndObject();
            }
            needle(g, "needle", h.needle());
            string(g, "software", h.software());
            g.writeName("protocol");
            if (h.protocol() == null) {
                g.writeNull();
            } else {
                protocol(g, h.protocol());
            }
            if (h.timeScale() != null) {
                g.writeNumberProperty("timeScale", h.timeScale().doubleValue());
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void protocol(JsonGenerator g, Protocol p) {
        g.writeStartObject();
        string(g, "name", p.name());
        g.writeNumberProperty("version", p.version());
        string(g, "title", p.title());
        needle(g, "needle", p.needle());
        g.writeName("windows");
        if (p.windows() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            window(g, "dwell", p.windows().dwell());
            window(g, "weakTwitchDwell", p.windows().weakTwitchDwell());
            window(g, "compression", p.windows().compression());
            g.writeEndObject();
        }
        g.writeName("screening");
        g.writeStartArray();
        for (ScreeningItem s : p.screening()) {
            g.writeStartObject();
            string(g, "id", s.id());
            string(g, "kind", s.kind() == null ? null : s.kind().json());
            string(g, "question", s.question());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeName("sitePrep");
        g.writeStartArray();
        for (PrepItem s : p.sitePrep()) {
            g.writeStartObject();
            string(g, "id", s.id());
            string(g, "label", s.label());
            g.writeEndObject();
        }
        g.writeEndArray();
        // in the map's own order, as the mapper writes a map
        g.writeName("instructions");
        g.writeStartObject();
        for (Map.Entry<Step, String> e : p.instructions().entrySet()) {
            string(g, e.getKey().json(), e.getValue());
        }
        g.writeEndObject();
        g.writeName("aftercare");
        List<String> aftercare = p.aftercare();
        g.writeStartArray();
        for (String a : aftercare) {
            g.writeString(a);
        }
        g.writeEndArray();
        string(g, "sha256", p.sha256());
        g.writeEndObject();
    }

    private static void needle(JsonGenerator g, String name, NeedleDefaults n) {
        g.writeName(name);
        if (n == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberProperty("lengthMm", n.lengthMm());
        g.writeNumberProperty("gaugeMm", n.gaugeMm());
        g.writeNumberProperty("depthMm", n.depthMm());
        g.writeEndObject();
    }

    private static void window(JsonGenerator g, String name, Window w) {
        g.writeName(name);
        if (w == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberProperty("minSeconds", w.minSeconds());
        g.writeNumberProperty("maxSeconds", w.maxSeconds());
        g.writeEndObject();
    }
}
