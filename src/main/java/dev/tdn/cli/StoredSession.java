package dev.tdn.cli;

import java.util.List;
import java.util.Optional;

import dev.tdn.ExitCode;
import dev.tdn.TdnException;
import dev.tdn.store.SessionStore;
import dev.tdn.store.StoreAddress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** The one session {@code show} and {@code note} take: its id, or the start of it, and its lookup. */
public final class StoredSession {

    @Parameters(paramLabel = "ID", description = "The session id, or enough of its start to be unambiguous (4+ characters).")
    String id;

    /** The stored bytes (the read is audited as the command); 2 when ambiguous, 66 when absent. */
    byte[] bytes(CommandSpec spec, TdnCommand root) throws TdnException {
        try (SessionStore store = StoreAddress.parse(root.storeUrl()).openExisting(AuditedAs.command(spec, root))) {
            List<String> ids = id.length() >= 4 ? store.idsStartingWith(id, 2) : List.of();
            if (ids.size() > 1) {
                throw new TdnException(ExitCode.USAGE, id + " matches more than one session; give more of the id");
            }
            Optional<byte[]> found = ids.isEmpty() ? Optional.empty() : store.recordBytes(ids.get(0));
            return found.orElseThrow(() -> new TdnException(ExitCode.NO_INPUT, "no session with id " + id + " in the store"
                    + (id.length() < 4 ? " (give at least the first 4 characters of an id)" : "")));
        }
    }
}
