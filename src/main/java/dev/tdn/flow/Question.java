package dev.tdn.flow;

import java.util.List;

import dev.tdn.session.Stage;

/**
 * What the session asks now, as data: both consoles draw it, neither decides it. The plain
 * console prints {@link #lead}, then {@link #prompt()} as one line; the live screen draws the
 * same words with {@link #items} as a board and {@link #keys} as single keys. Every key stands
 * for a plain answer, so the two consoles feed {@link SessionFlow#answer} the same words.
 *
 * @param stage        where the engine stands
 * @param ask          which question of that stage
 * @param kind         the kind of answer it takes
 * @param where        the point being needled, such as "point 1: upper trapezius, left", or ""
 * @param instruction  the protocol's instruction for the step
 * @param lead         lines said before the question (context, a warning)
 * @param text         the question
 * @param hint         how to answer in plain lines, such as "[y/n]"; may be empty
 * @param items        the board of a checklist (or the site-prep list); empty otherwise
 * @param keys         single keys for the live screen, each standing for a plain answer
 * @param suggestions  completion candidates for typed text
 * @param defaultAnswer what an empty answer means, for display; null when there is none
 */
public record Question(Stage stage, Ask ask, Kind kind, String where, String instruction, List<String> lead,
        String text, String hint, List<Item> items, List<Choice> keys, List<String> suggestions,
        String defaultAnswer) {

    public Question {
        lead = List.copyOf(lead);
        items = List.copyOf(items);
        keys = List.copyOf(keys);
        suggestions = List.copyOf(suggestions);
    }

    Question withLead(List<String> lines) {
        return new Question(stage, ask, kind, where, instruction, lines, text, hint, items, keys, suggestions,
                defaultAnswer);
    }

    Question withItems(List<Item> board) {
        return new Question(stage, ask, kind, where, instruction, lead, text, hint, board, keys, suggestions,
                defaultAnswer);
    }

    Question withKeys(List<Choice> choices) {
        return new Question(stage, ask, kind, where, instruction, lead, text, hint, items, choices, suggestions,
                defaultAnswer);
    }

    Question withSuggestions(List<String> names, String byDefault) {
        return new Question(stage, ask, kind, where, instruction, lead, text, hint, items, keys, names, byDefault);
    }

    /** The one line the plain console prints: a documented scripting interface, changed only on purpose. */
    public String prompt() {
        return hint.isEmpty() ? text : text + " " + hint;
    }

    /** The kinds of answer, as the clinicians named them. */
    public enum Kind { YES_NO, CHOICE, NUMBER, TEXT, CHECKLIST, DONE, TIMER }

    /** Every question the flow asks; the live screen draws a few (insert, the timers) specially. */
    public enum Ask {
        CONSENT, SCOPE, SCREENING, PRECAUTION, PAIN_BEFORE, SITE_PREP,
        MUSCLE, UNLISTED_MUSCLE, SIDE, LOCATION, REPRODUCES_PAIN, REFERRED_PAIN,
        INSERT, DWELL, TWITCH, REASON, REASON_TEXT, REMOVE, CLEANSE, COMPRESSION_READY, COMPRESSION,
        BLEEDING, BANDAGE, ANOTHER_POINT, HANDS, PAIN_AFTER, ADVERSE_EVENTS, AFTERCARE, NOTES,
        CONFIRM_ABORT, ABORT_REASON, ABORT_REASON_TEXT
    }

    /**
     * One line of a board: a checklist item toggled by its {@code key}, or a site-prep step.
     * {@code group} names the kind of item ("contraindication", "precaution") or is empty.
     */
    public record Item(String key, String label, String group, boolean ticked, boolean current) {
    }

    /** A single key on the live screen: {@code key} is one character or "Enter"; {@code answer} the plain answer it gives. */
    public record Choice(String key, String answer, String label) {

        public static final String ENTER = "Enter";
    }
}
