package dev.tdn.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tdn.Printable;
import dev.tdn.json.DateTimeText;
import dev.tdn.record.Point;
import dev.tdn.record.SessionRecord;

/**
 * One patient's course: each session's date, status, muscles and pain before and after (NPRS
 * 0-10), oldest first. Most patients improve within 3-6 sessions, so the course is what the
 * clinician reviews, not a single visit.
 */
public final class Progress implements Report {

    /** Field names are the JSON contract of `tdn report progress --json`. */
    public record Visit(String id, String startedAt, String status, List<String> muscles, Integer painBefore,
            Integer painAfter) {
    }

    private final List<Visit> visits = new ArrayList<>();

    @Override
    public void add(SessionRecord r) {
        Set<String> muscles = new LinkedHashSet<>();
        for (Point p : r.points()) {
            if (p.insertedAt() != null) {
                muscles.add(p.muscle().strip() + (p.side() == null ? "" : ":" + p.side().json()));
            }
        }
        visits.add(new Visit(r.id(), DateTimeText.format(r.startedAt()), r.status().json(), List.copyOf(muscles),
                r.painBefore(), r.painAfter()));
    }

    @Override
    public List<Visit> json() {
        return List.copyOf(visits);
    }

    @Override
    public void printTable(PrintWriter out) {
        out.println(String.format("%-10s  %-9s  %6s  %5s  %s", "DATE", "STATUS", "BEFORE", "AFTER", "MUSCLES"));
        for (Visit v : visits) {
            String muscles = String.join(", ", v.muscles());
            out.println(String.format("%-10s  %-9s  %6s  %5s  %s", v.startedAt().substring(0, 10), Printable.line(v.status()),
                    pain(v.painBefore()), pain(v.painAfter()), BillingUnits.fit(muscles.isEmpty() ? "-" : muscles, 42)));
        }
        Visit first = visits.stream().filter(v -> v.painBefore() != null).findFirst().orElse(null);
        Visit last = visits.stream().filter(v -> v.painAfter() != null).reduce((a, b) -> b).orElse(null);
        out.println(visits.size() + " session(s)" + (first == null || last == null ? ""
                : "; pain " + first.painBefore() + " before the first, " + last.painAfter() + " after the last"));
    }

    private static String pain(Integer p) {
        return p == null ? "-" : p.toString();
    }
}
