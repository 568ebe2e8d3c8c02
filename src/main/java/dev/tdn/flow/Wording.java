package dev.tdn.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tdn.flow.Question.Ask;
import dev.tdn.flow.Question.Choice;
import dev.tdn.flow.Question.Item;
import dev.tdn.flow.Question.Kind;
import dev.tdn.protocol.PrepItem;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ScreeningItem;
import dev.tdn.protocol.Window;
import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Point;
import dev.tdn.record.ScreeningAnswer;
import dev.tdn.record.Side;
import dev.tdn.session.Input;
import dev.tdn.session.Session;
import dev.tdn.session.TimerView;

/**
 * Every question's words, in one place. The plain prompts ({@link Question#prompt()}) are a
 * documented scripting interface (examples/scripted-session.md): change them only on purpose,
 * with that document and its script.
 */
final class Wording {

    static final String PAIN_ACCEPTED = "a number from 0 to 10, or Enter";
    static final String INSERT_ACCEPTED = "Enter, or words from: static, dynamic, 12mm, 2 (needles), es";
    static final String ADVERSE_ACCEPTED = "names from the list, separated by commas, or Enter for none";
    static final String CHECKLIST_ACCEPTED = "the numbers of the items that apply, separated by spaces, or Enter if"
            + " none apply";
    static final String REASON_ACCEPTED = "1, 2, 3 or a short reason in your words";
    static final String CONTRAINDICATED =
            "Absolute contraindication: no dry needling today. The session is recorded as not done.";
    static final String NOT_DONE = "No dry needling today. The session is recorded as not done.";

    private static final List<Choice> YES_NO = List.of(new Choice("y", "y", "y = yes"), new Choice("n", "n", "n = no"));

    private static final Map<Class<? extends Input>, String> UNDONE = Map.ofEntries(
            Map.entry(Input.Consent.class, "the consent answer"),
            Map.entry(Input.Scope.class, "the scope-of-practice answer"),
            Map.entry(Input.ScreeningAnswered.class, "the screening answer"),
            Map.entry(Input.ScreeningChecked.class, "the screening checklist"),
            Map.entry(Input.PrecautionConfirmed.class, "the go-ahead for a precaution"),
            Map.entry(Input.PainBefore.class, "pain before"),
            Map.entry(Input.SitePrepChecked.class, "the last site-prep tick"),
            Map.entry(Input.PointIdentified.class, "the point's muscle, side, location and palpation"),
            Map.entry(Input.MuscleNamed.class, "the muscle"),
            Map.entry(Input.SideGiven.class, "the side"),
            Map.entry(Input.LocationGiven.class, "the location"),
            Map.entry(Input.PainReproduced.class, "whether pressure reproduces the pain"),
            Map.entry(Input.PainReferred.class, "whether the pain is referred"),
            Map.entry(Input.BleedingSeen.class, "the bleeding answer"),
            Map.entry(Input.BandageApplied.class, "the bandage answer"),
            Map.entry(Input.PainAfter.class, "pain after"),
            Map.entry(Input.AdverseEventsNoted.class, "the adverse events"),
            Map.entry(Input.AftercareGiven.class, "the aftercare answer"),
            Map.entry(Input.NeedleInserted.class, "needle in; the dwell timer is stopped"),
            Map.entry(Input.TwitchMarked.class, "the twitch mark"),
            Map.entry(Input.DiscomfortSeen.class, "the discomfort note"),
            Map.entry(Input.StimulationToggled.class, "the electrical stimulation switch"),
            Map.entry(Input.Paused.class, "the pause"),
            Map.entry(Input.Resumed.class, "the resume"),
            Map.entry(Input.NeedlesRemoved.class, "needle out"),
            Map.entry(Input.Reason.class, "the reason"),
            Map.entry(Input.SiteCleansed.class, "site cleansed"),
            Map.entry(Input.CompressionStarted.class, "compression started"),
            Map.entry(Input.CompressionEnded.class, "compression done"),
            Map.entry(Input.Bleeding.class, "the bleeding answer"),
            Map.entry(Input.AnotherPoint.class, "the answer to another trigger point"),
            Map.entry(Input.HandsSanitized.class, "hands sanitized"));

    /** "1 patient request, 2 adverse reaction, 3 clinical judgement, " */
    private static final String REASON_LIST = reasonList();

