package dev.tdn.store;

import java.io.InputStream;
import java.util.ArrayList;
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
 * Records stream through one at a time, so memory does not grow with the batch; a kill between
 * commits leaves whole batches, and running the import again adds the rest exactly once.
 */
public final class Importer {

    /** {@code store} may be null for a dry run when there is no store yet. */
    public record Options(boolean replace, boolean allowTraining, boolean dryRun, int batchSize) {
    }

    private Importer() {
    }

    /** Documents validated together, across the cores; bounded so memory stays flat. */
    private static final int CHUNK_DOCUMENTS = 256;
    private static final long CHUNK_BYTES = 8L * 1024 * 1024;

    public static ImportReport run(List<String> inputs, InputStream stdin, RecordValidator validator,
            SessionStore store, Options options, IntConsumer progress) {
        ImportReport report = new ImportReport();
        Batches batches = new Batches(store, options);
        List<Document> pending = new ArrayList<>();
        long[] pendingBytes = {0};
        // validation is most of an import's work and each record's is independent: check a chunk
        // on every core, then place its records one by one, in input order
        Runnable flush = () -> {
            if (pending.isEmpty()) {
                return;
            }
            List<CheckedRecord> checked = pending.parallelStream().map(validator::check).toList();
            pending.clear();
            pendingBytes[0] = 0;
            for (CheckedRecord c : checked) {
                if (report.storeFailure != null) {
                    return;
                }
                Document document = c.document();
                if (!c.valid()) {
                    report.rejected.addAll(c.problems());
                } else if (c.record().training() && !options.allowTraining()) {
                    report.rejected.add(new Problem(document.source(), document.firstLine(), 1, "$.training",
                            "training-record", "made on a scaled clock for training; --allow-training imports it"));
                } else {
                    place(document, c, batches.put(c), report);
                }
            }
            progress.accept(report.records());
        };
        try {
            RecordInputs.read(inputs, stdin, new RecordInputs.Visitor() {
                @Override
                public void document(Document document) {
                    if (report.storeFailure != null) {
                        return;
                    }
                    pending.add(document);
                    pendingBytes[0] += document.bytes().length;
                    if (pending.size() >= CHUNK_DOCUMENTS || pendingBytes[0] >= CHUNK_BYTES) {
                        flush.run();
                    }
                }

                @Override
                public void rejected(Problem problem) {
                    // keep the report in input order: what came before this is decided first
                    flush.run();
                    report.rejected.add(problem);
                }

                @Override
                public void missing(String source, String reason) {
                    report.missing.add(new String[] {source, reason});
                }

                @Override
                public void failed(String source, String reason) {
                    report.unreadable.add(new String[] {source, reason});
                }
            });
            flush.run();
            batches.finish();
        } catch (Failed e) {
            report.storeFailure = e.getMessage();
            batches.abandon();
        }
        return report;
    }

    private static void place(Document document, CheckedRecord checked, Placement placement, ImportReport report) {
        switch (placement) {
            case IMPORTED -> report.imported++;
            case ALREADY_PRESENT -> report.alreadyPresent++;
            case REPLACED -> report.replaced++;
            case CONFLICT -> report.rejected.add(new Problem(document.source(), document.firstLine(), 1, "$.id",
                    "conflict", "another record with this id is already in the store; --replace replaces it"));
        }
    }

    /** The open transaction, committed every {@code batchSize} records; a dry run rolls each back. */
    private static final class Batches {
        private final SessionStore store;
        private final Options options;
        private SessionStore.Batch open;
        private int inOpen;

        Batches(SessionStore store, Options options) {
            this.store = store;
            this.options = options;
        }

        Placement put(CheckedRecord checked) {
            if (store == null) {
                return Placement.IMPORTED;
            }
            try {
                if (open == null) {
                    open = store.batch(options.replace());
                }
                Placement p = open.put(checked.record(), checked.document().bytes());
                if (++inOpen >= options.batchSize()) {
                    finish();
                }
                return p;
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
            } catch (StoreException e) {
                throw new Failed(e.getMessage());
            } finally {
                open = null;
                inOpen = 0;
            }
        }

        void abandon() {
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
