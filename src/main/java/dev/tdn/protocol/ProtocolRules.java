package dev.tdn.protocol;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tdn.json.JsonPath;
import dev.tdn.json.Violation;
import dev.tdn.record.ScreeningAnswer;
import dev.tdn.record.Step;

/**
 * What a protocol must also obey beyond its schema: rules that relate one field to another.
 * Run on a file that already matches the schema, so every field has its type.
 */
public final class ProtocolRules {

    public static final String WINDOW_ORDER = "window-order";
    public static final String WEAK_TWITCH_WINDOW = "weak-twitch-window";
    public static final String STEPS_COMPLETE = "steps-complete";
    public static final String UNIQUE_IDS = "unique-ids";
    public static final String AT_LEAST_ONE_ABSOLUTE = "at-least-one-absolute";
    public static final String DEPTH_WITHIN_NEEDLE = "depth-within-needle";
    public static final String NAME_MATCHES_FILE = "name-matches-file";

    private static final JsonPath ROOT = JsonPath.ROOT;
    private static final JsonPath WINDOWS = ROOT.field("windows");

    private final ProtocolDocument p;
    private final List<Violation> found = new ArrayList<>();

    private ProtocolRules(ProtocolDocument p) {
        this.p = p;
    }

    /**
     * @param expectedName the name the file's name promises ({@code clinic.json} promises
     *     {@code clinic}), or null when it promises none, as for standard input
     */
    static List<Violation> check(ProtocolDocument protocol, String expectedName) {
        ProtocolRules rules = new ProtocolRules(protocol);
        rules.nameMatchesFile(expectedName);
        rules.depthWithinNeedle();
        rules.windowsOrdered();
        rules.weakTwitchLengthens();
        rules.atLeastOneAbsolute();
        rules.uniqueIds();
        rules.stepsComplete();
        return List.copyOf(rules.found);
    }

    private void fail(JsonPath path, String rule, String message) {
        found.add(new Violation(path, rule, message));
    }

    /** Records store only the name; if it could differ from the file's, a record would point at the wrong file. */
    private void nameMatchesFile(String expectedName) {
        if (expectedName != null && !expectedName.equals(p.name())) {
            fail(ROOT.field("name"), NAME_MATCHES_FILE, "must equal the file name without .json ("
                    + expectedName + "), because session records find the protocol by its name; rename the file or"
                    + " change this field");
        }
    }

    private void depthWithinNeedle() {
        if (p.needle().depthMm() > p.needle().lengthMm()) {
            fail(ROOT.field("needle").field("depthMm"), DEPTH_WITHIN_NEEDLE,
                    "the insertion depth is more than the needle's length");
        }
    }

    private void windowsOrdered() {
        ordered("dwell", p.windows().dwell());
        ordered("weakTwitchDwell", p.windows().weakTwitchDwell());
        ordered("compression", p.windows().compression());
    }

    private void ordered(String name, Window w) {
        if (w.minSeconds() > w.maxSeconds()) {
            fail(WINDOWS.field(name).field("minSeconds"), WINDOW_ORDER, "the window's minimum is above its maximum");
        }
    }

    /** The article: a weak response needs "closer to 2-3 minutes", longer than the usual 30-60 s. */
    private void weakTwitchLengthens() {
        Window dwell = p.windows().dwell();
        Window weak = p.windows().weakTwitchDwell();
        JsonPath at = WINDOWS.field("weakTwitchDwell");
        if (weak.minSeconds() < dwell.minSeconds()) {
            fail(at.field("minSeconds"), WEAK_TWITCH_WINDOW,
                    "a weak twitch lengthens the dwell: this minimum must not be below the dwell window's minimum");
        }
        if (weak.maxSeconds() < dwell.maxSeconds()) {
            fail(at.field("maxSeconds"), WEAK_TWITCH_WINDOW,
                    "a weak twitch lengthens the dwell: this maximum must not be below the dwell window's maximum");
        }
    }

    /** Without one, no answer could stop a session, and screening would be a formality. */
    private void atLeastOneAbsolute() {
        boolean any = p.screening().stream().anyMatch(s -> s.kind() == ScreeningAnswer.Kind.ABSOLUTE);
        if (!any) {
            fail(ROOT.field("screening"), AT_LEAST_ONE_ABSOLUTE,
                    "the checklist needs at least one absolute contraindication, so that screening can stop a session");
        }
    }

    /** Records store the id alone; two items with one id could not be told apart. */
    private void uniqueIds() {
        Map<String, Integer> screening = new HashMap<>();
        for (int i = 0; i < p.screening().size(); i++) {
            unique(screening, p.screening().get(i).id(), ROOT.field("screening"), i);
        }
        Map<String, Integer> prep = new HashMap<>();
        for (int i = 0; i < p.sitePrep().size(); i++) {
            unique(prep, p.sitePrep().get(i).id(), ROOT.field("sitePrep"), i);
        }
    }

    private void unique(Map<String, Integer> seen, String id, JsonPath list, int i) {
        Integer first = seen.putIfAbsent(id, i);
        if (first != null) {
            fail(list.index(i).field("id"), UNIQUE_IDS, "the same id as " + list.index(first) + "; ids must be unique");
        }
    }

    private void stepsComplete() {
        Map<Step, Integer> seen = new EnumMap<>(Step.class);
        JsonPath steps = ROOT.field("steps");
        for (int i = 0; i < p.steps().size(); i++) {
            Step step = p.steps().get(i).step();
            Integer first = seen.putIfAbsent(step, i);
            if (first != null) {
                fail(steps.index(i).field("step"), STEPS_COMPLETE, "step '" + step.json()
                        + "' already has an instruction at " + steps.index(first) + "; each step has exactly one");
            }
        }
        for (Step step : Step.values()) {
            if (!seen.containsKey(step)) {
                fail(steps, STEPS_COMPLETE, "no instruction for step '" + step.json() + "'; each step has exactly one");
            }
        }
    }
}
