/**
 * The treatment room: one session from its first line to its filed record. {@code TreatmentRoom}
 * opens the journal (or takes an interrupted one up again), holds the conversation on the live
 * screen or in plain lines, and {@code Filing} writes the record, sums it up, imports it
 * ({@code StoreImport}) and only then retires the journal. {@code Interrupts} is Ctrl-C in plain
 * lines.
 */
package dev.tdn.room;
