package dev.tdn.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.tdn.fuzz.Mutator;
import dev.tdn.fuzz.Seeds;
import dev.tdn.json.Document;
import dev.tdn.json.JsonTree;
import dev.tdn.record.RecordJson;

/**
 * Reading a protocol without Jackson's data binding gives what the mapper gives, over every seed
 * protocol and thousands of mutations of them; the seeds themselves are read without it, and
 * the validator's verdict on every mutation is what the located path alone says.
 */
class ProtocolTreeTest {

    private static final int MUTATIONS = 12_000;

    @Test
    void protocolsAreTheMappersOverSeedsAndMutations() {
        Seeds seeds = Seeds.load();
        ProtocolValidator validator = ProtocolValidator.load();
        Random random = new Random(20261204);
        int bound = 0;
        int common = 0;
        for (Mutator.Case c : Mutator.seedsThenMutations(seeds.protocols, MUTATIONS, random)) {
            boolean seed = c.seed();
            byte[] bytes = c.bytes();
            String as = c.describe();

            // the validator's verdict: valid exactly when the located path alone finds nothing
            CheckedProtocol checked = validator.check(new Document("p.json", 1, bytes), null);
            assertThat(checked.problems().isEmpty()).as(as).isEqualTo(locatedPathFindsNothing(validator, bytes));

            JsonNode tree;
            try {
                tree = JsonTree.read(RecordJson.factory(), bytes);
            } catch (RuntimeException e) {
                continue;
            }
            ProtocolDocument fromJackson;
            try {
                fromJackson = RecordJson.mapper().treeToValue(tree, ProtocolDocument.class);
            } catch (RuntimeException e) {
                assertThat(ProtocolTree.common(tree)).as(as).isNull();
                assertThat(catchThrowable(() -> ProtocolTree.read(tree))).as(as).hasSameClassAs(e).hasMessage(e.getMessage());
                continue;
            }
            ProtocolDocument fast = ProtocolTree.common(tree);
            if (seed && fromJackson != null && tree.isObject()) {
                assertThat(fast).as("a seed protocol is read without the mapper: " + as).isNotNull();
            }
            if (fast != null) {
                assertThat(fast).as(as).isEqualTo(fromJackson);
                common++;
            }
            assertThat(ProtocolTree.read(tree)).as(as).isEqualTo(fromJackson);
            bound++;
        }
        assertThat(bound).isGreaterThan(MUTATIONS / 30);
        assertThat(common).isGreaterThan(bound / 3);
    }

    /** The checks as they ran before the plain path: a located tree, the schema, the model, the rules. */
    private static boolean locatedPathFindsNothing(ProtocolValidator validator, byte[] bytes) {
        dev.tdn.json.LocatedJson.Parsed parsed = dev.tdn.json.LocatedJson.parse(RecordJson.mapper(),
                new Document("p.json", 1, bytes));
        if (!parsed.ok() || !SchemaCheckHolder.SCHEMA.check(parsed.tree()).isEmpty()) {
            return false;
        }
        try {
            return ProtocolRules.check(RecordJson.mapper().treeToValue(parsed.tree(), ProtocolDocument.class), null)
                    .isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final class SchemaCheckHolder {
        static final dev.tdn.json.SchemaCheck SCHEMA = dev.tdn.json.SchemaCheck.load(ProtocolValidator.SCHEMA);
    }
}
