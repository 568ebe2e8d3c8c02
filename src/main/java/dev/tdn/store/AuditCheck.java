package dev.tdn.store;

import java.util.List;

/**
 * What {@code tdn audit verify} found: how many entries it checked, the last one (whose hash a
 * clinic can write down elsewhere: only that shows entries removed from the end), and each break.
 */
public record AuditCheck(int checked, long lastSeq, String lastHash, List<Break> breaks) {

    public AuditCheck {
        breaks = List.copyOf(breaks);
    }

    public boolean intact() {
        return breaks.isEmpty();
    }

    /** One place where the chain does not hold, by entry number; never an entry's content. */
    public record Break(long seq, String what) {
    }
}
