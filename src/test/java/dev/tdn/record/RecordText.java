package dev.tdn.record;

import java.nio.file.Path;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.tdn.Examples;

/** Builds variants of an example record by editing its JSON tree. */
public final class RecordText {

    private static final JsonMapper JSON = JsonMapper.shared();

    private RecordText() {
    }

    public static ObjectNode tree(Path example) {
        return (ObjectNode) JSON.readTree(Examples.read(example));
    }

    public static String edited(Path example, Consumer<ObjectNode> edit) {
        ObjectNode tree = tree(example);
        edit.accept(tree);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    public static String compact(Path example, Consumer<ObjectNode> edit) {
        ObjectNode tree = tree(example);
        edit.accept(tree);
        return JSON.writeValueAsString(tree);
    }

    public static ObjectNode point(ObjectNode record, int index) {
        return (ObjectNode) record.get("points").get(index);
    }
}
