package dev.tdn.report;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

import dev.tdn.Printable;
import dev.tdn.record.Compression;
import dev.tdn.record.Deviation;
import dev.tdn.record.Dwell;
import dev.tdn.record.Point;
import dev.tdn.record.SessionRecord;

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

        void add(double seconds, double min, double max) {
            timed++;
            if (seconds < min) {
                below++;
            } else if (seconds > max) {
                above++;
            } else {
                inside++;
            }
        }

        TimingFigures figures() {
            return new TimingFigures(timed, inside, below, above);
        }
    }

    @Override
    public void add(SessionRecord r) {
        sessions++;
        sessionsByStatus.merge(r.status().json(), 1, Integer::sum);
        boolean needled = false;
        for (Point p : r.points()) {
            if (p.insertedAt() == null) {
                continue;
            }
            needled = true;
            pointsNeedled++;
            Dwell d = p.dwell();
            if (d != null) {
                dwell.add(d.seconds(), d.minSeconds(), d.maxSeconds());
                if (d.extended()) {
                    extendedWindows++;
                }
            }
            Compression c = p.compression();
            if (c != null) {
                compression.add(c.seconds(), c.minSeconds(), c.maxSeconds());
            }
            if (p.needlesRemoved() != p.needlesInserted()) {
                needleCountMismatches++;
            }
        }
        if (needled) {
            needledSessions++;
            // an aborted session may end before the hands step; it still had needles in a patient
            if (r.handsSanitizedAt() == null) {
                needledSessionsWithoutHandHygiene++;
            }
        }
        if (!r.deviations().isEmpty()) {
            sessionsWithDeviations++;
        }
        for (Deviation d : r.deviations()) {
            deviations.merge(d.step().json() + " " + d.rule().json(), 1, Integer::sum);
        }
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

    @Override
    public Figures json() {
        return new Figures(sessions, new TreeMap<>(sessionsByStatus), pointsNeedled, dwell.figures(), extendedWindows,
                compression.figures(), needleCountMismatches, needledSessions, needledSessionsWithoutHandHygiene,
                sessionsWithDeviations, new TreeMap<>(deviations));
    }
}
