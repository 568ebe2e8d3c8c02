package dev.tdn.store;

/** A command that only reads found no store where it looked: a typo in --store, or nothing imported yet. */
public final class NoStore extends StoreException {

    public NoStore(String message) {
        super(message, null);
    }
}
