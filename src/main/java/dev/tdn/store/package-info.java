/**
 * The clinic store: importing records in batches ({@code Importer}), each checked as
 * {@code tdn validate} checks it, and querying them ({@code SessionQuery}). {@code SqliteStore}
 * is the store today (WAL, synchronous=FULL, BEGIN IMMEDIATE); another store implements
 * {@code SessionStore}. Beside each record the store keeps what reports count of it
 * ({@code SessionFacts}, written by {@code FactTables}), so a report is SQL over the facts of the
 * sessions whose records are intact ({@code SessionStore.count}).
 */
package dev.tdn.store;
