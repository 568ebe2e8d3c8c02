package dev.tdn.record;

import static dev.tdn.json.CommonForm.bool;
import static dev.tdn.json.CommonForm.boxedBool;
import static dev.tdn.json.CommonForm.boxedDouble;
import static dev.tdn.json.CommonForm.choice;
import static dev.tdn.json.CommonForm.doubleValue;
import static dev.tdn.json.CommonForm.fields;
import static dev.tdn.json.CommonForm.intValue;
import static dev.tdn.json.CommonForm.integer;
import static dev.tdn.json.CommonForm.list;
import static dev.tdn.json.CommonForm.object;
import static dev.tdn.json.CommonForm.string;
import static dev.tdn.json.CommonForm.time;

import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;


/**
 * Reads a session record from its JSON tree without Jackson's data binding, which a one-record
 * command paid about 70 ms of start-up to build (the mapper and the record's deserializer,
 * src/bench/README.md). Written by hand for that reason only, and only for the common form: a
 * record whose every value has the type its field expects, no field the model lacks, every
 * primitive present and every timestamp in the form tdn writes. Anything else is handed to
 * Jackson whole, so that unusual input reads, or fails, exactly as it always did; a test holds
 * the two to the same record over the examples and thousands of mutations of them.
 */
public final class RecordTree {

    private RecordTree() {
    }

    /** The record the tree holds, as Jackson would bind it (throwing as Jackson would). */
    public static SessionRecord read(JsonNode tree) throws JacksonException {
        SessionRecord common = common(tree);
        return common != null ? common : RecordJson.mapper().treeToValue(tree, SessionRecord.class);
    }

    /** The record, when the tree holds one in the common form; else null. */
    static SessionRecord common(JsonNode tree) {
        try {
            return session(tree);
        } catch (RuntimeException e) {
            // not the common form, or a constructor that refused its values: Jackson's to report
            return null;
        }
    }

    private static final Set<String> SESSION = Set.of("schemaVersion", "id", "status", "training", "startedAt",
            "endedAt", "clinician", "patient", "protocol", "screening", "painBefore", "sitePrep", "points",
            "handsSanitizedAt", "painAfter", "adverseEvents", "aftercareGiven", "deviations", "billing", "notes",
            "events", "software");

    private static SessionRecord session(JsonNode n) {
        fields(n, SESSION);
        return new SessionRecord(
                intValue(n.get("schemaVersion")),
                string(n.get("id")),
                choice(n.get("status"), Status.values(), Status::json),
                bool(n.get("training")),
                time(n.get("startedAt")),
                time(n.get("endedAt")),
                object(n.get("clinician"), RecordTree::clinician),
                object(n.get("patient"), RecordTree::patient),
                object(n.get("protocol"), RecordTree::protocol),
                object(n.get("screening"), RecordTree::screening),
                integer(n.get("painBefore")),
                list(n.get("sitePrep"), RecordTree::sitePrep),
                list(n.get("points"), RecordTree::point),
                time(n.get("handsSanitizedAt")),
                integer(n.get("painAfter")),
                list(n.get("adverseEvents"), RecordTree::adverseEvent),
                boxedBool(n.get("aftercareGiven")),
                list(n.get("deviations"), RecordTree::deviation),
                object(n.get("billing"), RecordTree::billing),
                string(n.get("notes")),
                list(n.get("events"), RecordTree::event),
                object(n.get("software"), RecordTree::software));
    }

    private static final Set<String> CLINICIAN = Set.of("id", "name", "credentials");

    private static Clinician clinician(JsonNode n) {
        fields(n, CLINICIAN);
        return new Clinician(string(n.get("id")), string(n.get("name")), string(n.get("credentials")));
    }

    private static final Set<String> PATIENT = Set.of("id");

    private static Patient patient(JsonNode n) {
        fields(n, PATIENT);
        return new Patient(string(n.get("id")));
    }

    private static final Set<String> PROTOCOL = Set.of("name", "version", "sha256");

    private static ProtocolRef protocol(JsonNode n) {
        fields(n, PROTOCOL);
        return new ProtocolRef(string(n.get("name")), intValue(n.get("version")), string(n.get("sha256")));
    }

    private static final Set<String> SCREENING = Set.of("consent", "scopeConfirmed", "cleared", "answers");

    private static Screening screening(JsonNode n) {
        fields(n, SCREENING);
        return new Screening(boxedBool(n.get("consent")), boxedBool(n.get("scopeConfirmed")), bool(n.get("cleared")),
                list(n.get("answers"), RecordTree::answer));
    }

    private static final Set<String> ANSWER = Set.of("item", "kind", "answer");

    private static ScreeningAnswer answer(JsonNode n) {
        fields(n, ANSWER);
        return new ScreeningAnswer(string(n.get("item")),
                choice(n.get("kind"), ScreeningAnswer.Kind.values(), ScreeningAnswer.Kind::json), bool(n.get("answer")));
    }

    private static final Set<String> SITE_PREP = Set.of("item", "label", "at");

