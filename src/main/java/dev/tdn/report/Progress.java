package dev.tdn.report;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tdn.Printable;
import dev.tdn.store.Count;

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

    /** Each session's muscles needled, in the record's order, each once. */
    private final Map<String, Set<String>> muscles = new HashMap<>();

    @Override
    public List<Count> counts() {
        return List.of(
                new Count("SELECT p.session_id, p.label FROM chosen c JOIN needled_points p ON p.session_id = c.id"
                        + " ORDER BY p.session_id, p.n",
                        rs -> muscles.computeIfAbsent(rs.getString(1), id -> new LinkedHashSet<>()).add(rs.getString(2))),
                new Count("SELECT id, started_at, status, pain_before, pain_after FROM chosen ORDER BY started_utc, id",
                        rs -> visits.add(new Visit(rs.getString(1), rs.getString(2), rs.getString(3),
                                List.copyOf(muscles.getOrDefault(rs.getString(1), Set.of())), pain(rs, 4), pain(rs, 5)))));
    }

    private static Integer pain(ResultSet rs, int column) throws SQLException {
        int p = rs.getInt(column);
        return rs.wasNull() ? null : p;
    }

    /** Pain before and after, session by session, on the 0-10 scale the patient answered. */
    @Override
    public Chart chart() {
        List<String> dates = new ArrayList<>();
        List<Integer> before = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            Visit v = visits.get(i);
            // numbered: two sessions on one day are two points, not one
            dates.add((i + 1) + ". " + v.startedAt().substring(0, 10));
            before.add(v.painBefore());
            after.add(v.painAfter());
        }
        return new Chart("Pain before and after each session (NPRS 0-10)", Chart.Kind.LINE, "session", "pain", dates,
                List.of(new Chart.Series("before", before), new Chart.Series("after", after)), 10);
    }

    /**
     * "pain 6/3 > 7/5 > 5/2 (before/after, oldest first)": the course on one line, in plain
     * characters, so it reads the same in a pipe.
     */
    String trend() {
        List<String> steps = new ArrayList<>();
        for (Visit v : visits) {
            steps.add(pain(v.painBefore()) + "/" + pain(v.painAfter()));
        }
        return "pain " + String.join(" > ", steps) + " (before/after, oldest first)";
    }

    @Override
    public List<Visit> json() {
        return List.copyOf(visits);
    }

    @Override
    public void printTable(PrintWriter out) {
        print(out, 42);
    }

    @Override
    public void printFullTable(PrintWriter out) {
        print(out, Integer.MAX_VALUE);
    }

    /** The table with the muscles column cut to {@code width}. */
    private void print(PrintWriter out, int width) {
        out.println(String.format("%-10s  %-9s  %6s  %5s  %s", "DATE", "STATUS", "BEFORE", "AFTER", "MUSCLES"));
        for (Visit v : visits) {
            String muscles = String.join(", ", v.muscles());
            out.println(String.format("%-10s  %-9s  %6s  %5s  %s", v.startedAt().substring(0, 10), Printable.line(v.status()),
                    pain(v.painBefore()), pain(v.painAfter()), BillingUnits.fit(muscles.isEmpty() ? "-" : muscles, width)));
        }
        Visit first = visits.stream().filter(v -> v.painBefore() != null).findFirst().orElse(null);
        Visit last = visits.stream().filter(v -> v.painAfter() != null).reduce((a, b) -> b).orElse(null);
        out.println(visits.size() + " session(s)" + (first == null || last == null ? ""
                : "; pain " + first.painBefore() + " before the first, " + last.painAfter() + " after the last"));
        out.println(visits.isEmpty() ? "pain: no sessions" : trend());
    }

    private static String pain(Integer p) {
        return p == null ? "-" : p.toString();
    }
}
