package dev.tdn.journal;

import dev.tdn.session.Input;

/** One accepted input and the monotonic instant, in nanoseconds since the session began, it was taken at. */
public record JournalEntry(int seq, long elapsedNanos, Input input) {
}
