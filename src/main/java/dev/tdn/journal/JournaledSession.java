package dev.tdn.journal;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.tdn.session.Input;
import dev.tdn.session.InputSink;
import dev.tdn.session.Outcome;
import dev.tdn.session.Session;

/**
 * The engine with its journal: an accepted input is durable before {@link #accept} returns.
 * Synchronized because Ctrl-C arrives on another thread and aborts through the same door.
 */
public final class JournaledSession implements InputSink {

    private final Session session;
    private final Journal journal;

    public JournaledSession(Session session, Journal journal) {
        this.session = session;
        this.journal = journal;
    }

    @Override
    public synchronized Outcome accept(Input input) {
        Outcome outcome = session.apply(input);
        if (outcome instanceof Outcome.Accepted accepted) {
            try {
                journal.append(accepted.tick(), input);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the session journal", e);
            }
        }
        return outcome;
    }

    public Session session() {
        return session;
    }

    public Journal journal() {
        return journal;
    }
}
