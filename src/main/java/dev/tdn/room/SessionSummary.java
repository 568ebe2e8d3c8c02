package dev.tdn.room;

import java.util.stream.Collectors;

import dev.tdn.Printable;
import dev.tdn.protocol.Protocol;
import dev.tdn.record.Point;
import dev.tdn.record.SessionRecord;

/** The few lines printed when a session ends, and the patient's aftercare handout. */
public final class SessionSummary {

    private SessionSummary() {
    }

    public static String of(SessionRecord r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Session ").append(r.status().json()).append(r.training() ? " (training)" : "").append(": ")
                .append(r.points().size()).append(r.points().size() == 1 ? " point" : " points");
        if (!r.points().isEmpty()) {
            sb.append(" (").append(r.points().stream().map(SessionSummary::point).collect(Collectors.joining("; ")))
                    .append(")");
        }
        sb.append('\n');
        if (r.billing().cpt() != null) {
            sb.append("Billing: ").append(r.billing().musclesTreated()).append(" muscle(s), CPT ")
                    .append(r.billing().cpt()).append(" suggested (a suggestion, not a claim)\n");
        }
        // a session that ends early can leave needles in the patient: the count says so first
        String needles = needlesNotRemoved(r);
        if (needles != null) {
            sb.append(needles).append(" ").append(REMOVE_THEM).append('\n');
        }
        sb.append("Deviations: ").append(r.deviations().size());
        r.deviations().forEach(d -> sb.append("\n  - ").append(d.step().json())
                .append(d.point() == null ? "" : " point " + d.point()).append(": ").append(Printable.line(d.detail()))
                .append(" (").append(Printable.line(d.reason())).append(")"));
        return sb.toString();
    }

    /** Said after the count wherever the patient may still be on the table: at the end of a session, and on recovery. */
    public static final String REMOVE_THEM = "Remove and count them before the patient leaves.";

    /**
     * "NEEDLES NOT RECORDED AS REMOVED: n (points ...)." for a record with needles in that were
     * never recorded as out, else null: the one wording of the session summary, recover and show.
     */
    public static String needlesNotRemoved(SessionRecord r) {
        int left = r.points().stream().mapToInt(p -> p.needlesInserted() - p.needlesRemoved()).sum();
        if (left <= 0) {
            return null;
        }
        return "NEEDLES NOT RECORDED AS REMOVED: " + left + " (points "
                + r.points().stream().filter(p -> p.needlesInserted() > p.needlesRemoved())
                        .map(p -> String.valueOf(p.n())).collect(Collectors.joining(", "))
                + ").";
    }

    private static String point(Point p) {
        String s = p.n() + " " + Printable.line(p.muscle()) + (p.side() == null ? "" : " " + p.side().json());
        if (p.dwell() != null) {
            s += ", dwell " + p.dwell().seconds() + " s" + (p.dwell().extended() ? " (extended)" : "");
        }
        return s;
    }

    public static String handout(Protocol protocol) {
        StringBuilder sb = new StringBuilder("After your dry needling treatment\n");
        sb.append("---------------------------------\n");
        protocol.aftercare().forEach(line -> sb.append("- ").append(Printable.line(line)).append('\n'));
        return sb.toString().stripTrailing();
    }
}
