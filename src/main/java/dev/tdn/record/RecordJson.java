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

    private static final ObjectMapper MAPPER = build();

    private RecordJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
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
                .build();
    }
}
