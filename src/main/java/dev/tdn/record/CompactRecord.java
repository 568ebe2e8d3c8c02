package dev.tdn.record;

import static dev.tdn.json.NullableProperty.string;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiConsumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

import dev.tdn.json.DateTimeText;

/**
 * A record on one line, byte for byte what the record mapper's compact writer gives: what an
 * import hashes to tell one record from another. Written with Jackson's streaming generator
 * (its escaping and its numbers) in the fields' order, by hand only because building the
 * mapper's serializers for every record type cost a one-record import about 30 ms of start-up
 * on top of the mapper (src/bench/README.md); a test holds the two byte-equal over the examples
 * and thousands of mutations of them. A field the model gains must be added here too, which
 * that test fails to say.
 */
public final class CompactRecord {

    private CompactRecord() {
    }

    public static byte[] bytes(SessionRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = RecordJson.factory().createGenerator(ObjectWriteContext.empty(), out)) {
            session(g, r);
        }
        return out.toByteArray();
    }

    private static void session(JsonGenerator g, SessionRecord r) {
        g.writeStartObject();
        g.writeNumberProperty("schemaVersion", r.schemaVersion());
        string(g, "id", r.id());
        choice(g, "status", r.status(), Status::json);
        g.writeBooleanProperty("training", r.training());
        time(g, "startedAt", r.startedAt());
        time(g, "endedAt", r.endedAt());
        object(g, "clinician", r.clinician(), (w, c) -> {
            string(w, "id", c.id());
            string(w, "name", c.name());
            string(w, "credentials", c.credentials());
        });
        object(g, "patient", r.patient(), (w, p) -> string(w, "id", p.id()));
        object(g, "protocol", r.protocol(), (w, p) -> {
            string(w, "name", p.name());
            w.writeNumberProperty("version", p.version());
            string(w, "sha256", p.sha256());
        });
        object(g, "screening", r.screening(), CompactRecord::screening);
        integer(g, "painBefore", r.painBefore());
        list(g, "sitePrep", r.sitePrep(), (w, s) -> {
            w.writeStartObject();
            string(w, "item", s.item());
            string(w, "label", s.label());
            time(w, "at", s.at());
            w.writeEndObject();
        });
        list(g, "points", r.points(), CompactRecord::point);
        time(g, "handsSanitizedAt", r.handsSanitizedAt());
        integer(g, "painAfter", r.painAfter());
        list(g, "adverseEvents", r.adverseEvents(), (w, a) -> w.writeString(a.json()));
        bool(g, "aftercareGiven", r.aftercareGiven());
        list(g, "deviations", r.deviations(), CompactRecord::deviation);
        object(g, "billing", r.billing(), (w, b) -> {
            w.writeNumberProperty("musclesTreated", b.musclesTreated());
            string(w, "cpt", b.cpt());
        });
        string(g, "notes", r.notes());
        list(g, "events", r.events(), CompactRecord::event);
        object(g, "software", r.software(), (w, s) -> {
            string(w, "name", s.name());
            string(w, "version", s.version());
        });
        g.writeEndObject();
    }

    private static void screening(JsonGenerator g, Screening s) {
        bool(g, "consent", s.consent());
        bool(g, "scopeConfirmed", s.scopeConfirmed());
        g.writeBooleanProperty("cleared", s.cleared());
        list(g, "answers", s.answers(), (w, a) -> {
            w.writeStartObject();
            string(w, "item", a.item());
            choice(w, "kind", a.kind(), ScreeningAnswer.Kind::json);
            w.writeBooleanProperty("answer", a.answer());
            w.writeEndObject();
        });
    }

    private static void point(JsonGenerator g, Point p) {
        g.writeStartObject();
        g.writeNumberProperty("n", p.n());
        string(g, "muscle", p.muscle());
        if (p.muscleOf() != null) {
            string(g, "muscleOf", p.muscleOf());
        }
        if (p.listed() != null) {
            bool(g, "listed", p.listed());
        }
        choice(g, "side", p.side(), Side::json);
        string(g, "location", p.location());
        object(g, "palpation", p.palpation(), (w, x) -> {
            bool(w, "reproducesPain", x.reproducesPain());
            bool(w, "referredPain", x.referredPain());
        });
        object(g, "needle", p.needle(), (w, x) -> {
            w.writeNumberProperty("lengthMm", x.lengthMm());
            w.writeNumberProperty("gaugeMm", x.gaugeMm());
        });
        g.writeNumberProperty("needlesInserted", p.needlesInserted());
        g.writeNumberProperty("needlesRemoved", p.needlesRemoved());
        number(g, "depthMm", p.depthMm());
        choice(g, "technique", p.technique(), Technique::json);
        bool(g, "electricalStimulation", p.electricalStimulation());
        time(g, "insertedAt", p.insertedAt());
        choice(g, "twitch", p.twitch(), Twitch::json);
        object(g, "dwell", p.dwell(), (w, d) -> {
            w.writeNumberProperty("seconds", d.seconds());
            w.writeNumberProperty("minSeconds", d.minSeconds());
            w.writeNumberProperty("maxSeconds", d.maxSeconds());
            w.writeBooleanProperty("extended", d.extended());
            w.writeNumberProperty("pausedSeconds", d.pausedSeconds());
            if (d.estimatedSeconds() != null) {
                w.writeNumberProperty("estimatedSeconds", d.estimatedSeconds());
            }
        });
        time(g, "removedAt", p.removedAt());
        time(g, "siteCleansedAt", p.siteCleansedAt());
        object(g, "compression", p.compression(), (w, c) -> {
            w.writeNumberProperty("seconds", c.seconds());
            w.writeNumberProperty("minSeconds", c.minSeconds());
            w.writeNumberProperty("maxSeconds", c.maxSeconds());
            if (c.estimatedSeconds() != null) {
                w.writeNumberProperty("estimatedSeconds", c.estimatedSeconds());
            }
        });
        bool(g, "bleeding", p.bleeding());
        bool(g, "bandage", p.bandage());
        list(g, "discomfort", p.discomfort(), (w, d) -> {
            w.writeStartObject();
            time(w, "at", d.at());
            string(w, "note", d.note());
            w.writeEndObject();
        });
        g.writeEndObject();
    }

    private static void deviation(JsonGenerator g, Deviation d) {
        g.writeStartObject();
        integer(g, "point", d.point());
        choice(g, "step", d.step(), Step::json);
        choice(g, "rule", d.rule(), Deviation.Rule::json);
        string(g, "detail", d.detail());
        string(g, "reason", d.reason());
        g.writeEndObject();
    }

    /** Every field of an event is left out when null. */
    private static void event(JsonGenerator g, Event e) {
        g.writeStartObject();
        g.writeNumberProperty("seq", e.seq());
        if (e.at() != null) {
            time(g, "at", e.at());
        }
        g.writeNumberProperty("elapsedSeconds", e.elapsedSeconds());
        if (e.type() != null) {
            string(g, "type", e.type());
        }
        if (e.point() != null) {
            g.writeNumberProperty("point", e.point().intValue());
        }
        if (e.detail() != null) {
            string(g, "detail", e.detail());
        }
        g.writeEndObject();
    }

    private static <T> void object(JsonGenerator g, String name, T value, BiConsumer<JsonGenerator, T> fields) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        fields.accept(g, value);
        g.writeEndObject();
    }

    private static <T> void list(JsonGenerator g, String name, List<T> values, BiConsumer<JsonGenerator, T> element) {
        g.writeName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (T v : values) {
            if (v == null) {
                g.writeNull();
            } else {
                element.accept(g, v);
            }
        }
        g.writeEndArray();
    }


    /** A choice by the spelling its enum writes (its @JsonValue). */
    private static <E> void choice(JsonGenerator g, String name, E value, java.util.function.Function<E, String> json) {
        string(g, name, value == null ? null : json.apply(value));
    }

    private static void time(JsonGenerator g, String name, OffsetDateTime value) {
        string(g, name, value == null ? null : DateTimeText.format(value));
    }

    private static void integer(JsonGenerator g, String name, Integer value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.intValue());
        }
    }

    private static void number(JsonGenerator g, String name, Double value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.doubleValue());
        }
    }

    private static void bool(JsonGenerator g, String name, Boolean value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeBoolean(value.booleanValue());
        }
    }
}
