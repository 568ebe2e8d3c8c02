package dev.tdn.session;

import java.util.List;

import dev.tdn.record.Event;

/**
 * What applying one input did: accepted with the record events it produced and the monotonic
 * instant it was taken at (which the journal keeps for replay), or refused with a reason the
 * console shows before asking again.
 */
public sealed interface Outcome {

    record Accepted(long tick, List<Event> events) implements Outcome {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Refused(String reason) implements Outcome {
    }
}
