package dev.tdn.record;

import java.time.OffsetDateTime;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

import dev.tdn.json.DateTimeText;

/**
 * Reads a record's timestamps through {@link DateTimeText} and hands everything that is not in
 * the common form to Jackson's own reader, configured as usual, so unusual but valid text and
 * the errors for bad text are exactly Jackson's.
 */
final class DateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

    private final ValueDeserializer<?> general;

    DateTimeDeserializer() {
        this(InstantDeserializer.OFFSET_DATE_TIME);
    }

    private DateTimeDeserializer(ValueDeserializer<?> general) {
        super(OffsetDateTime.class);
        this.general = general;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return new DateTimeDeserializer(InstantDeserializer.OFFSET_DATE_TIME.createContextual(ctxt, property));
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            OffsetDateTime common = DateTimeText.parse(p.getString());
            if (common != null) {
                return common;
            }
        }
        return (OffsetDateTime) general.deserialize(p, ctxt);
    }
}
