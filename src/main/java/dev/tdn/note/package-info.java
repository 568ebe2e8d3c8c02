/**
 * A stored session written as the procedure note a clinician pastes into the EMR
 * ({@code tdn note}), and the human times {@code tdn show} uses too. Pure: a record in, text out.
 */
package dev.tdn.note;
