package dev.tdn.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** tdn's own way of calling record constructors reads exactly what Jackson's reads, and fails as it fails. */
class RecordConstructorsTest {

    /** A record whose constructor refuses some values, as a protocol's window does. */
    record Window(int min, int max, List<String> notes) {
        Window {
            if (min > max) {
                throw new IllegalArgumentException("min above max");
            }
        }
    }

    /** A record that notes who called its constructor. */
    record Caller(int n) {
        static volatile List<String> lastCallers = List.of();

        Caller {
            lastCallers = StackWalker.getInstance().walk(frames -> frames.map(f -> f.getClassName()).toList());
        }
    }

    private static final ObjectMapper JACKSON_ALONE = JsonMapper.builder().build();
    private static final ObjectMapper WITH_THEM = JsonMapper.builder().addModule(RecordConstructors.module()).build();

    @Test
    void tdnsRecordsAreBuiltByItsOwnCallAndNotByInvokeWithArguments() throws Exception {
        WITH_THEM.readValue("{\"n\": 1}", Caller.class);
        assertThat(Caller.lastCallers).contains(RecordConstructors.class.getName() + "$Direct");

        JACKSON_ALONE.readValue("{\"n\": 1}", Caller.class);
        assertThat(Caller.lastCallers).doesNotContain(RecordConstructors.class.getName() + "$Direct");
    }

    @Test
    void aRecordReadsTheSame() throws Exception {
        String json = "{\"min\": 30, \"max\": 60, \"notes\": [\"weak twitch\"]}";

        assertThat(WITH_THEM.readValue(json, Window.class)).isEqualTo(JACKSON_ALONE.readValue(json, Window.class))
                .isEqualTo(new Window(30, 60, List.of("weak twitch")));
    }

    @Test
    void aConstructorThatRefusesFailsWithJacksonsOwnError() {
        String json = "{\"min\": 90, \"max\": 60, \"notes\": []}";

        Throwable ours = catchThrowable(() -> WITH_THEM.readValue(json, Window.class));
        Throwable jacksons = catchThrowable(() -> JACKSON_ALONE.readValue(json, Window.class));

        assertThat(ours).isNotNull().hasSameClassAs(jacksons).hasMessage(jacksons.getMessage());
        assertThat(ours.getCause()).hasSameClassAs(jacksons.getCause()).hasMessage("min above max");
    }

    @Test
    void theExampleSessionReadsTheSameAsWithJacksonsOwnConstructorCalls() throws Exception {
        byte[] example = Files.readAllBytes(Path.of("examples/sessions/2026-11-26_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json"));
        ObjectMapper plain = RecordJson.mapper().rebuild().removeAllModules()
                .addModule(new tools.jackson.databind.module.SimpleModule("tdn-timestamps")
                        .addDeserializer(java.time.OffsetDateTime.class, new DateTimeDeserializer()))
                .build();

        assertThat(RecordJson.readStored(example)).isEqualTo(plain.readValue(example, SessionRecord.class));
    }
}
