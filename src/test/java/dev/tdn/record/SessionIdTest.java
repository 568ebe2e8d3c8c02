package dev.tdn.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SessionId and the record schema's {@code uuid} pattern agree, so an id recovery accepts is one import accepts. */
class SessionIdTest {

    static Pattern schemaPattern() throws Exception {
        try (InputStream in = SessionIdTest.class.getResourceAsStream(RecordValidator.SCHEMA)) {
            String pattern = RecordJson.mapper().readTree(in).at("/$defs/uuid/pattern").asString();
            // JSON Schema's patterns are ECMAScript's, where $ is the end of the text; Java's $ also
            // matches before a final newline (and the validator rejects "uuid\n", as it should)
            return Pattern.compile(pattern.endsWith("$") ? pattern.substring(0, pattern.length() - 1) + "\\z" : pattern);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44", "3F1C2A9E-6B1D-4D8E-9F3A-0C2B1E7D5A44",
        "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a4", "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a444", "3f1c2a9e6b1d4d8e9f3a0c2b1e7d5a44",
        "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44\n", "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44\u0000", "../3f1c2a9e-6b1d-4d8e-9f3a",
        "a/b", "", " 3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44", "gf1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44",
        "\u0663f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44"})
    void acceptsExactlyWhatTheSchemaAccepts(String id) throws Exception {
        // find(), as JSON Schema applies a pattern: its own anchors say where it must match
        boolean schema = schemaPattern().matcher(id).find();
        assertThat(SessionId.problem(id) == null).as("'%s'", id).isEqualTo(schema);
    }
}