    private static SitePrepItem sitePrep(JsonNode n) {
        fields(n, SITE_PREP);
        return new SitePrepItem(string(n.get("item")), string(n.get("label")), time(n.get("at")));
    }

    private static final Set<String> POINT = Set.of("n", "muscle", "muscleOf", "listed", "side", "location",
            "palpation", "needle", "needlesInserted", "needlesRemoved", "depthMm", "technique",
            "electricalStimulation", "insertedAt", "twitch", "dwell", "removedAt", "siteCleansedAt", "compression",
            "bleeding", "bandage", "discomfort");

    private static Point point(JsonNode n) {
        fields(n, POINT);
        return new Point(
                intValue(n.get("n")),
                string(n.get("muscle")),
                string(n.get("muscleOf")),
                boxedBool(n.get("listed")),
                choice(n.get("side"), Side.values(), Side::json),
                string(n.get("location")),
                object(n.get("palpation"), RecordTree::palpation),
                object(n.get("needle"), RecordTree::needle),
                intValue(n.get("needlesInserted")),
                intValue(n.get("needlesRemoved")),
                boxedDouble(n.get("depthMm")),
                choice(n.get("technique"), Technique.values(), Technique::json),
                boxedBool(n.get("electricalStimulation")),
                time(n.get("insertedAt")),
                choice(n.get("twitch"), Twitch.values(), Twitch::json),
                object(n.get("dwell"), RecordTree::dwell),
                time(n.get("removedAt")),
                time(n.get("siteCleansedAt")),
                object(n.get("compression"), RecordTree::compression),
                boxedBool(n.get("bleeding")),
                boxedBool(n.get("bandage")),
                list(n.get("discomfort"), RecordTree::discomfort));
    }

    private static final Set<String> PALPATION = Set.of("reproducesPain", "referredPain");

    private static Palpation palpation(JsonNode n) {
        fields(n, PALPATION);
        return new Palpation(boxedBool(n.get("reproducesPain")), boxedBool(n.get("referredPain")));
    }

    private static final Set<String> NEEDLE = Set.of("lengthMm", "gaugeMm");

    private static Needle needle(JsonNode n) {
        fields(n, NEEDLE);
        return new Needle(doubleValue(n.get("lengthMm")), doubleValue(n.get("gaugeMm")));
    }

    private static final Set<String> DWELL = Set.of("seconds", "minSeconds", "maxSeconds", "extended",
            "pausedSeconds", "estimatedSeconds");

    private static Dwell dwell(JsonNode n) {
        fields(n, DWELL);
        return new Dwell(doubleValue(n.get("seconds")), doubleValue(n.get("minSeconds")),
                doubleValue(n.get("maxSeconds")), bool(n.get("extended")), doubleValue(n.get("pausedSeconds")),
                boxedDouble(n.get("estimatedSeconds")));
    }

    private static final Set<String> COMPRESSION = Set.of("seconds", "minSeconds", "maxSeconds", "estimatedSeconds");

    private static Compression compression(JsonNode n) {
        fields(n, COMPRESSION);
        return new Compression(doubleValue(n.get("seconds")), doubleValue(n.get("minSeconds")),
                doubleValue(n.get("maxSeconds")), boxedDouble(n.get("estimatedSeconds")));
    }

    private static final Set<String> DISCOMFORT = Set.of("at", "note");

    private static Discomfort discomfort(JsonNode n) {
        fields(n, DISCOMFORT);
        return new Discomfort(time(n.get("at")), string(n.get("note")));
    }

    private static AdverseEvent adverseEvent(JsonNode n) {
        return choice(n, AdverseEvent.values(), AdverseEvent::json);
    }

    private static final Set<String> DEVIATION = Set.of("point", "step", "rule", "detail", "reason");

    private static Deviation deviation(JsonNode n) {
        fields(n, DEVIATION);
        return new Deviation(integer(n.get("point")), choice(n.get("step"), Step.values(), Step::json),
                choice(n.get("rule"), Deviation.Rule.values(), Deviation.Rule::json), string(n.get("detail")),
                string(n.get("reason")));
    }

    private static final Set<String> BILLING = Set.of("musclesTreated", "cpt");

    private static Billing billing(JsonNode n) {
        fields(n, BILLING);
        return new Billing(intValue(n.get("musclesTreated")), string(n.get("cpt")));
    }

    private static final Set<String> EVENT = Set.of("seq", "at", "elapsedSeconds", "type", "point", "detail");

    private static Event event(JsonNode n) {
        fields(n, EVENT);
        return new Event(intValue(n.get("seq")), time(n.get("at")), doubleValue(n.get("elapsedSeconds")),
                string(n.get("type")), integer(n.get("point")), string(n.get("detail")));
    }

    private static final Set<String> SOFTWARE = Set.of("name", "version");

    private static Software software(JsonNode n) {
        fields(n, SOFTWARE);
        return new Software(string(n.get("name")), string(n.get("version")));
    }
}
