package dev.tdn.json;

import tools.jackson.core.JsonGenerator;

/** A property whose value may be null, written as the record mapper writes one: the name, then the value or {@code null}. */
public final class NullableProperty {

    private NullableProperty() {
    }

    public static void string(JsonGenerator g, String name, String value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }
}
