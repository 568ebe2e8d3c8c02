package dev.tdn.store;

import dev.tdn.ExitCode;

/**
 * A command that only reads found no store where it looked: a typo in --store, or nothing
 * imported yet. 66, input not found: there is nothing to read, which is not an I/O failure.
 */
public final class NoStore extends StoreException {

    public NoStore(String message) {
        super(ExitCode.NO_INPUT, message, null);
    }
}
