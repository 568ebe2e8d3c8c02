package dev.tdn.protocol;

import java.util.List;

import dev.tdn.json.Document;
import dev.tdn.json.Problem;

/** The outcome of checking one protocol file: the protocol when it is valid, else the problems found. */
public record CheckedProtocol(Document document, Protocol protocol, List<Problem> problems) {

    public CheckedProtocol {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** The protocol, for a caller that can only go on with a valid one. */
    public Protocol orThrow() throws ProtocolException {
        if (!valid()) {
            throw ProtocolException.invalid(this);
        }
        return protocol;
    }
}
