package dev.tdn.session;

/**
 * Where a console sends the clinician's inputs: the engine, and whatever must hold them durably
 * before the screen moves on.
 */
@FunctionalInterface
public interface InputSink {

    Outcome accept(Input input);
}
