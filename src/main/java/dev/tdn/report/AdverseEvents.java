package dev.tdn.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tdn.Printable;
import dev.tdn.record.AdverseEvent;
import dev.tdn.store.Count;

/**
 * Reactions seen before the patient left, as a share of the sessions in which a needle went in
 * (the only ones that can cause them), plus bleeding at the site and bandages applied per point.
 */
public final class AdverseEvents implements Report {

    /** Field names are the JSON contract of `tdn report adverse-events --json`. */
    public record Figures(int needledSessions, Map<String, Integer> sessionsWith, int pointsNeedled, int pointsBleeding,
            int bandages) {
    }

    private final Map<String, Integer> sessionsWith = new HashMap<>();
    private int needledSessions;
    private int pointsNeedled;
    private int pointsBleeding;
    private int bandages;

    @Override
    public List<Count> counts() {
        // a share of the needled sessions counts only what happened in them; each reaction is
        // stored once per session, however it was listed
        return List.of(
                new Count("SELECT count(*) FROM chosen WHERE points_needled > 0", rs -> needledSessions = rs.getInt(1)),
                new Count("SELECT e.event, count(*) FROM chosen c JOIN session_adverse_events e ON e.session_id = c.id"
                        + " WHERE c.points_needled > 0 GROUP BY e.event",
                        rs -> sessionsWith.put(rs.getString(1), rs.getInt(2))),
                // unknown (the session ended before the question) is neither yes nor no
                new Count("SELECT count(*), sum(CASE WHEN p.bleeding = 1 THEN 1 ELSE 0 END),"
                        + " sum(CASE WHEN p.bandage = 1 THEN 1 ELSE 0 END)"
                        + " FROM chosen c JOIN needled_points p ON p.session_id = c.id", rs -> {
                            pointsNeedled = rs.getInt(1);
                            pointsBleeding = rs.getInt(2);
                            bandages = rs.getInt(3);
                        }));
    }

    @Override
    public Figures json() {
        Map<String, Integer> with = new LinkedHashMap<>();
        for (AdverseEvent e : AdverseEvent.values()) {
            with.put(e.json(), sessionsWith.getOrDefault(e.json(), 0));
        }
        return new Figures(needledSessions, with, pointsNeedled, pointsBleeding, bandages);
    }

    /** Sessions with each kind of reaction, every kind shown (a zero is an answer too). */
    @Override
    public Chart chart() {
        Figures f = json();
        return new Chart("Adverse events in " + f.needledSessions() + " session(s) with needling", Chart.Kind.BAR,
                "reaction", "sessions", List.copyOf(f.sessionsWith().keySet()),
                List.of(new Chart.Series("sessions with it", List.copyOf(f.sessionsWith().values()))), null);
    }

    @Override
    public void printTable(PrintWriter out) {
        Figures f = json();
        out.println("Adverse events in " + f.needledSessions() + " session(s) with needling");
        out.println();
        f.sessionsWith().forEach((event, n) -> out.println(String.format("%-14s %s", Printable.line(event),
                new Share(n, f.needledSessions()))));
        out.println();
        out.println(String.format("%-14s %s", "site bleeding", new Share(f.pointsBleeding(), f.pointsNeedled())) + " points");
        out.println(String.format("%-14s %s", "bandage", new Share(f.bandages(), f.pointsNeedled())) + " points");
    }
}
