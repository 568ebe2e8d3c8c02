/**
 * The clinic store: importing records in batches ({@code Importer}), each checked as
 * {@code tdn validate} checks it, and querying them ({@code SessionQuery}). {@code SqliteStore}
 * is the store today (WAL, synchronous=FULL, BEGIN IMMEDIATE); another store implements
 * {@code SessionStore}.
 */
package dev.tdn.store;