    private final Session session;
    private final Protocol protocol;

    Wording(Session session) {
        this.session = session;
        this.protocol = session.setup().protocol();
    }

    private static String reasonList() {
        StringBuilder choices = new StringBuilder();
        for (int i = 0; i < Answers.REASONS.size(); i++) {
            choices.append(i + 1).append(" ").append(Answers.REASONS.get(i)).append(", ");
        }
        return choices.toString();
    }

    /** A key for each short reason, and one more for typing one's own. */
    private static List<Choice> reasonKeys() {
        List<Choice> keys = new ArrayList<>();
        for (int i = 0; i < Answers.REASONS.size(); i++) {
            String n = String.valueOf(i + 1);
            keys.add(new Choice(n, n, n + " = " + Answers.REASONS.get(i)));
        }
        String other = String.valueOf(Answers.REASONS.size() + 1);
        keys.add(new Choice(other, other, other + " = type your own"));
        return keys;
    }

    static String undone(Input input) {
        return UNDONE.getOrDefault(input.getClass(), "the last answer");
    }

    private Question ask(Ask ask, Kind kind, String text, String hint) {
        // while a point is identified its questions name it; the heading names it from insertion on
        String where = session.stage().step() == dev.tdn.record.Step.IDENTIFY ? ""
                : session.currentPoint().map(p -> "point " + p.n() + ": " + p.muscle()
                        + (p.side() == null ? "" : ", " + p.side().json())).orElse("");
        List<Choice> keys = kind == Kind.YES_NO ? YES_NO
                : kind == Kind.DONE ? List.of(new Choice(Choice.ENTER, "", hint))
                : List.of();
        return new Question(session.stage(), ask, kind, where, protocol.instruction(session.stage().step()), List.of(),
                text, hint, List.of(), keys, List.of(), null);
    }

    // --- screening

    Question consent() {
        return ask(Ask.CONSENT, Kind.YES_NO, "Informed consent confirmed?", "[y/n]");
    }

    Question scope() {
        return ask(Ask.SCOPE, Kind.YES_NO, "Dry needling is within your scope of practice in this jurisdiction?",
                "[y/n]");
    }

