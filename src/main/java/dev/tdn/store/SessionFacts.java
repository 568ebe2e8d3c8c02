package dev.tdn.store;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Compression;
import dev.tdn.record.Deviation;
import dev.tdn.record.Dwell;
import dev.tdn.record.Point;
import dev.tdn.record.SessionRecord;

/**
 * What reports count of one session, taken from its record as it is stored (the facts tables of
 * schema version 4). Only points a needle went into are kept: a point the session ended before
 * needling is in no report.
 */
record SessionFacts(String startedMonth, int pointsNeedled, boolean handsSanitized, Integer painBefore,
        Integer painAfter, List<NeedledPoint> points, List<Deviation> deviations, Set<String> adverseEvents) {

    /** A point needled; the dwell's and compression's figures are null when the session ended before them. */
    record NeedledPoint(int n, String label, Dwell dwell, Compression compression, int needlesInserted,
            int needlesRemoved, Boolean bleeding, Boolean bandage) {
    }

    static SessionFacts of(SessionRecord r) {
        List<NeedledPoint> needled = new ArrayList<>();
        List<Point> points = r.points();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.insertedAt() != null) {
                String label = p.muscle().strip() + (p.side() == null ? "" : ":" + p.side().json());
                needled.add(new NeedledPoint(i, label, p.dwell(), p.compression(), p.needlesInserted(),
                        p.needlesRemoved(), p.bleeding(), p.bandage()));
            }
        }
        Set<String> events = new LinkedHashSet<>();
        if (r.adverseEvents() != null) {
            for (AdverseEvent e : r.adverseEvents()) {
                events.add(e.json());
            }
        }
        return new SessionFacts(YearMonth.from(r.startedAt()).toString(), needled.size(), r.handsSanitizedAt() != null,
                r.painBefore(), r.painAfter(), List.copyOf(needled), List.copyOf(r.deviations()), Set.copyOf(events));
    }
}
