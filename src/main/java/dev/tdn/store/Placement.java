package dev.tdn.store;

/** What the store did with one record offered to it. */
public enum Placement {
    IMPORTED,
    /** The same id with the same content was already there: nothing to do. */
    ALREADY_PRESENT,
    /** The same id with other content, replaced because --replace was given. */
    REPLACED,
    /** The same id with other content: refused, the stored one is kept. */
    CONFLICT
}
