package dev.tdn.store;

/** What the store did with one record offered to it. */
public enum Placement {
    IMPORTED,
    /** The same id with the same content was already there, intact: nothing to do. */
    ALREADY_PRESENT,
    /** The same id with other content, replaced because --replace (or repair's --force) was given. */
    REPLACED,
    /** The same id with other content: refused, the stored one is kept. */
    CONFLICT,
    /** The stored session with this id is damaged: an import refuses the record, as repair is the way to replace it. */
    DAMAGED_IN_STORE,
    /** The stored session with this id was damaged and this record replaced it (tdn store repair). */
    REPAIRED,
    /** Repair: the stored session is intact with other content, and was left alone (no --force). */
    LEFT_ALONE,
    /** Repair: no session with this id is in the store; repair adds none (tdn import does). */
    NOT_STORED
}
