package dev.tdn.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Side;
import dev.tdn.record.Twitch;

/**
 * How typed answers are read. Each returns empty when the answer is not one of the accepted
 * forms, and the console asks again naming them; nothing here throws on what a person types.
 */
final class Answers {

    /** The short list of deviation reasons, chosen by number (or typed in full). */
    static final List<String> REASONS = List.of("patient request", "adverse reaction", "clinical judgement");

    private Answers() {
    }

    static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    static Optional<Boolean> yesNo(String s) {
        return switch (norm(s)) {
            case "y", "yes" -> Optional.of(true);
            case "n", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** "Enter when done": an empty line, or y, yes, done. */
    static boolean done(String s) {
        return s.isBlank() || yesNo(s).orElse(false) || norm(s).equals("done");
    }

    /**
     * A checklist answer: the numbers (1 to {@code items}) of what applies, separated by spaces
     * or commas; empty or "none" when nothing does. Each number once, in ascending order.
     */
    static Optional<List<String>> ticked(String s, int items) {
        java.util.TreeSet<Integer> picked = new java.util.TreeSet<>();
        for (String word : norm(s).split("[,\\s]+")) {
            if (word.isEmpty() || word.equals("none")) {
                continue;
            }
            if (!word.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            int n = Integer.parseInt(word);
            if (n < 1 || n > items) {
                return Optional.empty();
            }
            picked.add(n);
        }
        return Optional.of(picked.stream().map(String::valueOf).toList());
    }

    static Optional<Twitch> twitch(String s) {
        return switch (norm(s)) {
            case "s", "strong" -> Optional.of(Twitch.STRONG);
            case "w", "weak" -> Optional.of(Twitch.WEAK);
            case "n", "none" -> Optional.of(Twitch.NONE);
            default -> Optional.empty();
        };
    }

    /** Side of the body: l/left, r/right, or "-"/none for a midline muscle. */
    static Optional<Optional<Side>> side(String s) {
        return switch (norm(s)) {
            case "l", "left" -> Optional.of(Optional.of(Side.LEFT));
            case "r", "right" -> Optional.of(Optional.of(Side.RIGHT));
            case "-", "none", "midline" -> Optional.of(Optional.empty());
            default -> Optional.empty();
        };
    }

    /** 0-10; an empty answer is "not asked". Outer empty = not understood. */
    static Optional<Optional<Integer>> pain(String s) {
        String t = norm(s);
        if (t.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        try {
            int v = Integer.parseInt(t);
            return v >= 0 && v <= 10 ? Optional.of(Optional.of(v)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Integer> count(String s, int defaultValue, int max) {
        String t = norm(s);
        if (t.isEmpty()) {
            return Optional.of(defaultValue);
        }
        try {
            int v = Integer.parseInt(t);
            return v >= 1 && v <= max ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "1".."3" picks from {@link #REASONS}; other text is the reason itself. */
    static Optional<String> reason(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.matches("[1-9]")) {
            int i = Integer.parseInt(t) - 1;
            return i < REASONS.size() ? Optional.of(REASONS.get(i)) : Optional.empty();
        }
        return Optional.of(t);
    }

    /** Comma- or space-separated adverse events; empty means none. */
    static Optional<List<AdverseEvent>> adverseEvents(String s) {
        List<AdverseEvent> out = new ArrayList<>();
        for (String word : norm(s).split("[,\\s]+")) {
            if (word.isEmpty() || word.equals("none")) {
                continue;
            }
            AdverseEvent match = null;
            for (AdverseEvent e : AdverseEvent.values()) {
                // by name, or by its number on the live screen's board
                if (e.json().equals(word) || word.equals(String.valueOf(e.ordinal() + 1))) {
                    match = e;
                }
            }
            if (match == null) {
                return Optional.empty();
            }
            out.add(match);
        }
        return Optional.of(out);
    }

    /** The insertion line: Enter for the defaults, or words such as "dynamic 12mm 2 es". */
    record Insertion(boolean dynamic, double depthMm, int needles, boolean stimulation) {
    }

    static Optional<Insertion> insertion(String s, double defaultDepth) {
        boolean dynamic = false;
        double depth = defaultDepth;
        int needles = 1;
        boolean es = false;
        for (String word : norm(s).split("\\s+")) {
            if (word.isEmpty() || word.equals("static") || word.equals("s")) {
                continue;
            }
            if (word.equals("dynamic") || word.equals("d")) {
                dynamic = true;
            } else if (word.equals("es") || word.equals("e-stim") || word.equals("stim")) {
                es = true;
            } else if (word.matches("\\d+(\\.\\d+)?mm")) {
                depth = Double.parseDouble(word.substring(0, word.length() - 2));
                if (depth > 200) {
                    return Optional.empty();
                }
            } else if (word.matches("\\d{1,2}")) {
                needles = Integer.parseInt(word);
                if (needles < 1 || needles > 20) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Insertion(dynamic, depth, needles, es));
    }
}
