package dev.tdn.record;

import java.time.OffsetDateTime;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import dev.tdn.json.JsonTree;

/**
 * The one Jackson mapper for session records. Hardened because records arrive from other
 * machines and scripts: a typo, a duplicated key or a hostile file must be refused, never
 * half-read.
 */
public final class RecordJson {

    /** Records nest about 5 deep; 64 leaves room and stops nesting bombs long before the stack. */
    public static final int MAX_DEPTH = 64;
    /** Longer than any note a clinician types; stops a single huge string from filling memory. */
    public static final int MAX_STRING_CHARS = 1_000_000;
    /** A long session with thousands of events is well under 1 MiB; 16 MiB bounds memory per record. */
    public static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;

    /**
     * In a class of its own, so that {@link #prepareInBackground()} builds it on its thread:
     * as a field here it was built on the caller's, before the thread even started.
     */
    private static final class Built {
        static final ObjectMapper MAPPER = build();
    }

    private RecordJson() {
    }

    public static ObjectMapper mapper() {
        return Built.MAPPER;
    }

    /**
     * Builds the mapper on a background thread (40 ms of start-up), while picocli reads the
     * command line, for a command that writes records with it.
     */
    public static void prepareInBackground() {
        dev.tdn.IdleCore.run("tdn-json-prepare", new Prepare());
    }

    /** A class rather than a lambda: linking a lambda the start-up archive has not seen costs more than this saves. */
    private static final class Prepare implements Runnable {
        @Override
        public void run() {
            // records are read without it (RecordTree), but written by it
            mapper();
        }
    }

    /** Reads a stored record whose bytes are checked intact: the import's checks held for them. */
    public static SessionRecord readStored(byte[] intactBytes) {
        return RecordTree.read(JsonTree.read(Factory.STORED, intactBytes));
    }

    /** Reads a record as the mapper would, without building the mapper for a record in the common form. */
    public static SessionRecord read(byte[] bytes) {
        return RecordTree.read(JsonTree.read(Factory.JSON, bytes));
    }

    /**
     * The hardened parser and generator, without a mapper: a tree ({@link dev.tdn.json.JsonTree}),
     * a record ({@link RecordTree}) and its compact bytes ({@link CompactRecord}) need only this.
     */
    private static final class Factory {
        static final JsonFactory JSON = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxDocumentLength(MAX_DOCUMENT_BYTES)
                        .maxNameLength(1_000)
                        .maxNumberLength(100)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // error locations must never quote the input: it may hold a patient identifier
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        /** For stored records, whose bytes the import checked for duplicate keys the import's checks held for them, and looking for duplicates again cost a tenth of reading every record for a report or an export. */
        static final JsonFactory STORED = JSON.rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /** The record mapper's own factory: its limits, duplicate-key check and output. */
    public static JsonFactory factory() {
        return Factory.JSON;
    }

    private static ObjectMapper build() {
        JsonFactory factory = Factory.JSON;
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                // keep the clinic's own offset as written: "14:03-06:00" must not become "20:03Z"
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .addModule(new SimpleModule("tdn-timestamps")
                        .addDeserializer(OffsetDateTime.class, new DateTimeDeserializer())
                        .addSerializer(OffsetDateTime.class, new DateTimeSerializer()))
                .addModule(RecordConstructors.module())
                .build();
    }
}
