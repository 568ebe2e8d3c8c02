package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.tdn.export.IdentifierSystems;
import dev.tdn.fuzz.Mutator;
import dev.tdn.fuzz.Seeds;
import dev.tdn.json.Document;
import dev.tdn.json.LocatedJson;
import dev.tdn.json.SchemaCheck;
import dev.tdn.record.RecordJson;

/**
 * A config file read without Jackson's data binding is accepted exactly when the located path
 * (tree, schema, mapper, identifier systems) accepts it, with the same settings, over the seed
 * configs and thousands of mutations of them; the seeds themselves take the quick path.
 */
class ConfigTreeTest {

    private static final int MUTATIONS = 12_000;
    private static final SchemaCheck SCHEMA = SchemaCheck.load(Config.SCHEMA);

    @Test
    void settingsAreTheLocatedPathsOverSeedsAndMutations() {
        Seeds seeds = Seeds.load();
        Random random = new Random(20261204);
        int accepted = 0;
        for (Mutator.Case c : Mutator.seedsThenMutations(seeds.configs, MUTATIONS, random)) {
            boolean seed = c.seed();
            byte[] bytes = c.bytes();
            String as = c.describe();
            Document doc = new Document("config.json", 1, bytes);

            Config expected = locatedPath(doc);
            Config actual;
            try {
                actual = Config.read(doc);
            } catch (Config.Invalid e) {
                assertThat(expected).as(as).isNull();
                continue;
            }
            assertThat(actual).as(as).isNotNull().isEqualTo(expected);
            if (seed) {
                assertThat(ConfigTree.common(dev.tdn.json.JsonTree.read(RecordJson.factory(), bytes)))
                        .as("a seed is read without the mapper").isEqualTo(expected);
            }
            accepted++;
        }
        assertThat(accepted).isGreaterThan(MUTATIONS / 30);
    }

    /** The checks as they ran before the quick path; null when they refuse the file. */
    private static Config locatedPath(Document doc) {
        LocatedJson.Parsed parsed = LocatedJson.parse(RecordJson.mapper(), doc);
        if (!parsed.ok() || !SCHEMA.check(parsed.tree()).isEmpty()) {
            return null;
        }
        Config config;
        try {
            config = RecordJson.mapper().treeToValue(parsed.tree(), Config.class);
        } catch (RuntimeException e) {
            return null;
        }
        if (config.fhir() != null) {
            for (String uri : List.of(String.valueOf(config.fhir().patientSystem()), String.valueOf(config.fhir().clinicianSystem()))) {
                if (!uri.equals("null") && !IdentifierSystems.isSystem(uri)) {
                    return null;
                }
            }
        }
        return config;
    }
}
