package dev.tdn.report;

import java.util.List;

/**
 * A report's chart as data: what is drawn, not how ({@code ReportPage} draws it). Categories run
 * along the bottom; each series has one value per category, null where there is none (a pain
 * score the session did not record: a gap in the line, never a 0).
 */
public record Chart(String title, Kind kind, String categoryAxis, String valueAxis, List<String> categories,
        List<Series> series, Integer valueMax) {

    public enum Kind {
        /** Values over time, one line per series (a patient's pain before and after). */
        LINE,
        /** One bar per category, the series stacked in it (inside, below, above a window). */
        STACKED_BAR,
        /** One bar per category and series, side by side. */
        BAR
    }

    public record Series(String name, List<Integer> values) {
    }

    public Chart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }
}
