package dev.tdn.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.tdn.Examples;
import dev.tdn.json.Document;
import dev.tdn.json.Problem;

/**
 * Seeded fuzzing: records carrying a marker in every text field are broken at random, in their
 * structure or their bytes. The validator must answer every one without throwing, and no
 * problem it reports may carry the marker, because in real records it would be patient data.
 */
class NoRecordValuesInProblemsTest {

    static final String MARKER = "PHIMARK";
    static final long NUMBER_MARKER = 7_314_159_265L;
    static final RecordValidator VALIDATOR = RecordValidator.load();
    static final List<Path> EXAMPLES = List.of(Examples.COMPLETED, Examples.ABORTED, Examples.NOT_DONE);

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 400);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void problemsNeverQuoteTheRecord(int seed) {
        Random random = new Random(seed);
        ObjectNode record = RecordText.tree(EXAMPLES.get(random.nextInt(EXAMPLES.size())));
        if (seed % 2 == 0) {
            // half as records are written now, with the whole muscle and whether it was listed
            record.get("points").forEach(p -> ((ObjectNode) p).put("muscleOf", p.get("muscle").asString())
                    .put("listed", false));
        }
        markEveryText(record, random);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            editSomewhere(record, random);
        }
        byte[] bytes = JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(record)
                .getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(3) == 0) {
            bytes = breakBytes(bytes, random);
        }

        CheckedRecord checked = VALIDATOR.check(new Document("fuzz.json", 1, bytes));

        for (Problem p : checked.problems()) {
            assertThat(p.format()).doesNotContain(MARKER).doesNotContain(Long.toString(NUMBER_MARKER))
                    .doesNotContain("MRN-");
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
            assertThat(p.rule()).matches("[a-z0-9-]+");
            // the schema must catch all that the model cannot hold
            assertThat(p.message()).doesNotContain("could not be read into the model");
        }
    }

    /** Put the marker inside every string value, as a patient id could be in any of them. */
    private static void markEveryText(JsonNode node, Random random) {
        if (node instanceof ObjectNode o) {
            for (String name : new ArrayList<>(o.propertyNames())) {
                JsonNode child = o.get(name);
                if (child.isString()) {
                    o.put(name, child.asString() + MARKER + random.nextInt(100));
                } else {
                    markEveryText(child, random);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isString()) {
                    a.set(i, a.get(i).asString() + MARKER);
                } else {
                    markEveryText(a.get(i), random);
                }
            }
        }
    }

    private static void editSomewhere(ObjectNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode value = randomValue(random);
        if (target instanceof ObjectNode o && !o.isEmpty()) {
            List<String> names = new ArrayList<>(o.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> o.remove(name);
                case 1 -> o.set(name, value);
                default -> o.set("extra" + random.nextInt(10), value);
            }
        } else if (target instanceof ArrayNode a && !a.isEmpty()) {
            int i = random.nextInt(a.size());
            if (random.nextBoolean()) {
                a.set(i, value);
            } else {
                a.add(a.get(i).deepCopy());
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainer()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }

    private static JsonNode randomValue(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(10)) {
            case 0 -> f.stringNode(MARKER);
            case 1 -> f.numberNode(NUMBER_MARKER);
            case 2 -> random.nextBoolean() ? f.numberNode(-NUMBER_MARKER / 1000.0) : f.numberNode(2.0);
            case 3 -> f.booleanNode(random.nextBoolean());
            case 4 -> f.nullNode();
            case 5 -> f.objectNode().put("note", MARKER);
            case 6 -> f.arrayNode().add(MARKER).add(NUMBER_MARKER);
            case 7 -> f.stringNode("2026-02-30T25:61:00" + MARKER);
            case 8 -> f.stringNode(MARKER + "\u0000\u001b[31m");
            default -> f.stringNode(MARKER.repeat(50));
        };
    }

    private static byte[] breakBytes(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                return java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
            }
            case 1 -> copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            default -> copy[random.nextInt(copy.length)] = (byte) "{}[],:\"\\".charAt(random.nextInt(8));
        }
        return copy;
    }
}
