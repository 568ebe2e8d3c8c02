package dev.tdn.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tdn.Printable;
import dev.tdn.store.Count;

/**
 * How closely the sessions kept to the protocol: dwell and compression times against the window
 * in force, windows extended for a weak twitch, needles not counted out, hands not sanitized,
 * and the deviations clinicians recorded, by step and rule.
 */
public final class Adherence implements Report {

    private final Map<String, Integer> sessionsByStatus = new TreeMap<>();
    private int sessions;
    private int pointsNeedled;
    private final Timing dwell = new Timing();
    private final Timing compression = new Timing();
    private int extendedWindows;
    private int needleCountMismatches;
    private int needledSessions;
    private int needledSessionsWithoutHandHygiene;
    private int sessionsWithDeviations;
    private final Map<String, Integer> deviations = new TreeMap<>();

    /** Timed steps against their windows; a step ended exactly on a bound is inside. */
    private static final class Timing {
        int timed;
        int inside;
        int below;
        int above;

        void set(int timed, int below, int above) {
            this.timed = timed;
            this.below = below;
            this.above = above;
            this.inside = timed - below - above;
        }

        TimingFigures figures() {
            return new TimingFigures(timed, inside, below, above);
        }
    }

    /** An above-maximum count leaves out what is already below the minimum, as a window the wrong way round would have it. */
    private static String timing(String seconds, String min, String max) {
        return "count(" + seconds + "), sum(CASE WHEN " + seconds + " < " + min + " THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN " + seconds + " >= " + min + " AND " + seconds + " > " + max + " THEN 1 ELSE 0 END)";
    }

    @Override
    public List<Count> counts() {
        return List.of(
                new Count("SELECT status, count(*) FROM chosen GROUP BY status",
                        rs -> sessionsByStatus.merge(rs.getString(1), rs.getInt(2), Integer::sum)),
                // an aborted session may end before the hands step; it still had needles in a patient
                new Count("SELECT count(*), sum(CASE WHEN points_needled > 0 THEN 1 ELSE 0 END),"
                        + " sum(CASE WHEN points_needled > 0 AND hands_sanitized = 0 THEN 1 ELSE 0 END),"
                        + " sum(CASE WHEN EXISTS (SELECT 1 FROM session_deviations d WHERE d.session_id = c.id)"
                        + " THEN 1 ELSE 0 END) FROM chosen c", rs -> {
                            sessions = rs.getInt(1);
                            needledSessions = rs.getInt(2);
                            needledSessionsWithoutHandHygiene = rs.getInt(3);
                            sessionsWithDeviations = rs.getInt(4);
                        }),
                new Count("SELECT count(*), " + timing("p.dwell_seconds", "p.dwell_min", "p.dwell_max")
                        + ", sum(p.dwell_extended), "
                        + timing("p.compression_seconds", "p.compression_min", "p.compression_max")
                        + ", sum(CASE WHEN p.needles_removed <> p.needles_inserted THEN 1 ELSE 0 END)"
                        + " FROM chosen c JOIN needled_points p ON p.session_id = c.id", rs -> {
                            pointsNeedled = rs.getInt(1);
                            dwell.set(rs.getInt(2), rs.getInt(3), rs.getInt(4));
                            extendedWindows = rs.getInt(5);
                            compression.set(rs.getInt(6), rs.getInt(7), rs.getInt(8));
                            needleCountMismatches = rs.getInt(9);
                        }),
                new Count("SELECT d.step, d.rule, count(*) FROM chosen c JOIN session_deviations d"
                        + " ON d.session_id = c.id GROUP BY d.step, d.rule",
                        rs -> deviations.merge(rs.getString(1) + " " + rs.getString(2), rs.getInt(3), Integer::sum)));
    }

    @Override
    public void printTable(PrintWriter out) {
        out.println("Protocol adherence: " + sessions + " session(s), " + pointsNeedled + " point(s) needled");
        if (sessions > 0) {
            out.println("  " + String.join(", ",
                    sessionsByStatus.entrySet().stream().map(e -> e.getValue() + " " + Printable.line(e.getKey())).toList()));
        }
        out.println();
        out.println(String.format("%-28s %s", "dwell inside its window", new Share(dwell.inside, dwell.timed)));
        out.println(String.format("%-28s %s", "  below the minimum", new Share(dwell.below, dwell.timed)));
        out.println(String.format("%-28s %s", "  above the maximum", new Share(dwell.above, dwell.timed)));
        out.println(String.format("%-28s %s", "  extended (weak twitch)", new Share(extendedWindows, dwell.timed)));
        out.println(String.format("%-28s %s", "compression inside window", new Share(compression.inside, compression.timed)));
        out.println(String.format("%-28s %s", "  below the minimum", new Share(compression.below, compression.timed)));
        out.println(String.format("%-28s %s", "  above the maximum", new Share(compression.above, compression.timed)));
        out.println(String.format("%-28s %s", "needle count mismatch", new Share(needleCountMismatches, pointsNeedled)));
        out.println(String.format("%-28s %s", "no hand hygiene recorded",
                new Share(needledSessionsWithoutHandHygiene, needledSessions)) + " needled sessions");
        out.println(String.format("%-28s %s", "sessions with deviations", new Share(sessionsWithDeviations, sessions)));
        deviations.forEach((k, v) -> out.println(String.format("  %-26s %d", Printable.line(k), v)));
    }

    /** Timed steps of one kind against their windows. */
    public record TimingFigures(int timed, int insideWindow, int belowMinimum, int aboveMaximum) {
    }

    /** The report as data; field names are the JSON contract of `tdn report adherence --json`. */
    public record Figures(int sessions, Map<String, Integer> sessionsByStatus, int pointsNeedled, TimingFigures dwell,
            int extendedWindows, TimingFigures compression, int needleCountMismatches, int needledSessions,
            int needledSessionsWithoutHandHygiene, int sessionsWithDeviations, Map<String, Integer> deviations) {
    }

    /** Dwell and compression, each a bar of the steps inside, below and above their windows. */
    @Override
    public Chart chart() {
        return new Chart("Timed steps against their windows", Chart.Kind.STACKED_BAR, "step", "points",
                List.of("dwell", "compression"), List.of(
                        new Chart.Series("inside the window", List.of(dwell.inside, compression.inside)),
                        new Chart.Series("below the minimum", List.of(dwell.below, compression.below)),
                        new Chart.Series("above the maximum", List.of(dwell.above, compression.above))),
                null);
    }

    @Override
    public Figures json() {
        return new Figures(sessions, new TreeMap<>(sessionsByStatus), pointsNeedled, dwell.figures(), extendedWindows,
                compression.figures(), needleCountMismatches, needledSessions, needledSessionsWithoutHandHygiene,
                sessionsWithDeviations, new TreeMap<>(deviations));
    }
}
