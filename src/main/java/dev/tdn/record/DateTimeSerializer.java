package dev.tdn.record;

import java.time.OffsetDateTime;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdScalarSerializer;

import dev.tdn.json.DateTimeText;

/**
 * Writes a record's timestamps as Jackson's own writer does (ISO offset date-time, the offset
 * kept) through {@link DateTimeText}: an import hashes every record it stores by writing it.
 */
final class DateTimeSerializer extends StdScalarSerializer<OffsetDateTime> {

    DateTimeSerializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator g, SerializationContext ctxt) {
        g.writeString(DateTimeText.format(value));
    }
}
