package dev.tdn.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.DateTimeFormat;
import com.networknt.schema.format.Format;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;

import dev.tdn.fuzz.Mutator;
import dev.tdn.fuzz.Seeds;
import dev.tdn.record.RecordJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * tdn checks documents against its schemas with {@link SchemaRules}; networknt's validator,
 * which did it before, is the reference: over every example record, protocol and config, and
 * tens of thousands of mutations of them (wrong types, numbers at every edge, missing and unknown
 * fields, broken timestamps), read both plainly and with locations, the two must give the very
 * same violations in the same order.
 */
class SchemaRulesAgreementTest {

    private static final int MUTATIONS = 12_000;

    @ParameterizedTest
    @ValueSource(strings = {"/schema/session-record-v1.json", "/schema/protocol-v1.json", "/schema/config-v1.json"})
    void everyDocumentGetsTheViolationsNetworkntGave(String resource) throws Exception {
        JsonNode schemaJson = read(resource);
        SchemaCheck ours = SchemaCheck.over(schemaJson);
        Schema reference = reference(schemaJson);
        Seeds seeds = Seeds.load();
        List<byte[]> starts = switch (resource) {
            case "/schema/protocol-v1.json" -> seeds.protocols;
            case "/schema/config-v1.json" -> seeds.configs;
            default -> seeds.records;
        };
        Random random = new Random(resource.hashCode());
        int compared = 0;
        int broken = 0;
        for (int i = 0; i < MUTATIONS + starts.size(); i++) {
            byte[] doc = i < starts.size() ? starts.get(i) : Mutator.mutate(starts.get(random.nextInt(starts.size())), random);
            for (JsonNode tree : trees(doc)) {
                List<Violation> expected = byReference(reference, ours, tree);
                assertThat(ours.check(tree)).as("document %d: %s", i, new String(doc, StandardCharsets.UTF_8))
                        .isEqualTo(expected);
                compared++;
                broken += expected.isEmpty() ? 0 : 1;
            }
        }
        // the mutations reach the schema: many documents still read as JSON, and many of those break it
        assertThat(compared).isGreaterThan(MUTATIONS / 3);
        assertThat(broken).isGreaterThan(compared / 4);
    }

    @org.junit.jupiter.api.Test
    void oneSchemaChecksOnEveryCoreAtOnce() throws Exception {
        // an import checks records on a pool of threads, all with the one schema
        SchemaCheck shared = SchemaCheck.over(read("/schema/session-record-v1.json"));
        Seeds seeds = Seeds.load();
        List<JsonNode> trees = new ArrayList<>();
        seeds.records.forEach(r -> trees.addAll(trees(r)));
        List<List<Violation>> alone = trees.stream().map(shared::check).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                SchemaCheck fresh = SchemaCheck.over(read("/schema/session-record-v1.json"));
                List<java.util.concurrent.Future<List<List<Violation>>>> all = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    all.add(pool.submit(() -> trees.stream().map(fresh::check).toList()));
                }
                for (var f : all) {
                    assertThat(f.get()).isEqualTo(alone);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The document as the record check reads it first (plainly) and again to place problems (with locations). */
    private static List<JsonNode> trees(byte[] doc) {
        List<JsonNode> out = new ArrayList<>();
        try {
            JsonNode plain = RecordJson.mapper().readTree(doc);
            if (plain != null && !plain.isMissingNode()) {
                out.add(plain);
            }
        } catch (JacksonException e) {
            // not JSON: no schema check is made
        }
        LocatedJson.Parsed located = LocatedJson.parse(RecordJson.mapper(), new Document("doc.json", 1, doc));
        if (located.ok()) {
            out.add(located.tree());
        }
        return out;
    }

    private static List<Violation> byReference(Schema reference, SchemaCheck words, JsonNode tree) {
        Set<Violation> out = new LinkedHashSet<>();
        for (Error e : reference.validate(SchemaCheck.wholeNumbersAsIntegers(tree))) {
            out.add(words.describe(new Failure(e.getKeyword(), path(e.getInstanceLocation()), e.getProperty(),
                    e.getSchemaNode(), pointer(e), e.getInstanceNode())));
        }
        return List.copyOf(out);
    }

    private static String pointer(Error e) {
        if (e.getSchemaLocation() == null) {
            return null;
        }
        String location = e.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        return hash < 0 ? null : location.substring(hash + 1);
    }

    private static JsonPath path(NodePath nodePath) {
        JsonPath path = JsonPath.ROOT;
        if (nodePath == null) {
            return path;
        }
        for (int i = 0; i < nodePath.getNameCount(); i++) {
            Object element = nodePath.getElement(i);
            path = element instanceof Integer index ? path.index(index) : path.field(String.valueOf(element));
        }
        return path;
    }

    /** networknt's validator set up as tdn set it up. */
    private static Schema reference(JsonNode schemaJson) {
        Dialect dialect = Dialect.builder(Dialects.getDraft202012()).format(new CommonDateTime()).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_PATH)
                        .build()));
        return registry.getSchema(schemaJson);
    }

    /** tdn's "date-time" over networknt, as it was set up. */
    private static final class CommonDateTime implements Format {
        private final Format general = new DateTimeFormat();

        @Override
        public String getName() {
            return general.getName();
        }

        @Override
        public String getMessageKey() {
            return general.getMessageKey();
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return DateTimeText.parse(value) != null || general.matches(context, value);
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SchemaRulesAgreementTest.class.getResourceAsStream(resource)) {
            return JsonMapper.shared().readTree(in);
        }
    }
}
