package dev.tdn.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import dev.tdn.record.RecordJson;
import dev.tdn.record.SessionRecord;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Records as tdn itself writes them, one per line. The line is the form the store's content
 * hash is taken of, so re-importing an export finds every record "already present".
 */
final class NdjsonExport implements Export.OfLines {

    private static final ObjectWriter COMPACT = RecordJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    /** De-identified: every date and time its year only, under the same names. */
    private static final class YearsOnly {
        static final ObjectWriter WRITER = RecordJson.mapper().rebuild()
                .addModule(new tools.jackson.databind.module.SimpleModule("tdn-years-only")
                        .addSerializer(java.time.OffsetDateTime.class, new tools.jackson.databind.ValueSerializer<java.time.OffsetDateTime>() {
                            @Override
                            public void serialize(java.time.OffsetDateTime t, tools.jackson.core.JsonGenerator g,
                                    tools.jackson.databind.SerializationContext c) {
                                g.writeString(String.valueOf(t.getYear()));
                            }
                        }))
                .build().writer().without(SerializationFeature.INDENT_OUTPUT);
    }

    private final Writer out;
    private final Disclosure disclosure;

    NdjsonExport(Writer out, Disclosure disclosure) {
        this.out = out;
        this.disclosure = disclosure;
    }

    @Override
    public void add(SessionRecord record) throws IOException {
        try {
            SessionRecord disclosed = disclosure.of(record);
            out.write((disclosure.deidentified() ? YearsOnly.WRITER : COMPACT).writeValueAsString(disclosed));
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
        out.write('\n');
    }

    /** Only for records that leave as stored ({@link Disclosure#asStored()}). */
    @Override
    public void addLine(byte[] line) throws IOException {
        out.write(new String(line, StandardCharsets.UTF_8));
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
