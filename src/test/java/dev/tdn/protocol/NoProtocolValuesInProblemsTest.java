package dev.tdn.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

import dev.tdn.json.Document;
import dev.tdn.json.Problem;

/**
 * Seeded fuzzing of protocol files: the standard protocol with a marker in every text, broken
 * at random. Every file gets an answer without a throw, every problem is placed and named, none
 * quotes the file, and the schema catches everything the model could not hold.
 */
class NoProtocolValuesInProblemsTest {

    static final String MARKER = "VALMARK";
    static final long NUMBER_MARKER = 7_314_159_265L;
    static final ProtocolValidator VALIDATOR = ProtocolValidator.load();

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void problemsNeverQuoteTheFile(int seed) throws Exception {
        Random random = new Random(seed);
        ObjectNode protocol = (ObjectNode) JsonMapper.shared().readTree(ProtocolValidatorTest.standardText());
        markEveryText(protocol);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            editSomewhere(protocol, random);
        }
        byte[] bytes = JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(protocol)
                .getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(3) == 0) {
            bytes = breakBytes(bytes, random);
        }

        CheckedProtocol checked = VALIDATOR.check(new Document("fuzz.json", 1, bytes), null);

        assertThat(checked.valid()).isEqualTo(checked.protocol() != null);
        for (Problem p : checked.problems()) {
            assertThat(p.format()).doesNotContainIgnoringCase(MARKER).doesNotContain(Long.toString(NUMBER_MARKER));
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
            assertThat(p.rule()).matches("[a-z0-9-]+");
            assertThat(p.message()).doesNotContain("could not be read into the model");
        }
    }

    private static void markEveryText(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (String name : new ArrayList<>(o.propertyNames())) {
                JsonNode child = o.get(name);
                if (child.isString() && (name.equals("id") || name.equals("name"))) {
                    // still a valid key, so that files get past the schema to the rules
                    o.put(name, child.asString() + "-" + MARKER.toLowerCase(java.util.Locale.ROOT));
                } else if (child.isString() && !name.equals("kind") && !name.equals("step")) {
                    o.put(name, child.asString() + MARKER);
                } else {
                    markEveryText(child);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isString()) {
                    a.set(i, a.get(i).asString() + MARKER);
                } else {
                    markEveryText(a.get(i));
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
            switch (random.nextInt(3)) {
                case 0 -> a.set(i, value);
                case 1 -> a.add(a.get(i).deepCopy());
                default -> a.remove(i);
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
            case 5 -> f.objectNode().put("minSeconds", NUMBER_MARKER).put("maxSeconds", 1);
            case 6 -> f.arrayNode().add(MARKER).add(NUMBER_MARKER);
            case 7 -> f.stringNode("Needle-Phobia" + MARKER);
            case 8 -> f.stringNode(MARKER + "\u0000\u001b[31m");
            default -> f.stringNode(MARKER.repeat(200));
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