    Question screening() {
        List<ScreeningItem> left = session.screeningLeft();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            ScreeningItem item = left.get(i);
            String group = item.kind() == ScreeningAnswer.Kind.ABSOLUTE ? "contraindication" : "precaution";
            items.add(new Item(String.valueOf(i + 1), item.question(), group, false, false));
        }
        List<String> lead = List.of("Which of these apply to the patient? Enter confirms that none of the others do.");
        return ask(Ask.SCREENING, Kind.CHECKLIST, "Screening " + (left.size() == 1 ? "1" : "1-" + left.size())
                + ": the numbers of the items that apply, such as 6 9 (Enter if none apply):", "")
                .withLead(lead).withItems(items)
                .withKeys(List.of(new Choice(Choice.ENTER, "", "Enter = confirm, none of the others apply")));
    }

    Question precaution() {
        ScreeningItem item = session.screeningItem().orElseThrow();
        return ask(Ask.PRECAUTION, Kind.YES_NO, "Precaution: " + item.question() + " Go ahead with dry needling?",
                "[y/n]");
    }

    Question painBefore() {
        return ask(Ask.PAIN_BEFORE, Kind.NUMBER, "Pain now, 0-10 (Enter to skip):", "");
    }

    Question sitePrep() {
        PrepItem due = session.prepItem().orElseThrow();
        List<PrepItem> all = protocol.sitePrep();
        int at = all.indexOf(due);
        List<Item> board = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            board.add(new Item(String.valueOf(i + 1), all.get(i).label(), "", i < at, i == at));
        }
        return ask(Ask.SITE_PREP, Kind.DONE, "Site prep " + (at + 1) + "/" + all.size() + ": " + due.label() + ".",
                "Enter when done").withItems(board);
    }

    // --- one point

    Question muscle(int n, Optional<String> planned, List<String> catalogue) {
        List<String> names = new ArrayList<>(catalogue);
        planned.ifPresent(p -> names.add(0, p));
        return ask(Ask.MUSCLE, Kind.TEXT, "Point " + n + ": muscle" + planned.map(p -> " [" + p + "]").orElse("") + ":",
                "").withSuggestions(names, planned.orElse(null));
    }

    Question unlistedMuscle(String typed) {
        return ask(Ask.UNLISTED_MUSCLE, Kind.YES_NO, "\"" + typed + "\" is not in the muscle catalogue; billing counts"
                + " it as a muscle of its own. Record it as typed?", "[y/n]");
    }

    Question side(int n, String muscle, Optional<Side> planned) {
        List<Choice> keys = new ArrayList<>(List.of(new Choice("l", "l", "l = left"), new Choice("r", "r", "r = right"),
                new Choice("-", "-", "- = midline")));
        planned.ifPresent(s -> keys.add(new Choice(Choice.ENTER, "", "Enter = " + s.json())));
        return ask(Ask.SIDE, Kind.CHOICE, "Point " + n + ": side, l/r/- (- for midline)"
                + planned.map(s -> " [" + s.json() + "]").orElse("") + ":", "")
                .withLead(List.of("Point " + n + ": " + muscle)).withKeys(keys)
                .withSuggestions(List.of(), planned.map(Side::json).orElse(null));
    }

    Question location(int n) {
        return ask(Ask.LOCATION, Kind.TEXT, "Point " + n + ": location (Enter for none):", "");
    }

    Question reproducesPain(int n) {
        return ask(Ask.REPRODUCES_PAIN, Kind.YES_NO, "Point " + n + ": pressure reproduces the patient's pain?", "[y/n]");
    }

    Question referredPain(int n) {
        return ask(Ask.REFERRED_PAIN, Kind.YES_NO, "Point " + n + ": pain referred elsewhere?", "[y/n]");
    }

    Question insert() {
        double depth = session.setup().needle().depthMm();
        return ask(Ask.INSERT, Kind.CHOICE, "Insert the needle, about " + Readout.number(depth) + " mm. Enter when it"
                + " is in (or describe it, such as: dynamic 12mm 2 es):", "")
                .withSuggestions(List.of(), Readout.number(depth) + "mm");
    }

    Question dwell() {
        int in = session.needlesIn();
        List<Choice> keys = List.of(
                new Choice(Choice.ENTER, in > 1 ? "out 1" : "", in > 1 ? "Enter = one needle out" : "Enter = needle out"),
                new Choice("s", "s", "s/w/n = twitch"), new Choice("w", "w", ""), new Choice("n", "n", ""),
                new Choice("g", "g", "g = discomfort"), new Choice("e", "e", "e = e-stim"),
                new Choice("p", "p", "p = pause"));
        return ask(Ask.DWELL, Kind.TIMER, "Dwell: s/w/n = twitch, p = pause/resume, g [note] = discomfort,"
                + " e = stimulation on/off, Enter = needle out:", "").withKeys(keys);
    }

    Question twitch() {
        int in = session.needlesIn();
        return ask(Ask.TWITCH, Kind.CHOICE, "Twitch response seen?", "[s/w/n]")
                .withLead(List.of(in == 0 ? "The needle is out." : "The dwell has ended: a needle is out, " + in
                        + " still in."))
                .withKeys(List.of(new Choice("s", "s", "s = strong"), new Choice("w", "w", "w = weak"),
                        new Choice("n", "n", "n = none")));
    }

    Question reason() {
        Point p = session.currentPoint().orElseThrow();
        String what = session.stage() == dev.tdn.session.Stage.DWELL_REASON
                ? "The dwell of " + Readout.time(p.dwell().seconds()) + " is outside its window ("
                        + Readout.window(new Window(p.dwell().minSeconds(), p.dwell().maxSeconds())) + ")."
                : "Compression of " + Readout.time(p.compression().seconds()) + " is outside its window ("
                        + Readout.window(protocol.windows().compression()) + ").";
        List<Choice> keys = reasonKeys();
        return ask(Ask.REASON, Kind.CHOICE, "Reason: " + REASON_LIST + "or type it:", "")
                .withLead(List.of(what, "That is allowed; give the reason for the record.")).withKeys(keys);
    }

    Question reasonText() {
        return ask(Ask.REASON_TEXT, Kind.TEXT, "Reason, in your words:", "");
    }

    Question remove() {
        int k = session.needlesIn();
        // live: one Enter for each needle counted out; plain: a number, Enter for all
        List<Choice> keys = new ArrayList<>(List.of(new Choice(Choice.ENTER, "1", "Enter = one needle out")));
        for (int i = 2; i <= Math.min(9, k); i++) {
            keys.add(new Choice(String.valueOf(i), String.valueOf(i), i > 2 ? ""
                    : k == 2 ? "2 = both out" : "2-" + Math.min(9, k) + " = that many out"));
        }
        return ask(Ask.REMOVE, Kind.NUMBER, k + " needle(s) still in. How many removed now?", "[" + k + "]")
                .withLead(List.of("Nothing else goes on until every needle is out.")).withKeys(keys)
                .withSuggestions(List.of(), String.valueOf(k));
    }

    Question cleanse() {
        return ask(Ask.CLEANSE, Kind.DONE, "Cleanse the site with alcohol.", "Enter when done");
    }

    Question compressionReady() {
        return ask(Ask.COMPRESSION_READY, Kind.DONE, "Compress the site.", "Enter to start the compression timer");
    }

    Question compression() {
        return ask(Ask.COMPRESSION, Kind.TIMER, "Compressing.", "Enter when done")
                .withKeys(List.of(new Choice(Choice.ENTER, "", "Enter = compression done")));
    }

    Question bleeding() {
        return ask(Ask.BLEEDING, Kind.YES_NO, "Bleeding at the site?", "[y/n]");
    }

    Question bandage() {
        return ask(Ask.BANDAGE, Kind.YES_NO, "Bandage applied?", "[y/n]");
    }

    Question anotherPoint(Optional<PlannedPoint> next) {
        return ask(Ask.ANOTHER_POINT, Kind.YES_NO, "Another trigger point?"
                + next.map(p -> " (planned next: " + p.describe() + ")").orElse(""), "[y/n]");
    }

    Question hands() {
        return ask(Ask.HANDS, Kind.DONE, "Sanitize your hands.", "Enter when done");
    }

    // --- closing

    Question painAfter() {
        return ask(Ask.PAIN_AFTER, Kind.NUMBER, "Pain now, 0-10 (Enter to skip):", "")
                .withLead(List.of("After the procedure:"));
    }

    Question adverseEvents() {
        List<Item> items = new ArrayList<>();
        StringBuilder names = new StringBuilder();
        for (AdverseEvent e : AdverseEvent.values()) {
            items.add(new Item(String.valueOf(e.ordinal() + 1), e.json(), "", false, false));
            names.append(names.length() == 0 ? "" : ", ").append(e.json());
        }
        return ask(Ask.ADVERSE_EVENTS, Kind.CHECKLIST, "Adverse events seen, comma-separated: " + names
                + " (Enter for none):", "").withLead(List.of("Adverse events seen before the patient leaves:"))
                .withItems(items)
                .withKeys(List.of(new Choice(Choice.ENTER, "", "Enter = done (none of the others)")));
    }

    Question aftercare() {
        List<String> lead = new ArrayList<>(List.of("Aftercare for the patient:"));
        protocol.aftercare().forEach(line -> lead.add("  - " + line));
        return ask(Ask.AFTERCARE, Kind.YES_NO, "Aftercare advice given to the patient?", "[y/n]").withLead(lead);
    }

    Question notes() {
        return ask(Ask.NOTES, Kind.TEXT, "Notes (Enter for none):", "");
    }

    // --- abort

    Question confirmAbort() {
        int in = session.needlesIn();
        List<String> lead = in == 0 ? List.of() : List.of(in == 1
                ? "1 needle is still in the patient: remove it before the patient leaves."
                : in + " needles are still in the patient: remove and count them before the patient leaves.");
        return ask(Ask.CONFIRM_ABORT, Kind.YES_NO, "Abort the session? The record will be written as aborted.",
                "[y/n]").withLead(lead);
    }

    Question abortReason() {
        List<Choice> keys = reasonKeys();
        keys.add(new Choice(Choice.ENTER, "", "Enter = no reason"));
        return ask(Ask.ABORT_REASON, Kind.CHOICE, "Reason for stopping: " + REASON_LIST + "or type it (Enter to skip):",
                "")
                .withLead(List.of("Why is the session ending?")).withKeys(keys);
    }

    Question abortReasonText() {
        return ask(Ask.ABORT_REASON_TEXT, Kind.TEXT, "Reason for stopping, in your words (Enter to skip):", "");
    }
}
