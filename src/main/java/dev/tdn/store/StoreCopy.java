package dev.tdn.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a store's sessions into another store, as a room's SQLite file goes into the clinic's
 * PostgreSQL: every session, training ones too, with its bytes exactly as imported, through the
 * destination's ordinary import path (so its checks, conflicts and audit entries are those of an
 * import). Committed in batches: an interrupted copy keeps what it committed, and running it
 * again copies the rest and counts the others as already present.
 */
public final class StoreCopy {

    public static final int BATCH_SIZE = 500;

    /** What a copy did; sessions named by id only. */
    public record Copied(int copied, int alreadyPresent, List<String> conflicts, List<String> damagedThere,
            List<DamagedSession> damagedHere) {
    }

    private StoreCopy() {
    }

    public static Copied run(SessionStore from, SessionStore to, int batchSize) throws StoreException, IOException {
        Writer writer = new Writer(to, batchSize);
        List<DamagedSession> damaged;
        try {
            damaged = from.eachStored(new SessionQuery(null, null, null, null, null, true, 0), writer::put);
            writer.commit();
        } finally {
            writer.close();
        }
        return new Copied(writer.copied, writer.present, writer.conflicts, writer.damagedThere, damaged);
    }

    /** The destination's batches, one open at a time. */
    private static final class Writer {
        private final SessionStore to;
        private final int batchSize;
        private SessionStore.Batch open;
        private int inBatch;
        int copied;
        int present;
        final List<String> conflicts = new ArrayList<>();
        final List<String> damagedThere = new ArrayList<>();

        Writer(SessionStore to, int batchSize) {
            this.to = to;
            this.batchSize = batchSize;
        }

        void put(dev.tdn.record.SessionRecord record, byte[] bytes) throws StoreException {
            if (open == null) {
                open = to.batch(Overwrite.NOTHING);
            }
            switch (open.put(StoreEntry.of(record, bytes))) {
                case IMPORTED -> copied++;
                case ALREADY_PRESENT -> present++;
                case DAMAGED_IN_STORE -> damagedThere.add(record.id());
                default -> conflicts.add(record.id());
            }
            if (++inBatch == batchSize) {
                commit();
            }
        }

        void commit() throws StoreException {
            if (open != null) {
                open.commit();
                open.close();
                open = null;
                inBatch = 0;
            }
        }

        void close() throws StoreException {
            if (open != null) {
                open.close();
            }
        }
    }
}
