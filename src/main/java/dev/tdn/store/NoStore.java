package dev.tdn.store;

/** A command that only reads found no store where it looked: a typo in --store, or nothing imported yet. */
public final class NoStore extends StoreException {

    public NoStore(String message) {
        super(message, null);
    }

    /** 66, input not found: there is nothing to read, which is not an I/O failure. */
    @Override
    public int exitCode() {
        return dev.tdn.ExitCode.NO_INPUT;
    }
}
