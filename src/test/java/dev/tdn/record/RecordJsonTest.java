package dev.tdn.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import dev.tdn.Examples;

class RecordJsonTest {

    final ObjectMapper mapper = RecordJson.mapper();

    @Test
    void aRecordSurvivesARoundTripWithItsOffsetsAndFields() {
        String text = Examples.read(Examples.COMPLETED);

        SessionRecord record = mapper.readValue(text, SessionRecord.class);
        String written = mapper.writeValueAsString(record);

        assertThat(written).contains("\"startedAt\" : \"2026-11-26T14:03:11.204-06:00\"");
        JsonNode original = mapper.readTree(text);
        assertThat(original.equals(RecordJsonTest::sameValue, mapper.readTree(written))).isTrue();
        assertThat(mapper.readValue(written, SessionRecord.class)).isEqualTo(record);
    }

    /** 30 and 30.0 are the same number; everything else must match exactly. */
    static int sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    @Test
    void eventsLeaveOutFieldsThatDoNotApply() {
        SessionRecord record = mapper.readValue(Examples.read(Examples.COMPLETED), SessionRecord.class);

        String started = mapper.writeValueAsString(record.events().get(0));

        assertThat(started).doesNotContain("point").doesNotContain("detail");
    }

    @Test
    void unknownFieldsAreRefusedByTheMapperToo() {
        String text = Examples.read(Examples.COMPLETED).replace("\"training\"", "\"trainng\"");

        assertThatThrownBy(() -> mapper.readValue(text, SessionRecord.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> mapper.readTree("{\"a\": 1, \"a\": 2}")).isInstanceOf(JacksonException.class);
    }

    @Test
    void aStringWhereANumberBelongsIsNotCoerced() {
        String text = Examples.read(Examples.COMPLETED).replace("\"painBefore\": 6", "\"painBefore\": \"6\"");

        assertThatThrownBy(() -> mapper.readValue(text, SessionRecord.class)).isInstanceOf(JacksonException.class);
    }
}
