package dev.tdn.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tdn.json.SchemaModel;
import dev.tdn.record.Step;

/** The protocol schema is what clinics write their files against; it must be closed, bounded and true to the model. */
class ProtocolSchemaTest {

    static JsonNode schema() throws Exception {
        try (InputStream in = ProtocolSchemaTest.class.getResourceAsStream(ProtocolValidator.SCHEMA)) {
            return JsonMapper.shared().readTree(in);
        }
    }

    @Test
    void isAValidDraft202012Schema() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(meta.validate(schema())).isEmpty();
    }

    @Test
    void everyObjectIsClosedAndEveryValueBounded() throws Exception {
        List<String> open = new ArrayList<>();
        walk(schema(), "#", open);

        assertThat(open).isEmpty();
    }

    /** Strings are bounded by maxLength, or by a pattern of bounded length ({@code key}). */
    private static void walk(JsonNode node, String where, List<String> out) {
        if (!node.isObject()) {
            return;
        }
        if (node.has("properties") && !node.path("additionalProperties").isBoolean()
                || node.path("additionalProperties").asBoolean(false)) {
            out.add(where + ": object not closed");
        }
        String type = node.path("type").asString("");
        String ref = node.path("$ref").asString("");
        if (type.equals("array") && !node.has("maxItems")) {
            out.add(where + ": array without maxItems");
        }
        if (type.equals("number") || type.equals("integer")) {
            if (!node.has("maximum") || !(node.has("minimum") || node.has("exclusiveMinimum"))) {
                out.add(where + ": number without both bounds");
            }
        }
        if (ref.equals("#/$defs/text") && !node.has("maxLength")) {
            out.add(where + ": text without maxLength");
        }
        if (type.equals("string") && !where.equals("#/$defs/text") && !node.has("maxLength")
                && !node.path("pattern").asString("").matches(".*\\{\\d+,\\d+}\\$")) {
            out.add(where + ": string without a bound");
        }
        for (String name : node.propertyNames()) {
            JsonNode child = node.get(name);
            if (child.isObject()) {
                walk(child, where + "/" + name, out);
            } else if (child.isArray()) {
                for (int i = 0; i < child.size(); i++) {
                    walk(child.get(i), where + "/" + name + "/" + i, out);
                }
            }
        }
    }

    @Test
    void namesEveryStepOfTheProcedure() throws Exception {
        Set<String> inSchema = new TreeSet<>();
        schema().at("/properties/steps/items/properties/step/enum").forEach(v -> inSchema.add(v.asString()));
        Set<String> steps = new TreeSet<>();
        for (Step s : Step.values()) {
            steps.add(s.json());
        }

        assertThat(inSchema).isEqualTo(steps);
    }

    @Test
    void theModelHasExactlyTheSchemasFields() throws Exception {
        JsonNode root = schema();
        List<String> mismatches = SchemaModel.mismatches(ProtocolDocument.class, root);

        assertThat(mismatches).isEmpty();
    }

    @Test
    void documentsEveryRuleItChecksInCode() throws Exception {
        String description = schema().path("description").asString();

        assertThat(description).contains(ProtocolRules.WINDOW_ORDER, ProtocolRules.WEAK_TWITCH_WINDOW,
                ProtocolRules.STEPS_COMPLETE, ProtocolRules.UNIQUE_IDS, ProtocolRules.AT_LEAST_ONE_ABSOLUTE,
                ProtocolRules.DEPTH_WITHIN_NEEDLE, ProtocolRules.NAME_MATCHES_FILE);
    }
}
