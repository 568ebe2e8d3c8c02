package dev.tdn.report;

import java.io.PrintWriter;

import java.util.List;

import dev.tdn.store.Count;

/**
 * One of `tdn report`'s questions, answered by the store: a few SQL aggregates over the facts
 * each session's record gave when it was stored ({@link Count}), so a report over the whole store
 * parses no record and holds counts, not sessions.
 */
public interface Report {

    /** The counting queries; their rows fill this report in. */
    List<Count> counts();

    /** The answer as a table for people (80 columns). */
    void printTable(PrintWriter out);

    /** The same table with nothing cut to fit 80 columns, for a page. */
    default void printFullTable(PrintWriter out) {
        printTable(out);
    }

    /** The answer as data for scripts; serialised as JSON. */
    Object json();

    /** The answer as a chart, for the HTML page. */
    Chart chart();
}
