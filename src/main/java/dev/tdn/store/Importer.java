package dev.tdn.store;

import java.io.InputStream;
import java.util.List;
import java.util.function.IntConsumer;

import dev.tdn.json.Document;
import dev.tdn.json.Problem;
import dev.tdn.record.CheckedRecord;
import dev.tdn.record.RecordInputs;
import dev.tdn.record.RecordValidator;

/**
 * A batch import: every record goes through the same validation as {@code tdn validate}; valid
 * ones are committed in batches even when others are rejected; a rejected one writes nothing.
 * Records stream through a bounded window ({@link CheckAhead}), so memory does not grow with the
 * batch; a kill between commits leaves whole batches, and running the import again adds the rest
 * exactly once.
 */
public final class Importer {

    /**
     * {@code store} may be null for a dry run when there is no store yet. {@code overwrite} says
     * which stored sessions a record may go over: an import's, or a repair's (which adds none).
     */
    public record Options(Overwrite overwrite, boolean allowTraining, boolean dryRun, int batchSize) {

        /** An import's: {@code replace} as {@code tdn import --replace}. */
        public Options(boolean replace, boolean allowTraining, boolean dryRun, int batchSize) {
            this(replace ? Overwrite.OTHER_CONTENT : Overwrite.NOTHING, allowTraining, dryRun, batchSize);
        }
    }

    /**
     * Records per commit. Each commit waits for the disk twice (the write-ahead log, then its
     * checkpoint into the database); 2,000 records, about 16 MB, made a large import a sixth
     * faster than 500 did, and a killed import still keeps every commit before the kill.
     */
    public static final int BATCH_SIZE = 2000;

    private Importer() {
    }

    public static ImportReport run(List<String> inputs, InputStream stdin, RecordValidator validator,
            SessionStore store, Options options, IntConsumer progress) {
        return run(inputs, stdin, validator, () -> store, options, progress);
    }

    /**
     * The store an import writes to, asked for when the first record is to be written: it may
     * still be opening on another thread while the first records are read and checked. What
     * opening it threw comes out of {@link #run} as {@link NotOpened}, with nothing written.
     */
    public interface Destination {
        SessionStore store() throws StoreException;
    }

    /** The store could not be opened: the import ends there, reporting nothing of its own. */
    public static final class NotOpened extends RuntimeException {
        private final StoreException failure;

        NotOpened(StoreException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }

        public StoreException failure() {
            return failure;
        }
    }

    public static ImportReport run(List<String> inputs, InputStream stdin, RecordValidator validator,
            Destination store, Options options, IntConsumer progress) {
        ImportReport report = new ImportReport();
        Batches batches = new Batches(store, options, report);
        try (CheckAhead ahead = new CheckAhead(validator, options.allowTraining(), verdicts -> {
            for (CheckAhead.Verdict v : verdicts) {
                decide(v, batches, options, report);
            }
            progress.accept(report.records());
        })) {
            RecordInputs.read(inputs, stdin, new RecordInputs.Visitor() {
                @Override
                public void document(Document document) {
                    ahead.add(document);
                }

                @Override
                public void rejected(Problem problem) {
                    ahead.add(problem);
                }

                @Override
                public void missing(String source, String reason) {
                    report.missing(source, reason);
                }

                @Override
                public void failed(String source, String reason) {
                    report.unreadable(source, reason);
                }
            });
            ahead.finish();
            batches.finish();
        } catch (Failed e) {
            report.storeFailed(e.getMessage());
            batches.abandon();
        }
        return report;
    }

    /** Runs on the importing thread, in input order. */
    private static void decide(CheckAhead.Verdict verdict, Batches batches, Options options, ImportReport report) {
        if (verdict.unreadable() != null) {
            report.rejected(List.of(verdict.unreadable()));
            return;
        }
        CheckedRecord c = verdict.checked();
        Document document = c.document();
        if (!c.valid()) {
            report.rejected(c.problems());
        } else if (verdict.entry() == null) {
            // valid, but made on a scaled clock
            report.rejected(List.of(new Problem(document.source(), document.firstLine(), 1, "$.training",
                    "training-record", "made on a scaled clock for training; --allow-training imports it")));
        } else {
            batches.put(verdict.entry(), placement -> {
                if (placement == Placement.CONFLICT) {
                    report.rejected(List.of(new Problem(document.source(), document.firstLine(), 1, "$.id", "conflict",
                            "another record with this id is already in the store; --replace replaces it")));
                } else if (placement == Placement.DAMAGED_IN_STORE) {
                    report.rejected(List.of(new Problem(document.source(), document.firstLine(), 1, "$.id",
                            "damaged-in-store", "the stored session with this id is damaged; tdn store repair"
                                    + " with this file puts it back")));
                } else {
                    report.placed(placement);
                }
            });
        }
    }

    /** The open transaction, committed every {@code batchSize} records; a dry run rolls each back. */
    private static final class Batches {
        private final Destination destination;
        private SessionStore store;
        private boolean asked;
        private final Options options;
        private final ImportReport report;
        private SessionStore.Batch open;
        private int inOpen;

        Batches(Destination destination, Options options, ImportReport report) {
            this.destination = destination;
            this.options = options;
            this.report = report;
        }

        /** Places {@code entry} in the open transaction; the report counts it once the transaction commits. */
        void put(StoreEntry entry, java.util.function.Consumer<Placement> placed) {
            if (!asked) {
                asked = true;
                try {
                    store = destination.store();
                } catch (StoreException e) {
                    throw new NotOpened(e);
                }
            }
            if (store == null) {
                placed.accept(Placement.IMPORTED);
                report.committed();
                return;
            }
            try {
                if (open == null) {
                    open = store.batch(options.overwrite());
                }
                placed.accept(open.put(entry));
                if (++inOpen >= options.batchSize()) {
                    finish();
                }
            } catch (StoreException e) {
                throw new Failed(e.getMessage());
            }
        }

        void finish() {
            if (open == null) {
                return;
            }
            try {
                if (!options.dryRun()) {
                    open.commit();
                }
                open.close();
                report.committed();
            } catch (StoreException e) {
                report.rolledBack();
                throw new Failed(e.getMessage());
            } finally {
                open = null;
                inOpen = 0;
            }
        }

        void abandon() {
            report.rolledBack();
            if (open != null) {
                try {
                    open.close();
                } catch (StoreException ignored) {
                    // the failure that brought us here is already reported
                }
            }
        }
    }

    /** A store failure, unwinding out of the reading loop. */
    private static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }
}
