package dev.tdn.session;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.tdn.record.Event;

/**
 * The record's events, in the order they happened. It outlives the {@link Procedure} that undo
 * rebuilds: an undone input's events stay, followed by the undo's own, so the record shows the
 * mistake and its correction. While a rebuild replays the kept inputs it is muted, since their
 * events are already here.
 */
final class EventLog {

    private final OffsetDateTime startedAt;
    private final List<Event> events = new ArrayList<>();
    private boolean muted;

    EventLog(OffsetDateTime startedAt) {
        this.startedAt = startedAt;
    }

    void add(long elapsedNanos, String type, Integer point, String detail) {
        if (muted) {
            return;
        }
        events.add(new Event(events.size() + 1, startedAt.plusNanos(elapsedNanos),
                Math.round(elapsedNanos / 1_000_000.0) / 1000.0, type, point,
                detail == null ? null : truncate(detail)));
    }

    void mute(boolean on) {
        muted = on;
    }

    int size() {
        return events.size();
    }

    /** Events from index {@code from} on. */
    List<Event> since(int from) {
        return List.copyOf(events.subList(from, events.size()));
    }

    /** Drops what a refused input logged: a refusal changes nothing. */
    void truncateTo(int size) {
        events.subList(size, events.size()).clear();
    }

    OffsetDateTime lastAt() {
        return events.get(events.size() - 1).at();
    }

    /**
     * The events for the record. An event of a point whose identification was undone (and not
     * made again) names the point in its detail instead, so every event refers to a real point.
     */
    List<Event> forRecord(int points) {
        List<Event> out = new ArrayList<>(events.size());
        for (Event e : events) {
            if (e.point() != null && e.point() > points) {
                String detail = "point " + e.point() + " (undone)" + (e.detail() == null ? "" : ": " + e.detail());
                out.add(new Event(e.seq(), e.at(), e.elapsedSeconds(), e.type(), null, truncate(detail)));
            } else {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    private static String truncate(String s) {
        return s.length() <= Session.MAX_TEXT ? s : s.substring(0, Session.MAX_TEXT);
    }
}
