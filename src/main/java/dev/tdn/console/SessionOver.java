package dev.tdn.console;

/** Unwinds a console out of a stage once the clinician has aborted the session from it. */
final class SessionOver extends RuntimeException {

    SessionOver() {
        super(null, null, false, false);
    }
}
