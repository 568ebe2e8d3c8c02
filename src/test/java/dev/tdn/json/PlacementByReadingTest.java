package dev.tdn.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.tdn.fuzz.Mutator;
import dev.tdn.fuzz.Seeds;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordValidator;
import tools.jackson.databind.JsonNode;

/**
 * Findings placed by reading a record as a stream land exactly where the located tree placed
 * them: line, column, path and order, for the schema's own findings over thousands of mutated
 * records and for paths into every value, missing ones included.
 */
class PlacementByReadingTest {

    private static final int MUTATIONS = 12_000;

    @Test
    void everyFindingIsPlacedWhereTheLocatedTreePlacedIt() {
        SchemaCheck schema = SchemaCheck.load(RecordValidator.SCHEMA);
        Seeds seeds = Seeds.load();
        Random random = new Random(20261204);
        int compared = 0;
        for (int i = 0; i < MUTATIONS + seeds.records.size(); i++) {
            byte[] bytes = i < seeds.records.size() ? seeds.records.get(i)
                    : Mutator.mutate(seeds.records.get(random.nextInt(seeds.records.size())), random);
            Document doc = new Document("r.json", 1, bytes);
            LocatedJson.Parsed parsed = LocatedJson.parse(RecordJson.mapper(), doc);
            if (!parsed.ok()) {
                continue;
            }
            List<Violation> findings = new ArrayList<>(schema.check(parsed.tree()));
            List<JsonPath> paths = new ArrayList<>();
            every(parsed.tree(), JsonPath.ROOT, paths);
            for (int k = 0; k < 6; k++) {
                JsonPath p = paths.get(random.nextInt(paths.size()));
                // a path that is there, a field or item under it that is not, and one deeper still
                findings.add(new Violation(switch (random.nextInt(3)) {
                    case 0 -> p;
                    case 1 -> p.field("absent");
                    default -> p.index(random.nextInt(4)).field("deeper");
                }, "test", "finding " + k));
            }
            assertThat(LocatedJson.placeByReading(RecordJson.mapper(), doc, findings))
                    .as("document %d: %s", i, new String(bytes, StandardCharsets.UTF_8))
                    .isEqualTo(LocatedJson.place(doc, parsed.tree(), findings));
            compared++;
        }
        // a fifth of the mutations still read as JSON
        assertThat(compared).isGreaterThan(MUTATIONS / 8);
    }

    private static void every(JsonNode node, JsonPath at, List<JsonPath> into) {
        into.add(at);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                every(e.getValue(), at.field(e.getKey()), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                every(node.get(i), at.index(i), into);
            }
        }
    }
}
