/**
 * The procedure itself, pure: a clock and inputs in, events and a record out. {@code Procedure}
 * holds every clinical rule (windows, needle counts, screening); {@code Session} adds the history
 * that undo replays and the ticker that times the dwell and compression. Nothing here reads a
 * terminal or a file. A new protocol step starts in {@code Stage} and {@code Procedure}.
 */
package dev.tdn.session;
