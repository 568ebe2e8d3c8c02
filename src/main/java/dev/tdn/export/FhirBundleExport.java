package dev.tdn.export;

import java.io.IOException;
import java.io.Writer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.tdn.record.SessionRecord;

/**
 * A FHIR R4 Bundle of type "collection", one Procedure entry per session, streamed: the
 * Bundle is opened before the first record and closed after the last, so its size is not
 * bounded by memory. Deterministic (no timestamp): the same store exports the same bytes.
 */
final class FhirBundleExport implements Export {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Writer out;
    private final IdentifierSystems systems;
    private JsonGenerator json;
    private boolean entries;

    FhirBundleExport(Writer out, IdentifierSystems systems) {
        this.out = out;
        this.systems = systems;
    }

    private JsonGenerator json() {
        if (json == null) {
            json = MAPPER.createGenerator(out);
            json.writeStartObject();
            json.writeStringProperty("resourceType", "Bundle");
            json.writeStringProperty("type", "collection");
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
            json.writePOJO(new Fhir.Entry("urn:uuid:" + record.id(), SessionAsProcedure.of(record, systems)));
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
