package dev.tdn.protocol;

import static dev.tdn.json.CommonForm.choice;
import static dev.tdn.json.CommonForm.doubleValue;
import static dev.tdn.json.CommonForm.fields;
import static dev.tdn.json.CommonForm.intValue;
import static dev.tdn.json.CommonForm.list;
import static dev.tdn.json.CommonForm.object;
import static dev.tdn.json.CommonForm.string;

import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.tdn.record.RecordJson;
import dev.tdn.record.ScreeningAnswer;
import dev.tdn.record.Step;

/**
 * Reads a protocol file from its JSON tree without Jackson's data binding, as {@code RecordTree}
 * reads a session record and for the same reason: every session and every {@code tdn protocol}
 * command checks a protocol first, and building the mapper to read one was a third of their
 * start-up (src/bench/README.md). Only the common form; anything else is Jackson's, whole.
 */
final class ProtocolTree {

    private ProtocolTree() {
    }

    /** The protocol the tree holds, as Jackson would bind it (throwing as Jackson would). */
    static ProtocolDocument read(JsonNode tree) {
        ProtocolDocument common = common(tree);
        return common != null ? common : RecordJson.mapper().treeToValue(tree, ProtocolDocument.class);
    }

    /** The protocol, when the tree holds one in the common form; else null. */
    static ProtocolDocument common(JsonNode tree) {
        try {
            return document(tree);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final Set<String> DOCUMENT = Set.of("format", "name", "version", "title", "needle", "windows",
            "screening", "sitePrep", "steps", "aftercare");

    private static ProtocolDocument document(JsonNode n) {
        fields(n, DOCUMENT);
        return new ProtocolDocument(intValue(n.get("format")), string(n.get("name")), intValue(n.get("version")),
                string(n.get("title")), object(n.get("needle"), ProtocolTree::needle),
                object(n.get("windows"), ProtocolTree::windows), list(n.get("screening"), ProtocolTree::screening),
                list(n.get("sitePrep"), ProtocolTree::prep), list(n.get("steps"), ProtocolTree::instruction),
                list(n.get("aftercare"), dev.tdn.json.CommonForm::string));
    }

    private static final Set<String> NEEDLE = Set.of("lengthMm", "gaugeMm", "depthMm");

    private static NeedleDefaults needle(JsonNode n) {
        fields(n, NEEDLE);
        return new NeedleDefaults(doubleValue(n.get("lengthMm")), doubleValue(n.get("gaugeMm")),
                doubleValue(n.get("depthMm")));
    }

    private static final Set<String> WINDOWS = Set.of("dwell", "weakTwitchDwell", "compression");

    private static Windows windows(JsonNode n) {
        fields(n, WINDOWS);
        return new Windows(object(n.get("dwell"), ProtocolTree::window),
                object(n.get("weakTwitchDwell"), ProtocolTree::window), object(n.get("compression"), ProtocolTree::window));
    }

    private static final Set<String> WINDOW = Set.of("minSeconds", "maxSeconds");

    private static Window window(JsonNode n) {
        fields(n, WINDOW);
        return new Window(doubleValue(n.get("minSeconds")), doubleValue(n.get("maxSeconds")));
    }

    private static final Set<String> SCREENING = Set.of("id", "kind", "question");

    private static ScreeningItem screening(JsonNode n) {
        fields(n, SCREENING);
        return new ScreeningItem(string(n.get("id")),
                choice(n.get("kind"), ScreeningAnswer.Kind.values(), ScreeningAnswer.Kind::json), string(n.get("question")));
    }

    private static final Set<String> PREP = Set.of("id", "label");

    private static PrepItem prep(JsonNode n) {
        fields(n, PREP);
        return new PrepItem(string(n.get("id")), string(n.get("label")));
    }

    private static final Set<String> INSTRUCTION = Set.of("step", "instruction");

    private static ProtocolDocument.Instruction instruction(JsonNode n) {
        fields(n, INSTRUCTION);
        return new ProtocolDocument.Instruction(choice(n.get("step"), Step.values(), Step::json),
                string(n.get("instruction")));
    }
}
