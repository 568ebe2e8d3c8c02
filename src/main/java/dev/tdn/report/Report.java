package dev.tdn.report;

import java.io.PrintWriter;

import dev.tdn.record.SessionRecord;

/**
 * One of `tdn report`'s questions, answered in one pass over the matching sessions (oldest
 * first): records go in one at a time, so a report on the whole store holds counts, not records.
 */
public interface Report {

    void add(SessionRecord record);

    /** The answer as a table for people (80 columns). */
    void printTable(PrintWriter out);

    /** The answer as data for scripts; serialised as JSON. */
    Object json();
}
