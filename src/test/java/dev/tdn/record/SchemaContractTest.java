package dev.tdn.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tdn.json.SchemaModel;

/** The schema file is the importers' contract; the model must say exactly what it says. */
class SchemaContractTest {

    static JsonNode schema() throws Exception {
        try (InputStream in = SchemaContractTest.class.getResourceAsStream(RecordValidator.SCHEMA)) {
            return JsonMapper.shared().readTree(in);
        }
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        List<Error> errors = meta.validate(schema());

        assertThat(errors).isEmpty();
    }

    @Test
    void everyObjectInTheSchemaIsClosed() throws Exception {
        List<String> open = new ArrayList<>();
        findOpenObjects(schema(), "#", open);

        assertThat(open).as("objects without additionalProperties: false").isEmpty();
    }

    private static void findOpenObjects(JsonNode node, String where, List<String> open) {
        if (!node.isObject()) {
            return;
        }
        if (node.has("properties") && !node.path("additionalProperties").isBoolean()) {
            open.add(where);
        } else if (node.has("properties") && node.get("additionalProperties").asBoolean()) {
            open.add(where);
        }
        for (String name : node.propertyNames()) {
            JsonNode child = node.get(name);
            if (child.isObject()) {
                findOpenObjects(child, where + "/" + name, open);
            } else if (child.isArray()) {
                for (int i = 0; i < child.size(); i++) {
                    findOpenObjects(child.get(i), where + "/" + name + "/" + i, open);
                }
            }
        }
    }

    @Test
    void theModelHasExactlyTheSchemasFields() throws Exception {
        JsonNode root = schema();
        List<String> mismatches = SchemaModel.mismatches(SessionRecord.class, root);

        assertThat(mismatches).isEmpty();
    }
}
