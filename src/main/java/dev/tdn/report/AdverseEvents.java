package dev.tdn.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tdn.Printable;
import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Point;
import dev.tdn.record.SessionRecord;

/**
 * Reactions seen before the patient left, as a share of the sessions in which a needle went in
 * (the only ones that can cause them), plus bleeding at the site and bandages applied per point.
 */
public final class AdverseEvents implements Report {

    /** Field names are the JSON contract of `tdn report adverse-events --json`. */
    public record Figures(int needledSessions, Map<String, Integer> sessionsWith, int pointsNeedled, int pointsBleeding,
            int bandages) {
    }

    private final Map<AdverseEvent, Integer> sessionsWith = new EnumMap<>(AdverseEvent.class);
    private int needledSessions;
    private int pointsNeedled;
    private int pointsBleeding;
    private int bandages;

    @Override
    public void add(SessionRecord r) {
        boolean needled = false;
        for (Point p : r.points()) {
            if (p.insertedAt() != null) {
                needled = true;
                pointsNeedled++;
                // unknown (the session ended before the question) is neither yes nor no
                pointsBleeding += Boolean.TRUE.equals(p.bleeding()) ? 1 : 0;
                bandages += Boolean.TRUE.equals(p.bandage()) ? 1 : 0;
            }
        }
        if (!needled) {
            // a share of the needled sessions counts only what happened in them
            return;
        }
        needledSessions++;
        // a reaction is counted once per session, however it was listed
        (r.adverseEvents() == null ? List.<dev.tdn.record.AdverseEvent>of() : r.adverseEvents()).stream().distinct().forEach(e -> sessionsWith.merge(e, 1, Integer::sum));
    }

    @Override
    public Figures json() {
        Map<String, Integer> with = new LinkedHashMap<>();
        for (AdverseEvent e : AdverseEvent.values()) {
            with.put(e.json(), sessionsWith.getOrDefault(e, 0));
        }
        return new Figures(needledSessions, with, pointsNeedled, pointsBleeding, bandages);
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
