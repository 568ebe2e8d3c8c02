/**
 * Durability of a session in progress: the append-only journal, each input forced to disk before
 * the next question ({@code Journal}); replaying one into a record after a crash
 * ({@code Recovery}), going on with it ({@code Resumption}), and keeping what cannot be used
 * whole ({@code SetAside}, {@code LeftoverRecord}).
 */
package dev.tdn.journal;
