package dev.tdn.store;

/**
 * Which stored sessions a write may put another record over. {@code tdn import} adds sessions;
 * {@code tdn store repair} only puts a record back where the stored one is damaged, and never
 * adds one.
 */
public enum Overwrite {
    /** {@code tdn import}: a new id is added; another record under a stored id is a conflict. */
    NOTHING(true),
    /** {@code tdn import --replace}: a new id is added; another record under a stored id replaces it. */
    OTHER_CONTENT(true),
    /** {@code tdn store repair}: only a damaged stored session is replaced; an intact one is left alone. */
    DAMAGED(false),
    /** {@code tdn store repair --force}: a damaged session, and an intact one with other content, are replaced. */
    DAMAGED_OR_OTHER_CONTENT(false);

    private final boolean adds;

    Overwrite(boolean adds) {
        this.adds = adds;
    }

    /** Whether a record whose id is not in the store is added. */
    boolean adds() {
        return adds;
    }

    /** Whether a damaged stored session may be replaced (otherwise the record is refused as damaged-in-store). */
    boolean repairs() {
        return !adds;
    }
}
