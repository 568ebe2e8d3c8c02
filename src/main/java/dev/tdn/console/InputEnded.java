package dev.tdn.console;

/** Unwinds a console out of whatever it was asking when its input ends (a pipe closed, Ctrl-D). */
final class InputEnded extends RuntimeException {

    InputEnded() {
        super(null, null, false, false);
    }
}
