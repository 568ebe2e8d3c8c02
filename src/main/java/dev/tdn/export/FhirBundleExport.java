package dev.tdn.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.ObjectMapper;

import dev.tdn.record.SessionRecord;

/**
 * A FHIR R4 Bundle, "collection" or "transaction": per session a Procedure and an Observation
 * for each pain score, streamed, so the Bundle is opened before the first record and closed
 * after the last and its size is not bounded by memory. Deterministic (no timestamp): the same
 * store exports the same bytes.
 */
public final class FhirBundleExport implements Export {

    /** The record mapper (it indents): building a mapper of its own was 30 ms of a one-patient export. */
    private static final ObjectMapper MAPPER = dev.tdn.record.RecordJson.mapper();

    /**
     * Builds the mapper's writers for a Bundle's entries on a background thread, while picocli
     * reads the command line and the store is opened: finding the serializers of the FHIR
     * resources' dozen record types was 30 ms of a one-patient export (src/bench/README.md).
     */
    public static void prepareInBackground() {
        dev.tdn.IdleCore.run("tdn-fhir-prepare", new Prepare());
    }

    private static final class Prepare implements Runnable {
        @Override
        public void run() {
            MAPPER.writerFor(Fhir.Entry.class);
            MAPPER.writerFor(Fhir.Procedure.class);
            MAPPER.writerFor(Fhir.Observation.class);
        }
    }

    private final Writer out;
    private final IdentifierSystems systems;
    private final BundleType type;
    private final Disclosure disclosure;
    private JsonGenerator json;
    private boolean entries;

    FhirBundleExport(Writer out, IdentifierSystems systems, BundleType type, Disclosure disclosure) {
        this.out = out;
        // a pseudonym is no MRN or NPI: under the clinic's systems it would claim to be one
        this.systems = disclosure.asStored() ? systems : IdentifierSystems.NONE;
        this.type = type;
        this.disclosure = disclosure;
    }

    private JsonGenerator json() {
        if (json == null) {
            json = MAPPER.createGenerator(out);
            json.writeStartObject();
            json.writeStringProperty("resourceType", "Bundle");
            json.writeStringProperty("type", type.text());
        }
        return json;
    }

    @Override
    public void add(SessionRecord record) throws IOException {
        try {
            if (!entries) {
                // FHIR allows no empty arrays: "entry" appears with the first session
                json().writeArrayPropertyStart("entry");
                entries = true;
            }
            // built whole before the first is written: a record that cannot be exported leaves no half entry
            SessionRecord disclosed = disclosure.of(record);
            Fhir.Procedure procedure = SessionAsProcedure.of(disclosed, systems, type, disclosure);
            List<Fhir.Observation> scores = PainScores.of(disclosed, systems, type, disclosure);
            boolean transaction = type == BundleType.TRANSACTION;
            json.writePOJO(new Fhir.Entry("urn:uuid:" + disclosed.id(), procedure,
                    transaction ? SessionAsProcedure.upsert("Procedure", procedure.identifier().get(0)) : null));
            for (Fhir.Observation score : scores) {
                json.writePOJO(new Fhir.Entry(score.identifier().get(0).value(), score,
                        transaction ? SessionAsProcedure.upsert("Observation", score.identifier().get(0)) : null));
            }
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void finish() throws IOException {
        try {
            JsonGenerator g = json();
            if (entries) {
                g.writeEndArray();
            }
            g.writeEndObject();
            g.flush();
            out.write('\n');
            out.flush();
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
    }
}
