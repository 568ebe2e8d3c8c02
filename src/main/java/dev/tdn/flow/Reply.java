package dev.tdn.flow;

import java.util.List;

/**
 * What the flow says back to one answer: lines such as "Needle out at 0:45.0 (in the window)."
 * or "Not understood. Please answer y or n." {@code taken} is false when the answer changed
 * nothing and the same question is asked again.
 */
public record Reply(boolean taken, List<String> said) {

    public Reply {
        said = List.copyOf(said);
    }

    static Reply ok(String... lines) {
        return new Reply(true, List.of(lines));
    }

    static Reply again(String line) {
        return new Reply(false, List.of(line));
    }

    /** This reply, saying one more line. */
    Reply and(String line) {
        List<String> more = new java.util.ArrayList<>(said);
        more.add(line);
        return new Reply(taken, more);
    }

    /** The last thing said, for a screen with room for one message line. */
    public String last() {
        return said.isEmpty() ? "" : said.get(said.size() - 1);
    }
}
