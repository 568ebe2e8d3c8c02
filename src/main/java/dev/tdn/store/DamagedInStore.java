package dev.tdn.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Stored records that are damaged (74), raised once the command has done everything else: one
 * line per session, naming its id only, never the record's content.
 */
public final class DamagedInStore extends StoreException {

    private final transient List<DamagedSession> sessions;

    public DamagedInStore(List<DamagedSession> sessions) {
        super(sessions.stream().map(DamagedSession::problem).collect(Collectors.joining("\n")), null);
        this.sessions = List.copyOf(sessions);
    }

    public List<DamagedSession> sessions() {
        return sessions;
    }
}
